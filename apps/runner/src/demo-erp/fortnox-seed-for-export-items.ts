import type { FakeFortnoxAccount, FortnoxFakeSeed } from '@ledgerport/connector-fortnox/testing';
import type { ExportItemV3 } from '@ledgerport/pleo';

/** The Fortnox TenantId of the demo company (sent as `TenantId` only in the client-credentials flow). */
export const DEMO_FORTNOX_TENANT_ID = '7654321';

/** Options of {@link fortnoxSeedForExportItems}. */
export interface FortnoxSeedForExportItemsOptions {
  /** GL accounts the company mapping names (VAT, payables, wallets per currency). */
  readonly mapping?: {
    readonly inputVatAccount?: string;
    readonly outputVatAccount?: string;
    readonly payablesAccount?: string;
    readonly contraAccounts?: Readonly<Record<string, string>>;
  };
  /** A date (`YYYY-MM-DD`) whose calendar year also gets a financial year (the sandbox's today). */
  readonly today?: string;
}

/**
 * A Fortnox company (the Fortnox fake's {@link FortnoxFakeSeed}) that accepts the SEK items of `items`:
 * accounting currency SEK (Fortnox vouchers carry no currency), voucher series `A`, a calendar financial
 * year for every year the items are dated in (and `today`'s), and a chart of accounts holding every
 * numeric GL account code the items book to (line accounts, contra accounts, reverse-charge VAT
 * accounts) and the mapping's accounts. Fortnox account numbers are integers (1000–9999), so other
 * codes are left out and their items fail as `account_unknown`.
 */
export function fortnoxSeedForExportItems(
  items: readonly ExportItemV3[],
  options: FortnoxSeedForExportItemsOptions = {},
): FortnoxFakeSeed {
  const accounts = new Map<number, FakeFortnoxAccount>();
  const add = (code: string | null | undefined, description: string) => {
    if (code === null || code === undefined || !/^\d{4}$/.test(code)) return;
    const number = Number(code);
    if (!accounts.has(number))
      accounts.set(number, { Number: number, Description: description.slice(0, 200) });
  };
  const years = new Set<number>();
  if (options.today !== undefined) years.add(Number(options.today.slice(0, 4)));
  for (const item of items) {
    years.add(Number(item.date.slice(0, 4)));
    add(item.contraAccount?.code, item.contraAccount?.name ?? 'Pleo');
    for (const line of item.accountingEntryLines) {
      add(line.account?.code, line.account?.name ?? 'Kostnad');
      add(line.tax?.ingoingTaxAccount, 'Ingående moms omvänd skattskyldighet');
      add(line.tax?.outgoingTaxAccount, 'Utgående moms omvänd skattskyldighet');
    }
  }
  const mapping = options.mapping ?? {};
  add(mapping.inputVatAccount, 'Debiterad ingående moms');
  add(mapping.outputVatAccount, 'Utgående moms');
  add(mapping.payablesAccount, 'Leverantörsskulder');
  for (const [currency, code] of Object.entries(mapping.contraAccounts ?? {})) add(code, `Pleo ${currency}`);
  const sortedYears = [...years].filter((y) => Number.isInteger(y)).sort((a, b) => a - b);
  return {
    currency: 'SEK',
    tenantId: DEMO_FORTNOX_TENANT_ID,
    financialYears: sortedYears.map((year, i) => ({
      Id: i + 1,
      FromDate: `${year}-01-01`,
      ToDate: `${year}-12-31`,
    })),
    voucherSeries: [{ Code: 'A', Description: 'Redovisningsverifikationer' }],
    accounts: [...accounts.values()].sort((a, b) => a.Number - b.Number),
  };
}
