import type { AccountingEntry, JournalLine } from '@ledgerport/core';
import { COLUMN } from '../../src/index';

/** Signed balance per account (debit +, credit −) of journal lines, zero balances dropped. */
export function lineBalances(lines: readonly JournalLine[]): Map<string, number> {
  const balances = new Map<string, number>();
  for (const line of lines) {
    balances.set(
      line.account,
      (balances.get(line.account) ?? 0) + (line.side === 'debit' ? line.amount : -line.amount),
    );
  }
  return new Map([...balances].filter(([, value]) => value !== 0).sort(([a], [b]) => a.localeCompare(b)));
}

/** The entry's lines, plus the payment lines of a paid supplier invoice. */
export function allLines(entry: AccountingEntry): JournalLine[] {
  return [...entry.lines, ...(entry.kind === 'supplier_invoice' ? (entry.payment?.lines ?? []) : [])];
}

/**
 * Signed balance per account that booking rows post (Umsatz to Konto on its S/H side and to Gegenkonto on
 * the other), in minor units given by `toMinor`, zero balances dropped.
 */
export function bookingBalances(
  rows: readonly (readonly string[])[],
  toMinor: (umsatz: string) => number,
): Map<string, number> {
  const balances = new Map<string, number>();
  for (const row of rows) {
    const amount = toMinor(row[COLUMN.umsatz] ?? '');
    const signed = row[COLUMN.sollHaben] === 'S' ? amount : -amount;
    const konto = row[COLUMN.konto] ?? '';
    const gegenkonto = row[COLUMN.gegenkonto] ?? '';
    balances.set(konto, (balances.get(konto) ?? 0) + signed);
    balances.set(gegenkonto, (balances.get(gegenkonto) ?? 0) - signed);
  }
  return new Map([...balances].filter(([, value]) => value !== 0).sort(([a], [b]) => a.localeCompare(b)));
}
