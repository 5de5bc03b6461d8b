/**
 * Export items of the runner's Xero lifecycle benchmark: spec-shaped Pleo `ExportItemV3` card purchases
 * and refunds in GBP, without receipts, whose accounts and tax codes exist in the Xero fake's default
 * organisation (`defaultXeroSeed`: a UK company in GBP, wallet BANK account 090, VAT account 820,
 * INPUT2 and REVERSECHARGES) — the benchmark's fake process cannot take another seed. With
 * {@link BENCH_MAPPING} core maps them to the same four entry shapes as the connector benchmark's
 * `benchEntry` (inclusive VAT, reverse charge, refund, a three-line split without VAT), so every one is a
 * balanced GBP manual journal Xero accepts.
 */
import type { ExportItemV3 } from '@ledgerport/pleo';

/** The company mapping of the benchmark (runner config `mapping`). */
export const BENCH_MAPPING = {
  contraAccounts: { GBP: '090' },
  inputVatAccount: '820',
  outputVatAccount: '820',
} as const;

/** A UUID (version 4 shape) from a 32-bit namespace and a serial number. */
const uuid = (namespace: number, serial: number) =>
  `${namespace.toString(16).padStart(8, '0')}-0000-4000-8000-${serial.toString(16).padStart(12, '0')}`;

const gbp = (value: number) => ({
  inSupplierCurrency: { currency: 'GBP', value },
  inWalletCurrency: { currency: 'GBP', value },
});

interface LineSpec {
  readonly account: string;
  readonly amount: number;
  readonly tax?: { code: string; type: 'inclusive' | 'reverse'; rate: number; amount: number };
  readonly tag?: { groupCode: string; code: string };
}

const VAT20 = { code: 'INPUT2', type: 'inclusive', rate: 0.2, amount: 2000 } as const;
const SHAPES: readonly { type: string; note: string; lines: readonly LineSpec[] }[] = [
  {
    type: 'card_purchase',
    note: 'Train to Manchester',
    lines: [{ account: '493', amount: 12000, tax: VAT20, tag: { groupCode: 'Region', code: 'North' } }],
  },
  {
    type: 'card_purchase',
    note: 'Design tool subscription (EU supplier)',
    lines: [
      {
        account: '463',
        amount: 5000,
        tax: { code: 'REVERSECHARGES', type: 'reverse', rate: 0.2, amount: 1000 },
      },
    ],
  },
  { type: 'refund', note: 'Client dinner refunded', lines: [{ account: '420', amount: 12000, tax: VAT20 }] },
  {
    type: 'card_purchase',
    note: 'Conference costs',
    lines: [
      { account: '429', amount: 1001 },
      { account: '400', amount: 2002 },
      { account: '404', amount: 3003 },
    ],
  },
];

/**
 * `count` items of company `companyId`, ids from namespace `namespace` (one per job, so ids never repeat
 * across the benchmark's jobs: Xero's idempotency keys and the shared journal stay per job).
 */
export function benchExportItems(companyId: string, namespace: number, count: number): ExportItemV3[] {
  return Array.from({ length: count }, (_, i) => {
    const shape = SHAPES[i % SHAPES.length] as (typeof SHAPES)[number];
    const id = uuid(namespace, i * 8);
    const total = shape.lines.reduce((sum, line) => sum + line.amount, 0);
    const item = {
      _links: { web: { exportItem: `https://app.pleo.io/export/${id}` } },
      accountingEntryId: id,
      companyId,
      type: shape.type,
      date: '2026-11-20T10:15:00Z',
      amount: gbp(total),
      note: shape.note,
      files: [],
      supplier: {
        name: 'Bench Supplier Ltd',
        code: null,
        account: null,
        categoryCode: '4111',
        country: 'GB',
        taxIdentifier: null,
      },
      vendor: null,
      bookkeeping: { method: 'journal' },
      contraAccount: { id: uuid(namespace, i * 8 + 1), name: 'Pleo wallet', code: '090', identifier: null },
      user: { id: uuid(namespace, i * 8 + 2), name: 'Bench User', code: null },
      team: null,
      additionalInformation: {
        reconciliationId: `BENCH-${i}`,
        attendees: null,
        reconciledEntries: null,
        invoiceInformation: null,
      },
      accountingEntryLines: shape.lines.map((line, l) => ({
        accountingEntryLineId: uuid(namespace, i * 8 + 3 + l),
        lineAmount: gbp(line.amount),
        netAmount: gbp(line.tax?.type === 'inclusive' ? line.amount - line.tax.amount : line.amount),
        account: {
          id: uuid(0xacc0, Number.parseInt(line.account, 10)),
          name: 'Expense',
          code: line.account,
          identifier: null,
        },
        tags:
          line.tag === undefined
            ? null
            : [{ id: uuid(0x7a90, 1), code: line.tag.code, groupCode: line.tag.groupCode }],
        tax:
          line.tax === undefined
            ? null
            : {
                id: uuid(0x7ac0, line.tax.code.length),
                code: line.tax.code,
                rate: line.tax.rate,
                type: line.tax.type,
                amount: gbp(line.tax.amount),
              },
      })),
    };
    return item as unknown as ExportItemV3;
  });
}
