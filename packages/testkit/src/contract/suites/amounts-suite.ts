import type { AccountingEntry, JournalLine } from '@ledgerport/core';
import { expect, it } from 'vitest';
import { CANONICAL_FIXTURE_NAMES } from '../../fixtures/canonical-export-items';
import type { Harness } from '../harness';
import { expectRefused } from './post-suite';

const debitSum = (lines: readonly JournalLine[]) =>
  lines.reduce((sum, line) => sum + (line.side === 'debit' ? line.amount : 0), 0);

/** Σ debit of an entry in minor units, including the payment of a paid supplier invoice. */
export function entryDebit(entry: AccountingEntry): number {
  return (
    debitSum(entry.lines) + (entry.kind === 'supplier_invoice' ? debitSum(entry.payment?.lines ?? []) : 0)
  );
}

/**
 * Amounts are conserved, per canonical fixture (refunds, zero tax, 3-line splits, JPY and KWD included):
 * every document the entry produced balances (debit = credit, integer minor units, entry currency) and
 * together they carry the entry's Σ debit.
 */
export function amountsSuite<Config>(h: Harness<Config>): void {
  for (const name of CANONICAL_FIXTURE_NAMES) {
    it(`conserves the amounts of ${name}`, async (t) => {
      const entry = h.entries()[CANONICAL_FIXTURE_NAMES.indexOf(name)]!;
      const excluded = h.exclusion(entry);
      if (excluded?.kind === 'unsupported') {
        t.skip(excluded.reason);
        return;
      }
      if (excluded?.kind === 'refused') {
        await expectRefused(h, entry); // refused by design: nothing booked, so nothing to conserve
        return;
      }
      await h.postDurably(h.ctx(), [entry]);
      const documents = await h.options.erp.listDocuments();
      expect(documents.length, 'no document in the ERP').toBeGreaterThan(0);
      for (const d of documents) {
        expect(d.currency).toBe(entry.currency);
        expect(
          Number.isInteger(d.debit) && Number.isInteger(d.credit),
          'amounts must be integer minor units',
        ).toBe(true);
        expect(d.debit, `document ${d.externalId} does not balance`).toBe(d.credit);
      }
      const total = documents.reduce((sum, d) => sum + d.debit, 0);
      expect(total, `Σ debit in the ERP ≠ the entry's Σ debit (${entry.currency} minor units)`).toBe(
        entryDebit(entry),
      );
    });
  }
}
