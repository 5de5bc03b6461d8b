/**
 * Property test (issue #3, "Every mapped entry balances"): over generated spec-valid `ExportItemV3` items —
 * every type and sub-type, every bookkeeping method, 1–4 lines, no tax / inclusive / exclusive / reverse
 * tax at rates 0–25 % with consistent amounts, SEK/EUR/JPY/KWD, either sign — the mapped entry balances
 * (invoice and payment separately), its gross equals |amount.inWalletCurrency.value|, and its VAT lines
 * equal the items' tax amounts.
 */
import { exportItemSubTypeSchema, exportItemTypeSchema, exportItemV3Schema } from '@ledgerport/pleo';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import type { AccountingEntry, JournalLine } from '../../src/entry/accounting-entry';
import { mapExportItem } from '../../src/entry/map-export-item';
import type { MapOptions } from '../../src/entry/map-options';
import { buildItem, type ItemSpec, type LineSpec } from './build-item';

const mapping: MapOptions = {
  inputVatAccount: '2640',
  outputVatAccount: '2614',
  payablesAccount: '2440',
  contraAccounts: { SEK: '1930', EUR: '1931', JPY: '1932', KWD: '1933' },
};

const REVERSED_TYPES = new Set(['refund', 'chargeback', 'cashback', 'wallet_topup']);
const REVERSING_SUB_TYPES = new Set(['invoice_payment_returned', 'reimbursement_to_company']);
const SETTLEMENT_TYPES = new Set(['invoice_payment', 'direct_reimbursement', 'external_reimbursement']);

const lineArb: fc.Arbitrary<LineSpec> = fc
  .record({
    amount: fc.integer({ min: 1, max: 50_000_000 }),
    account: fc.constantFrom('6010', '6020', '5410'),
    taxType: fc.constantFrom(null, 'inclusive', 'exclusive', 'reverse'),
    basisPoints: fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 2500 })),
    taxAccounts: fc.boolean(),
    tags: fc.array(
      fc.record({
        code: fc.constantFrom('P-1', 'P-2', 'CC-9'),
        groupCode: fc.constantFrom('PROJECT', 'COST'),
      }),
      {
        maxLength: 2,
      },
    ),
  })
  .map(({ amount, account, taxType, basisPoints, taxAccounts, tags }) => {
    if (taxType === null) return { amount, account, tax: null, tags };
    const rate = basisPoints / 10_000;
    // Consistent tax amounts: inclusive/exclusive take the VAT out of the gross line amount; reverse
    // charge self-assesses VAT on top of it.
    const taxAmount =
      taxType === 'reverse' ? Math.round(amount * rate) : Math.round((amount * rate) / (1 + rate));
    const accounts = taxAccounts ? { ingoing: '2645', outgoing: '2615' } : {};
    return {
      amount,
      account,
      tags,
      tax: { type: taxType, rate, amount: taxAmount, code: `VAT${basisPoints}`, ...accounts },
    };
  });

const dateArb = fc
  .integer({ min: Date.UTC(2020, 0, 1), max: Date.UTC(2030, 11, 31) })
  .map((ms) => new Date(Math.floor(ms / 1000) * 1000).toISOString().replace('.000Z', 'Z'));

const itemArb = fc.record({
  spec: fc.record({
    type: fc.constantFrom(...exportItemTypeSchema.options),
    subType: fc.option(fc.constantFrom(...exportItemSubTypeSchema.options), { nil: null }),
    currency: fc.constantFrom('SEK', 'EUR', 'JPY', 'KWD'),
    method: fc.constantFrom(null, 'none', 'journal', 'accounts_payable'),
    contra: fc.option(fc.constantFrom('1930', '1939'), { nil: null }),
    vendor: fc.option(
      fc.record({ name: fc.constantFrom('Acme ApS', 'Büro GmbH'), code: fc.constantFrom('V1', 'V2') }),
      { nil: null },
    ),
    date: dateArb,
    lines: fc.array(lineArb, { minLength: 1, maxLength: 4 }),
  }) as fc.Arbitrary<ItemSpec>,
  negative: fc.boolean(),
});

/** Negates every Pleo money value of the item (Pleo's sign convention is undocumented). */
function negateAll(value: unknown): void {
  if (Array.isArray(value)) value.forEach(negateAll);
  else if (value !== null && typeof value === 'object') {
    const record = value as Record<string, unknown>;
    if (typeof record.currency === 'string' && typeof record.value === 'number') record.value = -record.value;
    else Object.values(record).forEach(negateAll);
  }
}

const total = (lines: readonly JournalLine[], side: 'debit' | 'credit') =>
  lines.filter((l) => l.side === side).reduce((sum, l) => sum + l.amount, 0);
const isReverseChargeVat = (l: JournalLine) =>
  (l.role === 'input_vat' || l.role === 'output_vat') && l.tax?.type === 'reverse';

function allLines(entry: AccountingEntry): JournalLine[] {
  return entry.kind === 'supplier_invoice'
    ? [...entry.lines, ...(entry.payment?.lines ?? [])]
    : [...entry.lines];
}

describe('mapExportItem properties', () => {
  test('every generated spec-valid item maps to a balanced entry with the right gross and VAT', () => {
    fc.assert(
      fc.property(itemArb, ({ spec, negative }) => {
        const item = buildItem(spec);
        if (negative) negateAll(item);
        const parsed = exportItemV3Schema.safeParse(JSON.parse(JSON.stringify(item)));
        expect(parsed.success, JSON.stringify(parsed.error?.issues[0])).toBe(true);

        const result = mapExportItem(item, mapping);
        if (!result.ok) throw new Error(`${result.error.reason}: ${result.error.message}`);
        const entry = result.entry;
        const gross = Math.abs(item.amount.inWalletCurrency.value);
        const lines = spec.lines ?? [];

        // Σ debit = Σ credit, per entry and for an AP invoice and its payment separately.
        expect(total(entry.lines, 'debit')).toBe(total(entry.lines, 'credit'));
        if (entry.kind === 'supplier_invoice' && entry.payment !== undefined) {
          expect(total(entry.payment.lines, 'debit')).toBe(total(entry.payment.lines, 'credit'));
          expect(total(entry.payment.lines, 'debit')).toBe(gross);
        }
        // Positive integer minor units in the wallet currency, everywhere.
        for (const line of allLines(entry)) {
          expect(Number.isSafeInteger(line.amount) && line.amount > 0).toBe(true);
          expect(line.currency).toBe(spec.currency);
        }
        // Gross: one side without the self-cancelling reverse-charge pair = |amount|.
        const withoutReverse = entry.lines.filter((l) => !isReverseChargeVat(l));
        expect(total(withoutReverse, 'debit')).toBe(gross);
        expect(total(withoutReverse, 'credit')).toBe(gross);
        expect(entry.grossAmount).toBe(gross);

        // VAT lines equal the items' tax amounts (none on an AP settlement: invoice payment, reimbursement).
        const settlementOnly = spec.method === 'accounts_payable' && SETTLEMENT_TYPES.has(spec.type ?? '');
        const taxOf = (l: LineSpec) => (l.tax == null ? 0 : l.tax.amount);
        const expectedInput = settlementOnly ? 0 : lines.reduce((sum, l) => sum + taxOf(l), 0);
        const expectedOutput = settlementOnly
          ? 0
          : lines.filter((l) => l.tax?.type === 'reverse').reduce((s, l) => s + taxOf(l), 0);
        const sumRole = (role: JournalLine['role']) =>
          entry.lines.filter((l) => l.role === role).reduce((s, l) => s + l.amount, 0);
        expect(sumRole('input_vat')).toBe(expectedInput);
        expect(sumRole('output_vat')).toBe(expectedOutput);

        // Sides come from the type (and sub-type), never the sign.
        const reversed = REVERSED_TYPES.has(spec.type ?? '') !== REVERSING_SUB_TYPES.has(spec.subType ?? '');
        const counter = entry.lines.find((l) => l.role === 'contra' || l.role === 'payable');
        const counterSide = settlementOnly ? (reversed ? 'debit' : 'credit') : reversed ? 'debit' : 'credit';
        expect(settlementOnly ? entry.lines.find((l) => l.role === 'contra')?.side : counter?.side).toBe(
          counterSide,
        );
        for (const line of entry.lines.filter((l) => l.role === 'expense')) {
          expect(line.side).toBe(reversed ? 'credit' : 'debit');
        }
        // Kind follows the bookkeeping method; wallet loads/unloads are always journals.
        const supplierInvoice =
          spec.method === 'accounts_payable' &&
          !SETTLEMENT_TYPES.has(spec.type ?? '') &&
          spec.type !== 'wallet_topup' &&
          spec.type !== 'wallet_unload';
        expect(entry.kind).toBe(supplierInvoice ? 'supplier_invoice' : 'journal');
      }),
      { numRuns: 1000 },
    );
  });

  test('items whose lines do not add up to the amount fail with validation_failure, never throw', () => {
    fc.assert(
      fc.property(
        itemArb,
        fc.integer({ min: -1000, max: 1000 }).filter((d) => d !== 0),
        ({ spec }, delta) => {
          const item = buildItem(spec);
          const amount = item.amount.inWalletCurrency as { value: number };
          amount.value = Math.max(1, amount.value + delta);
          fc.pre(amount.value !== (spec.lines ?? []).reduce((s, l) => s + l.amount, 0));
          const result = mapExportItem(item, mapping);
          expect(result.ok).toBe(false);
          if (!result.ok) {
            expect(result.error.reason).toBe('validation_failure');
            expect(result.error.field).toBe('accountingEntryLines');
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});
