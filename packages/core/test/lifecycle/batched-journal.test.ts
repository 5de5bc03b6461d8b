import { afterEach, describe, expect, it } from 'vitest';
import { runExportJob } from '../../src/lifecycle/run-export-job';
import type { EntryOutcomeToRecord, ExportStore } from '../../src/store/export-store';
import { createMemoryExportStore } from '../../src/store/memory-export-store';
import { createRecordingConnector, validRecordingConfig } from './support/recording-connector';
import {
  eventNames,
  itemStatusCounts,
  type SandboxHarness,
  startSandbox,
  testMapping,
} from './support/sandbox-harness';

const fastRetry = { minDelayMs: 1, maxDelayMs: 5, budgetMs: 5_000 };
let harness: SandboxHarness | undefined;
afterEach(async () => {
  await harness?.close();
  harness = undefined;
});

/** Every journaling call a store received, in order. */
interface JournalCalls {
  recordIntent: string[];
  recordIntents: string[][];
  recordOutcome: string[];
  recordOutcomes: string[][];
}

/**
 * A memory store that counts its journaling calls; `batch: false` leaves out `recordIntents` /
 * `recordOutcomes` (a store written before they existed). `beforeOutcomes` sees each outcome call's ids
 * before it is recorded.
 */
function countingStore(
  options: { batch: boolean; beforeOutcomes?: (ids: readonly string[]) => void } = { batch: true },
): { store: ExportStore; memory: ExportStore; calls: JournalCalls } {
  const memory = createMemoryExportStore();
  const calls: JournalCalls = { recordIntent: [], recordIntents: [], recordOutcome: [], recordOutcomes: [] };
  const store: ExportStore = {
    getEntry: (jobId, id) => memory.getEntry(jobId, id),
    async recordIntent(jobId, id) {
      calls.recordIntent.push(id);
      await memory.recordIntent(jobId, id);
    },
    discardIntent: (jobId, id) => memory.discardIntent?.(jobId, id) ?? Promise.resolve(),
    async recordOutcome(jobId, id, outcome) {
      options.beforeOutcomes?.([id]);
      calls.recordOutcome.push(id);
      await memory.recordOutcome(jobId, id, outcome);
    },
    markReported: (jobId, ids) => memory.markReported(jobId, ids),
    listUnreported: (jobId) => memory.listUnreported(jobId),
    recordFinalEvent: (jobId, event) => memory.recordFinalEvent(jobId, event),
    markFinalEventSent: (jobId) => memory.markFinalEventSent(jobId),
    getFinalEvent: (jobId) => memory.getFinalEvent(jobId),
  };
  if (options.batch) {
    store.recordIntents = async (jobId: string, ids: readonly string[]) => {
      calls.recordIntents.push([...ids]);
      await memory.recordIntents?.(jobId, ids);
    };
    store.recordOutcomes = async (jobId: string, outcomes: readonly EntryOutcomeToRecord[]) => {
      const ids = outcomes.map((o) => o.accountingEntryId);
      options.beforeOutcomes?.(ids);
      calls.recordOutcomes.push(ids);
      await memory.recordOutcomes?.(jobId, outcomes);
    };
  }
  return { store, memory, calls };
}

const sizes = (groups: readonly (readonly string[])[]) => groups.map((g) => g.length).sort((a, b) => a - b);

describe('runExportJob — batched journal writes', () => {
  it('journals each posting group’s intents with one recordIntents before its post, and its successes with one recordOutcomes before they are reported', async () => {
    harness = await startSandbox({ itemCount: 25 });
    const jobId = harness.jobId;
    const sandbox = harness.sandbox;
    const reportedAt = (ids: readonly string[]) =>
      sandbox
        .getJobItems(jobId)
        .filter((i) => ids.includes(i.accountingEntryId) && i.status === 'successful');
    const { store, memory, calls } = countingStore({
      batch: true,
      // an outcome is journaled before Pleo hears of it
      beforeOutcomes: (ids) => expect(reportedAt(ids)).toEqual([]),
    });
    const intentBeforePost: boolean[] = [];
    const connector = createRecordingConnector({
      batch: true,
      beforePost: async (entry) => {
        intentBeforePost.push((await memory.getEntry(jobId, entry.accountingEntryId))?.state === 'intent');
      },
    });
    const outcome = await runExportJob({
      pleo: harness.pleo,
      connector,
      job: jobId,
      config: validRecordingConfig,
      mapping: testMapping,
      retry: fastRetry,
      pageSize: 25,
      store,
    });
    expect(outcome).toMatchObject({ status: 'completed', successful: 25, failed: 0 });
    expect([...connector.postEntriesCalls].sort((a, b) => a - b)).toEqual([5, 10, 10]);
    // one recordIntents per group (10, 10, 5), nothing entry by entry
    expect(sizes(calls.recordIntents)).toEqual([5, 10, 10]);
    expect(calls.recordIntent).toEqual([]);
    expect(intentBeforePost).toEqual(Array.from({ length: 25 }, () => true));
    // each group's successes (no receipts to attach) in one recordOutcomes
    expect(sizes(calls.recordOutcomes)).toEqual([5, 10, 10]);
    expect(calls.recordOutcome).toEqual([]);
    expect(new Set(calls.recordIntents.flat()).size).toBe(25);
    expect(itemStatusCounts(harness)).toEqual({ successful: 25 });
    expect(eventNames(harness)).toEqual(['started', 'completed']);
    expect(await memory.listUnreported(jobId)).toEqual([]);
    expect([...connector.creations.values()].every((n) => n === 1)).toBe(true);
  });

  it('journals entries that fail together (entry-level validate) with one recordOutcomes', async () => {
    harness = await startSandbox({ itemCount: 10 });
    const rejected = harness.items.slice(0, 3).map((i) => i.accountingEntryId);
    const { store, calls } = countingStore({ batch: true });
    const connector = createRecordingConnector({
      batch: true,
      validate: (entries) => ({
        jobIssues: [],
        entryIssues: entries
          .filter((e) => rejected.includes(e.accountingEntryId))
          .map((e) => ({
            accountingEntryId: e.accountingEntryId,
            reason: 'account_unknown' as const,
            message: 'Account 6010 does not exist',
          })),
      }),
    });
    const outcome = await runExportJob({
      pleo: harness.pleo,
      connector,
      job: harness.jobId,
      config: validRecordingConfig,
      mapping: testMapping,
      retry: fastRetry,
      pageSize: 10,
      store,
    });
    expect(outcome).toMatchObject({ status: 'completed_with_errors', successful: 7, failed: 3 });
    expect(calls.recordOutcomes).toEqual([rejected, expect.any(Array)]);
    expect(calls.recordOutcomes[1]).toHaveLength(7);
    expect(calls.recordIntents.map((ids) => ids.length)).toEqual([7]);
    expect(calls.recordOutcome).toEqual([]);
    expect(itemStatusCounts(harness)).toEqual({ successful: 7, failed: 3 });
  });

  it('journals a whole batch that failed together with one recordOutcomes', async () => {
    harness = await startSandbox({ itemCount: 10 });
    const { store, calls } = countingStore({ batch: true });
    const connector = createRecordingConnector({ batch: true });
    (connector as { postEntries?: unknown }).postEntries = async () => {
      throw new Error('the ledger fell over');
    };
    const outcome = await runExportJob({
      pleo: harness.pleo,
      connector,
      job: harness.jobId,
      config: validRecordingConfig,
      mapping: testMapping,
      retry: fastRetry,
      pageSize: 10,
      store,
    });
    expect(outcome).toMatchObject({ status: 'failed', successful: 0, failed: 10 });
    expect(calls.recordIntents.map((ids) => ids.length)).toEqual([10]);
    expect(calls.recordOutcomes.map((ids) => ids.length)).toEqual([10]);
    expect(calls.recordOutcome).toEqual([]);
    expect(itemStatusCounts(harness)).toEqual({ failed: 10 });
  });

  it('falls back to recordIntent / recordOutcome per entry for a store without the batch methods', async () => {
    harness = await startSandbox({ itemCount: 25 });
    const { store, memory, calls } = countingStore({ batch: false });
    expect(store.recordIntents).toBeUndefined();
    expect(store.recordOutcomes).toBeUndefined();
    const connector = createRecordingConnector({ batch: true });
    const outcome = await runExportJob({
      pleo: harness.pleo,
      connector,
      job: harness.jobId,
      config: validRecordingConfig,
      mapping: testMapping,
      retry: fastRetry,
      pageSize: 25,
      store,
    });
    expect(outcome).toMatchObject({ status: 'completed', successful: 25, failed: 0 });
    expect(calls.recordIntent).toHaveLength(25);
    expect(new Set(calls.recordIntent).size).toBe(25);
    expect(calls.recordOutcome).toHaveLength(25);
    expect(itemStatusCounts(harness)).toEqual({ successful: 25 });
    expect(eventNames(harness)).toEqual(['started', 'completed']);
    expect(await memory.listUnreported(harness.jobId)).toEqual([]);
  });

  it('journals a per_job commit’s successes with one recordOutcomes', async () => {
    harness = await startSandbox({ itemCount: 12 });
    const { store, calls } = countingStore({ batch: true });
    const connector = createRecordingConnector({ commitJob: true, manifest: { delivery: 'per_job' } });
    const outcome = await runExportJob({
      pleo: harness.pleo,
      connector,
      job: harness.jobId,
      config: validRecordingConfig,
      mapping: testMapping,
      retry: fastRetry,
      pageSize: 5,
      store,
    });
    expect(outcome).toMatchObject({ status: 'completed', successful: 12 });
    expect(calls.recordOutcomes.map((ids) => ids.length)).toEqual([12]);
    expect(calls.recordOutcome).toEqual([]);
    // batchSize 1: one entry per group, so one recordIntent each
    expect(calls.recordIntent).toHaveLength(12);
    expect(itemStatusCounts(harness)).toEqual({ successful: 12 });
  });
});
