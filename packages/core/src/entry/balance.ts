import { ItemError } from '../errors/ledgerport-error';
import type { JournalLine } from './accounting-entry';

/** Σ of the debit and credit lines, in minor units. */
export function sideTotals(lines: readonly JournalLine[]): { debit: number; credit: number } {
  let debit = 0;
  let credit = 0;
  for (const line of lines) {
    if (line.side === 'debit') debit += line.amount;
    else credit += line.amount;
  }
  return { debit, credit };
}

/**
 * Checks that a set of lines can be booked: at least one line, every amount a positive safe integer in
 * `currency`, and Σ debit = Σ credit (architecture.md "The normalized entry": "The lines always balance").
 *
 * @param what - names the line set in the error (`lines`, `payment.lines`).
 * @throws ItemError `validation_failure` naming `what` when any check fails.
 */
export function assertBalanced(lines: readonly JournalLine[], currency: string, what: string): void {
  if (lines.length === 0) {
    throw new ItemError(
      'validation_failure',
      `The entry has no ${what} to book: amount.inWalletCurrency.value is 0.`,
      {
        field: 'amount.inWalletCurrency.value',
      },
    );
  }
  for (const line of lines) {
    if (!Number.isSafeInteger(line.amount) || line.amount <= 0 || line.currency !== currency) {
      throw new ItemError(
        'validation_failure',
        `A ${line.role} line of ${what} has amount ${line.amount} ${line.currency}: expected a positive integer in ${currency}.`,
        { field: what },
      );
    }
  }
  const { debit, credit } = sideTotals(lines);
  if (debit !== credit || !Number.isSafeInteger(debit)) {
    throw new ItemError(
      'validation_failure',
      `The ${what} do not balance: debit ${debit} ≠ credit ${credit} (${currency} minor units).`,
      { field: what, details: { debit, credit } },
    );
  }
}

/** Swaps debit and credit on every line (refunds, chargebacks, cashback, top-ups, returned payments). */
export function flipSides(lines: readonly JournalLine[]): JournalLine[] {
  return lines.map((line) => ({ ...line, side: line.side === 'debit' ? 'credit' : 'debit' }));
}
