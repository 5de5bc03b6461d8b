import type { AccountingEntry, JournalLine } from '@ledgerport/core';
import { CANONICAL_FIXTURE_NAMES, type CanonicalFixtureName, canonicalEntries } from '@ledgerport/testkit';

const all = canonicalEntries();

/** The canonical entry named `name` (core's mapping of the testkit fixture). */
export function entryNamed(name: CanonicalFixtureName): AccountingEntry {
  return all[CANONICAL_FIXTURE_NAMES.indexOf(name)] as AccountingEntry;
}

/** `entry` under a new accounting entry id (and so a new idempotency key / reference marker). */
export function withId(entry: AccountingEntry, id: string): AccountingEntry {
  return { ...entry, accountingEntryId: id, idempotencyKey: id, reference: id };
}

/**
 * `entry` re-denominated in SEK (same minor units; EUR and SEK both have 2 decimals), for fixtures whose
 * shape (reverse charge, supplier invoice with payment) exists in the canonical set only in EUR.
 */
export function inSek(entry: AccountingEntry): AccountingEntry {
  const line = (l: JournalLine): JournalLine => ({ ...l, currency: 'SEK' });
  const base = { ...entry, currency: 'SEK', lines: entry.lines.map(line) };
  if (entry.kind === 'supplier_invoice') {
    return {
      ...base,
      kind: 'supplier_invoice',
      vendor: entry.vendor,
      invoiceNumber: entry.invoiceNumber,
      invoiceDate: entry.invoiceDate,
      dueDate: entry.dueDate,
      payment:
        entry.payment === undefined
          ? undefined
          : { date: entry.payment.date, lines: entry.payment.lines.map(line) },
    };
  }
  return { ...base, kind: 'journal' };
}
