import type { AccountingEntry } from '@ledgerport/core';
import { ItemError } from '@ledgerport/core';
import { expect, it } from 'vitest';
import type { Harness } from '../harness';

/** The simplest supported journal entry (a one-document entry), for idempotency and error tests. */
export function simpleEntry<Config>(h: Harness<Config>): AccountingEntry {
  const entries = h.supportedEntries();
  const entry = entries.find((e) => e.kind === 'journal' && e.files.length > 0) ?? entries[0];
  if (entry === undefined) throw new Error('the manifest supports none of the canonical entries');
  return entry;
}

/**
 * Idempotency on `entry.idempotencyKey`: a post whose response was lost (timeout after commit) rejects
 * retryably, and posting again yields exactly one document with the same externalId; a plain double
 * post also yields one document.
 */
export function idempotencySuite<Config>(h: Harness<Config>): void {
  it('a retry after a timeout whose write committed yields exactly one document', async () => {
    const c = h.connector();
    const entry = simpleEntry(h);
    const ctx = h.ctx();
    h.options.erp.injectFault({ kind: 'timeout', afterCommit: true });
    const error = await h.rejection(c.postEntry(ctx, entry));
    expect(ItemError.isInstance(error), `expected an ItemError, got ${String(error)}`).toBe(true);
    if (!ItemError.isInstance(error)) return;
    expect(error.retryable, 'a lost response must be retryable').toBe(true);
    const [result] = await h.postDurably(ctx, [entry]);
    const documents = await h.options.erp.listDocuments();
    expect(documents.filter((d) => d.externalId === result!.externalId)).toHaveLength(1);
    expect(documents, 'the retry created a second document').toHaveLength(1);
  });

  it('posting the same entry twice yields one document and the same externalId', async () => {
    const c = h.connector();
    const entry = simpleEntry(h);
    const ctx = h.ctx();
    const first = await c.postEntry(ctx, entry);
    const [second] = await h.postDurably(ctx, [entry]);
    expect(second!.externalId).toBe(first.externalId);
    const documents = await h.options.erp.listDocuments();
    expect(documents).toHaveLength(1);
    expect(documents[0]!.externalId).toBe(first.externalId);
  });

  it('a batch replayed after a lost response yields one document per entry', async (t) => {
    const c = h.connector();
    if (c.postEntries === undefined) {
      t.skip('the connector does not batch (no postEntries)');
      return;
    }
    const entries = h
      .supportedEntries()
      .filter((e) => e.kind === 'journal')
      .slice(0, Math.min(c.manifest.batchSize, 3));
    const ctx = h.ctx();
    h.options.erp.injectFault({ kind: 'timeout', afterCommit: true });
    // The lost response surfaces either as a rejected batch or as retryable per-entry outcomes.
    const first = await c.postEntries(ctx, entries).then(
      (outcomes) => ({ outcomes, error: undefined }),
      (error: unknown) => {
        h.errors.push(error);
        return { outcomes: undefined, error };
      },
    );
    if (first.outcomes === undefined) {
      expect(
        ItemError.isInstance(first.error) && first.error.retryable,
        `expected a retryable ItemError, got ${String(first.error)}`,
      ).toBe(true);
    } else {
      const failed = first.outcomes.flatMap((o) => (o.ok ? [] : [o.error]));
      h.errors.push(...failed);
      expect(failed.length, 'the lost response must fail at least one entry').toBeGreaterThan(0);
      for (const e of failed) expect(e.retryable, `${e.reason} must be retryable`).toBe(true);
    }
    const outcomes = await c.postEntries(ctx, entries);
    const ids = outcomes.map((o, i) => {
      if (!o.ok) expect.fail(`${entries[i]!.accountingEntryId}: ${o.error.reason}: ${o.error.message}`);
      return o.result.externalId;
    });
    if (c.manifest.delivery === 'per_job') {
      const results = outcomes.map((o) => (o.ok ? o.result : expect.fail('not ok')));
      await c.commitJob!(ctx, {
        job: ctx.job,
        posted: entries.map((entry, i) => ({ entry, result: results[i]! })),
      });
    }
    const documents = await h.options.erp.listDocuments();
    for (const id of ids) expect(documents.filter((d) => d.externalId === id)).toHaveLength(1);
    expect(documents, 'the replay created extra documents').toHaveLength(entries.length);
  });
}
