/**
 * Bank accounts (BAS 193x) for the seed company's wallets, used when an item has no contra account;
 * supplier invoices go to BAS 2440 (leverantörsskulder).
 */
const DEMO_CONTRA_ACCOUNTS = { SEK: '1930', DKK: '1931', EUR: '1932' };

/** A demo company's connector settings. */
export interface DemoCompanySettings {
  /** The connector's own config (its `configSchema` input). */
  readonly config: unknown;
  /** Company secrets (`companies.<id>.secrets`), handed to the connector as `ctx.secrets`. */
  readonly secrets?: Readonly<Record<string, string>>;
  /** `companies.<id>.postingMode` when not the default `draft`. */
  readonly postingMode?: 'draft' | 'posted';
  /** Company mapping settings (`companies.<id>.mapping`), when the connector supplies no defaults. */
  readonly mapping?: Readonly<Record<string, unknown>>;
}

/**
 * The company settings `ledgerport demo` uses for the sandbox's seed company, per connector id, writing
 * into `outDir`. Values follow each connector's config docs: a Swedish AB for SIE 4I (BAS VAT accounts
 * come from the connector's defaults), a German GmbH on SKR 03 for DATEV; the memory ledger needs input/output
 * VAT accounts because the seed's tax codes carry none.
 */
export const DEMO_COMPANY_SETTINGS: Readonly<Record<string, (outDir: string) => DemoCompanySettings>> = {
  memory: () => ({
    config: { ledgerName: 'demo', apiKey: 'demo-ledger-key' },
    mapping: {
      inputVatAccount: '2641',
      outputVatAccount: '2614',
      payablesAccount: '2440',
      contraAccounts: DEMO_CONTRA_ACCOUNTS,
    },
  }),
  sie: (outDir) => ({
    config: {
      outputDirectory: outDir,
      companyName: 'Ledgerport Demo AB',
      organizationNumber: '556677-8899',
      contraAccounts: DEMO_CONTRA_ACCOUNTS,
    },
    mapping: { payablesAccount: '2440' },
  }),
  datev: (outDir) => ({
    config: {
      outputDirectory: outDir,
      beraternummer: 1001,
      mandantennummer: 1,
      chartOfAccounts: '03',
      // Each VAT line as its own booking on the SKR 03 VAT account (no BU-Schlüssel table needed).
      vat: { mode: 'explicit_lines' },
      // Kurs per non-EUR wallet currency, units per 1 EUR (the seed has DKK and SEK wallets).
      exchangeRates: { DKK: '7,4600', SEK: '11,2345' },
      // SKR 03 bank accounts (Bank 1200 ff.) per wallet.
      contraAccounts: { EUR: '1200', DKK: '1210', SEK: '1220' },
    },
    // SKR 03 1600: Verbindlichkeiten aus Lieferungen und Leistungen.
    mapping: { payablesAccount: '1600' },
  }),
};
