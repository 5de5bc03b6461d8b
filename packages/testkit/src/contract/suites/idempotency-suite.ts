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
}
