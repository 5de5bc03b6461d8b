import type { JournalLine } from '@ledgerport/core';
import { ItemError } from '@ledgerport/core';

/**
 * A ledger line in Xero's terms: the gross amount (VAT included) with the Xero `TaxType` and the VAT
 * amount Xero should book to that tax type's own VAT account.
 */
export interface FoldedLine {
  readonly line: JournalLine;
  /** Index of the source line in `entry.lines` (for error field paths). */
  readonly index: number;
  /** Gross in minor units (positive): the line's amount plus the VAT lines folded into it. */
  readonly grossAmount: number;
  /** VAT in minor units (positive) Xero books from `TaxType` (for reverse charge: the self-assessed amount); `undefined` without VAT. */
  readonly taxAmount: number | undefined;
  /** Xero `TaxType` (= Pleo `tax.code`), or `undefined` for lines without VAT. */
  readonly taxType: string | undefined;
}

/**
 * Translates core's VAT lines into Xero's model (ERP-format translation, not a re-derivation of tax):
 * core splits VAT out as separate `input_vat` / `output_vat` lines, whereas Xero books VAT itself from
 * a line's `TaxType`. So, per expense line with a tax code:
 * - `inclusive` / `exclusive`: its `input_vat` line(s) are folded in, making the line gross
 *   (net + VAT), posted with `LineAmountTypes: Inclusive`, `TaxType = tax.code` and
 *   `TaxAmount = VAT` — Xero then books net to the GL account and VAT to the tax type's account;
 * - `reverse`: the input and output VAT lines cancel and are dropped; the net line carries the
 *   reverse-charge `TaxType` and `TaxAmount` = the self-assessed VAT, and Xero books both halves.
 * VAT lines are matched to their expense line by `sourceLineId`, else by tax code in order. VAT lines
 * that match nothing (no tax code) stay as ordinary lines on their own account.
 *
 * Invariant (tested): Σ signed gross of the result = Σ signed amounts of the input, so the journal
 * still balances and debit/credit totals in Xero's ledger equal core's.
 */
export function foldVatLines(lines: readonly JournalLine[]): FoldedLine[] {
  const vatUsed = new Set<number>();
  const reverseDropped: JournalLine[] = [];
  const isVat = (l: JournalLine) => l.role === 'input_vat' || l.role === 'output_vat';
  const matches = (expense: JournalLine, vat: JournalLine) =>
    expense.sourceLineId !== undefined && vat.sourceLineId !== undefined
      ? expense.sourceLineId === vat.sourceLineId
      : vat.tax?.code === expense.tax?.code;
  const folded: FoldedLine[] = [];
  lines.forEach((line, index) => {
    if (isVat(line)) return;
    const code = line.tax?.code ?? null;
    if (line.role !== 'expense' || line.tax === undefined || code === null) {
      folded.push({ line, index, grossAmount: line.amount, taxAmount: undefined, taxType: undefined });
      return;
    }
    let vat = 0;
    let selfAssessed = 0;
    lines.forEach((candidate, j) => {
      if (vatUsed.has(j) || !isVat(candidate) || !matches(line, candidate)) return;
      if (line.tax?.type === 'reverse') {
        vatUsed.add(j); // both halves dropped; Xero self-assesses from TaxType
        reverseDropped.push(candidate);
        if (candidate.role === 'input_vat') selfAssessed += candidate.amount;
      } else if (candidate.role === 'input_vat' && candidate.side === line.side) {
        vatUsed.add(j);
        vat += candidate.amount;
      }
    });
    folded.push({
      line,
      index,
      grossAmount: line.amount + vat,
      taxAmount: line.tax.type === 'reverse' ? selfAssessed : vat,
      taxType: code,
    });
  });
  // Reverse-charge halves must cancel; otherwise dropping them would change the totals.
  if (signedSum(reverseDropped) !== 0) {
    throw new ItemError(
      'validation_failure',
      'The reverse-charge VAT lines of this entry do not cancel, so Xero cannot self-assess them. Check the tax setup of the expense in Pleo.',
      { field: 'lines' },
    );
  }
  lines.forEach((line, index) => {
    if (isVat(line) && !vatUsed.has(index)) {
      folded.push({ line, index, grossAmount: line.amount, taxAmount: undefined, taxType: undefined });
    }
  });
  return folded;
}

/** Σ amount with debits positive and credits negative (minor units). */
export function signedSum(lines: readonly Pick<JournalLine, 'amount' | 'side'>[]): number {
  return lines.reduce((sum, l) => sum + (l.side === 'debit' ? l.amount : -l.amount), 0);
}
