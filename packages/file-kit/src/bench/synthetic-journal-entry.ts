import type { AccountingEntry, JournalLine } from '@ledgerport/core';
import type { ExportItemV3 } from '@ledgerport/pleo';

/** What varies between formats in a synthetic benchmark entry. */
export interface SyntheticJournalEntryOptions {
  /** ISO 4217 wallet currency of the entry and its lines. */
  readonly currency: string;
  /** ISO 8601 date (`YYYY-MM-DD`) used as `date` and `postingDate`. */
  readonly date: string;
  /**
   * The balanced lines for a gross amount and its VAT (integer minor units); `line` builds one line in
   * the entry's currency with a `PROJECT` dimension `P-<n % 50>` on the expense line.
   */
  lines(
    gross: number,
    vat: number,
    line: (
      account: string,
      side: 'debit' | 'credit',
      amount: number,
      role: 'expense' | 'input_vat' | 'contra',
    ) => JournalLine,
  ): JournalLine[];
}

/**
 * The `n`-th synthetic card-purchase journal entry for write benchmarks: idempotency key / reference
 * `00000000-0000-4000-8000-<n as 12 hex digits>`, gross `10 000 + (n mod 997) × 13` minor units, VAT
 * `round(gross / 5)`, Swedish/German-friendly text with non-ASCII letters (`Kafé Åkerström - Örjan <n>`).
 * Shape: core `AccountingEntry` (`entry/accounting-entry.ts`); `source` is an empty stand-in.
 */
export function syntheticJournalEntry(n: number, options: SyntheticJournalEntryOptions): AccountingEntry {
  const key = `00000000-0000-4000-8000-${n.toString(16).padStart(12, '0')}`;
  const gross = 10_000 + (n % 997) * 13;
  const vat = Math.round(gross / 5);
  const line = (
    account: string,
    side: 'debit' | 'credit',
    amount: number,
    role: 'expense' | 'input_vat' | 'contra',
  ): JournalLine => ({
    account,
    side,
    amount,
    currency: options.currency,
    role,
    dimensions: role === 'expense' ? [{ dimension: 'PROJECT', value: `P-${n % 50}` }] : [],
  });
  return {
    kind: 'journal',
    idempotencyKey: key,
    accountingEntryId: key,
    reconciliationId: undefined,
    type: 'card_purchase',
    subType: null,
    bookkeepingMethod: 'journal',
    date: options.date,
    postingDate: options.date,
    description: `Kafé Åkerström - Örjan ${n}`,
    reference: key,
    currency: options.currency,
    grossAmount: gross,
    lines: options.lines(gross, vat, line),
    supplierName: 'Kafé Åkerström',
    userName: 'Örjan',
    note: undefined,
    vendor: undefined,
    files: [],
    postingMode: 'draft',
    pleoUrl: undefined,
    source: {} as ExportItemV3,
  };
}
