import { type AccountingEntry, ItemError } from '@ledgerport/core';
import { expect, it } from 'vitest';
import { CANONICAL_FIXTURE_NAMES } from '../../fixtures/canonical-export-items';
import type { Harness } from '../harness';

const ISO_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}:\d{2})$/;

/**
 * `postEntry` happy path for every canonical entry the manifest supports (entryTypes ×
 * bookkeepingMethods): an `externalId`, an ISO 8601 `exportedAt`, and a document with that id in the
 * ERP (after `commitJob` for per_job connectors). Plus `postEntries` when the connector batches.
 */
/** A fixture listed in `refuses` must fail with a non-retryable `ItemError` and book nothing. */
export async function expectRefused<Config>(h: Harness<Config>, entry: AccountingEntry): Promise<void> {
  const error = await h.rejection(h.postDurably(h.ctx(), [entry]));
  expect(
    ItemError.isInstance(error),
    `a refused fixture must fail with an ItemError, got ${String(error)}`,
  ).toBe(true);
  expect((error as ItemError).retryable, 'a refusal by design is not retryable').toBe(false);
  expect(await h.options.erp.listDocuments(), 'a refused entry must book nothing').toEqual([]);
}

export function postSuite<Config>(h: Harness<Config>): void {
  it('supports at least one canonical entry', () => {
    expect(
      h.supportedEntries().length,
      'entryTypes × bookkeepingMethods match no canonical entry',
    ).toBeGreaterThan(0);
  });

  for (const name of CANONICAL_FIXTURE_NAMES) {
    it(`posts ${name}`, async (t) => {
      const entry = h.entries()[CANONICAL_FIXTURE_NAMES.indexOf(name)]!;
      const excluded = h.exclusion(entry);
      if (excluded?.kind === 'unsupported') {
        t.skip(excluded.reason);
        return;
      }
      if (excluded?.kind === 'refused') {
        await expectRefused(h, entry);
        return;
      }
      const [result] = await h.postDurably(h.ctx(), [entry]);
      expect(typeof result!.externalId).toBe('string');
      expect(result!.externalId.length, 'empty externalId').toBeGreaterThan(0);
      expect(result!.exportedAt, 'exportedAt must be an ISO 8601 date-time').toMatch(ISO_DATE_TIME);
      expect(Number.isNaN(Date.parse(result!.exportedAt))).toBe(false);
      if (result!.externalUrl !== undefined) expect(() => new URL(result!.externalUrl!)).not.toThrow();
      const ids = (await h.options.erp.listDocuments()).map((d) => d.externalId);
      expect(ids, `no document with externalId ${result!.externalId}`).toContain(result!.externalId);
    });
  }

  it('posts a batch with postEntries: one outcome per entry, in order, distinct documents', async (t) => {
    const c = h.connector();
    if (c.postEntries === undefined) {
      t.skip('the connector does not batch (no postEntries)');
      return;
    }
    const entries = h.supportedEntries().slice(0, Math.min(c.manifest.batchSize, 5));
    const ctx = h.ctx();
    const outcomes = await c.postEntries(ctx, entries);
    expect(outcomes).toHaveLength(entries.length);
    const results = outcomes.map((o, i) => {
      if (!o.ok) expect.fail(`${entries[i]!.accountingEntryId}: ${o.error.reason}: ${o.error.message}`);
      return o.result;
    });
    if (c.manifest.delivery === 'per_job') {
      await c.commitJob!(ctx, {
        job: ctx.job,
        posted: entries.map((entry, i) => ({ entry, result: results[i]! })),
      });
    }
    expect(new Set(results.map((r) => r.externalId)).size, 'two entries share an externalId').toBe(
      results.length,
    );
    const ids = (await h.options.erp.listDocuments()).map((d) => d.externalId);
    for (const result of results) expect(ids).toContain(result.externalId);
  });
}
