import { type AccountingEntry, ItemError } from '@ledgerport/core';
import { CANONICAL_FIXTURE_NAMES, canonicalEntries } from '@ledgerport/testkit';
import { describe, expect, it } from 'vitest';
import { setupFortnoxTest } from './support/fortnox-test-setup';

const t = setupFortnoxTest();
const entries = canonicalEntries();

const debit = (entry: AccountingEntry) =>
  [...entry.lines, ...(entry.kind === 'supplier_invoice' ? (entry.payment?.lines ?? []) : [])]
    .filter((l) => l.side === 'debit')
    .reduce((s, l) => s + l.amount, 0);

/**
 * The contract's post / amounts / validate suites over every canonical fixture: fixtures in the ledger
 * currency (SEK) post and conserve their amounts; fixtures in any other wallet currency are refused,
 * both by validate (entry issue) and by postEntry (ItemError), because Fortnox vouchers carry no currency.
 */
describe('canonical fixtures', () => {
  CANONICAL_FIXTURE_NAMES.forEach((name, index) => {
    const entry = entries[index] as AccountingEntry;
    if (entry.currency === 'SEK') {
      it(`posts ${name} as balanced voucher(s) carrying the entry's Σ debit, without writes in validate`, async () => {
        const connector = t.connector();
        const ctx = t.ctx(connector);
        const report = await connector.validate(ctx, ctx.job, [entry]);
        expect(report.jobIssues).toEqual([]);
        expect(report.entryIssues).toEqual([]);
        expect(await t.fake.writeCount()).toBe(0);
        const result = await connector.postEntry(ctx, entry);
        expect(result.externalId).toMatch(/^\d+\/A\/\d+$/);
        expect(result.externalUrl).toBeUndefined();
        const documents = await t.fake.listDocuments();
        expect(documents.map((d) => d.externalId)).toContain(result.externalId);
        for (const d of documents) {
          expect(d.currency).toBe('SEK');
          expect(d.debit).toBe(d.credit);
        }
        expect(documents.reduce((s, d) => s + d.debit, 0)).toBe(debit(entry));
      });
    } else {
      it(`refuses ${name} (${entry.currency}) in validate and postEntry, booking nothing`, async () => {
        const connector = t.connector();
        const ctx = t.ctx(connector);
        const report = await connector.validate(ctx, ctx.job, [entry]);
        expect(report.entryIssues).toEqual([
          expect.objectContaining({ reason: 'validation_failure', field: 'currency' }),
        ]);
        const error = await connector.postEntry(ctx, entry).catch((e: unknown) => e);
        expect(ItemError.isInstance(error) && error.reason).toBe('validation_failure');
        expect((error as ItemError).field).toBe('currency');
        expect((error as ItemError).message).toContain(entry.currency);
        expect(await t.fake.listDocuments()).toEqual([]);
      });
    }
  });

  it('books a foreign wallet when the company currency is configured to it', async () => {
    const eur = entries.find((e) => e.currency === 'EUR' && e.kind === 'journal') as AccountingEntry;
    const connector = t.connector();
    const ctx = t.ctx(connector, { config: t.config({ currency: 'EUR' }) });
    const report = await connector.validate(ctx, ctx.job, [eur]);
    expect(report.entryIssues).toEqual([]);
    await connector.postEntry(ctx, eur);
    expect(t.fake.vouchers()).toHaveLength(1);
  });
});
