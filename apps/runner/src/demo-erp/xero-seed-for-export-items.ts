import { createHash } from 'node:crypto';
import type { FakeAccount, FakeTaxRate, XeroFakeSeed } from '@ledgerport/connector-xero/testing';
import type { ExportItemV3 } from '@ledgerport/pleo';

/** The Xero tenant (organisation) id the demo and the end-to-end tests connect to. */
export const DEMO_XERO_TENANT_ID = '4f0d6b2a-1c3e-4a5b-8d7f-9e0a1b2c3d4e';

/** Options of {@link xeroSeedForExportItems}. */
export interface XeroSeedForExportItemsOptions {
  /** The organisation's base currency (ISO 4217); entries in other currencies become bank transactions. */
  readonly baseCurrency: string;
  /** Organisation and tenant name. Default `Ledgerport Demo ApS`. */
  readonly organisationName?: string;
  /**
   * GL accounts the company mapping names (`inputVatAccount`, `outputVatAccount`, `payablesAccount`
   * → current liabilities; `contraAccounts` values → Pleo wallet BANK accounts).
   */
  readonly mapping?: {
    readonly inputVatAccount?: string;
    readonly outputVatAccount?: string;
    readonly payablesAccount?: string;
    readonly contraAccounts?: Readonly<Record<string, string>>;
  };
}

/**
 * A Xero organisation (the Xero fake's {@link XeroFakeSeed}) that accepts `items`: one tenant, the
 * base currency, a chart of accounts holding every GL account code the items book to (`EXPENSE`), every
 * contra account (`BANK`, so foreign-currency spend can be a bank transaction on the wallet, Xero docs
 * "BankTransactions"), the tax accounts of reverse-charge codes and the mapping's accounts (`CURRLIAB`);
 * a tax rate (`TaxType` = Pleo tax code, rate as a fraction, reverse charge for Pleo `reverse`) per code,
 * plus `NONE`; and a contact per vendor name (deterministic `ContactID`). Accounts without a code are
 * left out (core fails those items with `missing_configuration` before any ERP call).
 */
export function xeroSeedForExportItems(
  items: readonly ExportItemV3[],
  options: XeroSeedForExportItemsOptions,
): XeroFakeSeed {
  const name = options.organisationName ?? 'Ledgerport Demo ApS';
  const accounts = new Map<string, FakeAccount>();
  const add = (code: string | null | undefined, accountName: string, type: string) => {
    if (code === null || code === undefined || code === '') return;
    const existing = accounts.get(code);
    // A wallet (BANK) wins over any other use of the same code.
    if (existing === undefined || (type === 'BANK' && existing.Type !== 'BANK'))
      accounts.set(code, { Code: code, Name: accountName.slice(0, 150), Type: type });
  };
  const taxRates = new Map<string, FakeTaxRate>([['NONE', { TaxType: 'NONE', Name: 'No VAT', rate: 0 }]]);
  const contacts = new Map<string, string>();

  for (const item of items) {
    add(item.contraAccount?.code, item.contraAccount?.name ?? 'Pleo wallet', 'BANK');
    for (const line of item.accountingEntryLines) {
      add(line.account?.code, line.account?.name ?? 'Expense', 'EXPENSE');
      const tax = line.tax;
      if (tax?.code !== null && tax?.code !== undefined && !taxRates.has(tax.code)) {
        const percent = Math.round(tax.rate * 10_000) / 100;
        taxRates.set(tax.code, {
          TaxType: tax.code,
          Name: `${tax.code} ${percent} %${tax.type === 'reverse' ? ' (reverse charge)' : ''}`,
          rate: tax.rate,
          ...(tax.type === 'reverse' ? { reverseCharge: true } : {}),
        });
      }
      add(tax?.ingoingTaxAccount, 'Input VAT (reverse charge)', 'CURRLIAB');
      add(tax?.outgoingTaxAccount, 'Output VAT (reverse charge)', 'CURRLIAB');
    }
    for (const party of [item.vendor?.name, item.supplier?.name]) {
      if (party !== undefined && party !== null && !contacts.has(party))
        contacts.set(party, contactId(party));
    }
  }
  const mapping = options.mapping ?? {};
  add(mapping.inputVatAccount, 'VAT', 'CURRLIAB');
  add(mapping.outputVatAccount, 'Output VAT', 'CURRLIAB');
  add(mapping.payablesAccount, 'Accounts Payable', 'CURRLIAB');
  for (const [currency, code] of Object.entries(mapping.contraAccounts ?? {}))
    add(code, `Pleo ${currency}`, 'BANK');

  return {
    tenants: [{ tenantId: DEMO_XERO_TENANT_ID, tenantName: name }],
    organisation: { Name: name, ShortCode: '!Lp9dK', BaseCurrency: options.baseCurrency },
    accounts: [...accounts.values()],
    taxRates: [...taxRates.values()],
    contacts: [...contacts].map(([Name, ContactID]) => ({ ContactID, Name })),
  };
}

/** A stable UUID-shaped ContactID for a contact name (SHA-256 based, version nibble 4). */
function contactId(contactName: string): string {
  const hex = createHash('sha256').update(`xero-contact:${contactName}`).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-8${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}
