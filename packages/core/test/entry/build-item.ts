/**
 * Builds spec-shaped Pleo `ExportItemV3` objects (export-openapi.yml) for the mapping tests.
 */
import type { ExportItemV3 } from '@ledgerport/pleo';

export interface LineSpec {
  amount: number;
  account?: string | null;
  tax?: {
    type: 'inclusive' | 'exclusive' | 'reverse';
    rate: number;
    amount: number;
    code?: string | null;
    ingoing?: string;
    outgoing?: string;
  } | null;
  net?: number;
  tags?: { code: string; groupCode: string }[];
}

export interface ItemSpec {
  type?: string;
  subType?: string | null;
  currency?: string;
  amount?: number;
  lines?: LineSpec[];
  method?: string | null;
  contra?: string | null;
  vendor?: { name: string; code?: string } | null;
  supplier?: { name: string | null; code?: string | null } | null;
  user?: string | null;
  note?: string | null;
  team?: { name: string; code: string | null } | null;
  date?: string;
  invoice?: { invoiceNumber: string; invoiceDate: string; dueDate?: string | null; status: string } | null;
  supplierCurrency?: string;
}

let counter = 0;
const uuid = () => {
  counter += 1;
  return `00000000-0000-4000-8000-${counter.toString().padStart(12, '0')}`;
};

const money = (currency: string, value: number) => ({ currency, value });

/** A Pleo item with sensible defaults: a 125.00 SEK card purchase, 25 % inclusive VAT, contra 1930. */
export function buildItem(spec: ItemSpec = {}): ExportItemV3 {
  const currency = spec.currency ?? 'SEK';
  const supplierCurrency = spec.supplierCurrency ?? currency;
  const lines = spec.lines ?? [
    { amount: 12500, account: '6010', tax: { type: 'inclusive', rate: 0.25, amount: 2500, code: 'MP1' } },
  ];
  const amount = spec.amount ?? lines.reduce((sum, line) => sum + line.amount, 0);
  const pair = (value: number) => ({
    inSupplierCurrency: money(supplierCurrency, value),
    inWalletCurrency: money(currency, value),
  });
  const item = {
    _links: { web: { exportItem: 'https://app.pleo.io/export/1' } },
    accountingEntryId: uuid(),
    companyId: uuid(),
    type: spec.type ?? 'card_purchase',
    ...(spec.subType == null ? {} : { subType: spec.subType }),
    date: spec.date ?? '2025-12-10T15:46:34Z',
    amount: pair(amount),
    note: spec.note === undefined ? 'Printer ink' : spec.note,
    files: [],
    supplier:
      spec.supplier === undefined
        ? {
            name: 'Target',
            code: null,
            account: null,
            categoryCode: '1000',
            country: 'GB',
            taxIdentifier: null,
          }
        : spec.supplier === null
          ? null
          : {
              account: null,
              categoryCode: null,
              country: null,
              taxIdentifier: null,
              code: null,
              ...spec.supplier,
            },
    vendor:
      spec.vendor == null
        ? null
        : { id: uuid(), defaultCurrency: currency, externalId: 'V-EXT', ...spec.vendor },
    bookkeeping: spec.method === null || spec.method === undefined ? null : { method: spec.method },
    contraAccount:
      spec.contra === null
        ? null
        : { id: uuid(), name: `Pleo ${currency} Account`, code: spec.contra ?? '1930', identifier: null },
    user: spec.user === null ? null : { id: uuid(), name: spec.user ?? 'Luke Richardson', code: null },
    team:
      spec.team === undefined
        ? { id: uuid(), name: 'Engineering', code: '5678' }
        : spec.team === null
          ? null
          : { id: uuid(), ...spec.team },
    servicePeriod: null,
    additionalInformation: {
      reconciliationId: 'BOOK-42',
      attendees: null,
      reconciledEntries: null,
      invoiceInformation: spec.invoice ?? null,
    },
    accountingEntryLines: lines.map((line) => ({
      accountingEntryLineId: uuid(),
      lineAmount: pair(line.amount),
      netAmount: pair(
        line.net ?? (line.tax?.type === 'exclusive' ? line.amount - line.tax.amount : line.amount),
      ),
      account:
        line.account === null
          ? null
          : { id: uuid(), name: 'Account', code: line.account ?? '6010', identifier: null },
      tags: line.tags?.map((tag) => ({ id: uuid(), ...tag })) ?? null,
      tax:
        line.tax == null
          ? null
          : {
              id: uuid(),
              code: line.tax.code === undefined ? 'VAT' : line.tax.code,
              rate: line.tax.rate,
              type: line.tax.type,
              amount: pair(line.tax.amount),
              ...(line.tax.ingoing === undefined ? {} : { ingoingTaxAccount: line.tax.ingoing }),
              ...(line.tax.outgoing === undefined ? {} : { outgoingTaxAccount: line.tax.outgoing }),
            },
    })),
  };
  return item as unknown as ExportItemV3;
}
