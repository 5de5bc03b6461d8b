import type { PleoClient, UpdateExportJobItemV3 } from '@ledgerport/pleo';
import { afterEach, describe, expect, it } from 'vitest';
import type { ConnectorV1 } from '../../src/connector/connector-v1';
import type { AccountingEntry } from '../../src/entry/accounting-entry';
import { runExportJob } from '../../src/lifecycle/run-export-job';
import type { ExportStore } from '../../src/store/export-store';
import { createMemoryExportStore } from '../../src/store/memory-export-store';
import {
  createRecordingConnector,
  type RecordingConfig,
  type RecordingConnector,
  type RecordingConnectorOptions,
  validRecordingConfig,
} from './support/recording-connector';
import {
  eventNames,
  itemStatusCounts,
  type SandboxHarness,
  startSandbox,
  testMapping,
} from './support/sandbox-harness';

/*
 * Posting is pipelined across pages: one limiter (`manifest.maxConcurrency`) is shared by every page,
 * and the next page is read, mapped and queued while earlier pages still post. These tests count
 * batches in flight with a Xero-like connector and check that the journal, reporting, `per_job`
 * commits, aborts and the final event still wait for every page's posts.
 */
const fastRetry = { minDelayMs: 1, maxDelayMs: 5, budgetMs: 5_000 };
/** Like Xero: batches of 50, 5 batches at once; pages of 100 (the default page size). */
const xeroLikeManifest = { batchSize: 50, maxConcurrency: 5 } as const;
const ITEMS = 1_000;

let harness: SandboxHarness | undefined;
afterEach(async () => {
  await harness?.close();
  harness = undefined;
});

/** Batches of a 1,000-item job at 50 per batch. */
const BATCHES = ITEMS / xeroLikeManifest.batchSize;
/**
 * Only a pipeline that never gets 5 batches in flight (today's page-at-a-time loop) ever waits this
 * long: it keeps such a pipeline from hanging, so the test fails on the peak instead of timing out.
 */
const STALL_FALLBACK_MS = 1_000;

/**
 * Gauges `postEntries`: counts the calls in flight and their peak. Each call answers only once the call
 * `window − 1` later has started (or the last batch started, the run aborted, or `releaseAll`): a
 * sliding window, so `window` calls are in flight at once exactly when the lifecycle has the next
 * batches queued while earlier ones still post. The peak is counted, never timed: a fixed short sleep
 * per call would make it depend on how fast the sandbox serves the next page over loopback HTTP.
 * `window: 0` answers at once.
 */
interface BatchGauge {
  window: number;
  inFlight: number;
  peak: number;
  calls: number;
  /** Calls that waited `STALL_FALLBACK_MS` for the later call that should have started meanwhile. */
  stalls: number;
  /** Entries of the calls in flight, by call number. */
  readonly inFlightCalls: Map<number, readonly AccountingEntry[]>;
  /** Releases of the calls waiting to answer, by call number. */
  readonly waiting: Map<number, () => void>;
  /** Called when a call starts (1-based), before it waits. */
  onStart?: ((call: number) => void) | undefined;
}

function createGauge(window: number = xeroLikeManifest.maxConcurrency): BatchGauge {
  return { window, inFlight: 0, peak: 0, calls: 0, stalls: 0, inFlightCalls: new Map(), waiting: new Map() };
}

/** Lets every waiting call answer. */
function releaseAll(gauge: BatchGauge): void {
  for (const release of [...gauge.waiting.values()]) release();
}

/** A batching recording connector (batches of 50, 5 at once) whose `postEntries` is gauged by `gauge`. */
function gaugedBatchConnector(
  gauge: BatchGauge,
  options: RecordingConnectorOptions = {},
): RecordingConnector {
  const connector = createRecordingConnector({
    batch: true,
    ...options,
    manifest: { ...xeroLikeManifest, ...options.manifest },
  });
  const inner = connector.postEntries?.bind(connector);
  if (inner === undefined) throw new Error('expected a batching connector');
  (connector as { postEntries?: ConnectorV1<RecordingConfig>['postEntries'] }).postEntries = async (
    ctx,
    entries,
  ) => {
    gauge.calls += 1;
    const call = gauge.calls;
    gauge.inFlight += 1;
    gauge.peak = Math.max(gauge.peak, gauge.inFlight);
    gauge.inFlightCalls.set(call, entries);
    try {
      gauge.onStart?.(call);
      if (gauge.window > 0) {
        gauge.waiting.get(call - gauge.window + 1)?.();
        if (call >= BATCHES) releaseAll(gauge);
        else if (!ctx.signal.aborted) {
          await new Promise<void>((resolve) => {
            const release = () => {
              clearTimeout(timer);
              ctx.signal.removeEventListener('abort', release);
              gauge.waiting.delete(call);
              resolve();
            };
            const timer = setTimeout(() => {
              gauge.stalls += 1;
              release();
            }, STALL_FALLBACK_MS);
            ctx.signal.addEventListener('abort', release, { once: true });
            gauge.waiting.set(call, release);
          });
        }
      }
      return await inner(ctx, entries);
    } finally {
      gauge.inFlight -= 1;
      gauge.inFlightCalls.delete(call);
    }
  };
  return connector;
}

/** GETs of export-item pages the sandbox answered so far. */
function exportItemPagesRead(h: SandboxHarness): number {
  return h.sandbox.requestLog.filter((r) => r.method === 'GET' && r.path.startsWith('/v3/export-items'))
    .length;
}

/** Wraps the harness's client to count reported outcomes per entry and to look at the final event. */
function observedPleo(
  pleo: PleoClient,
  onFinalEvent: (event: string) => void,
): { pleo: PleoClient; reports: Map<string, number> } {
  const reports = new Map<string, number>();
  return {
    reports,
    pleo: {
      ...pleo,
      async updateJobItems(jobId: string, updates: UpdateExportJobItemV3[]) {
        const result = await pleo.updateJobItems(jobId, updates);
        const rejected = new Set(result.errors.map((e) => e.accountingEntryId));
        for (const update of updates) {
          if (update.status === 'in_progress' || rejected.has(update.accountingEntryId)) continue;
          reports.set(update.accountingEntryId, (reports.get(update.accountingEntryId) ?? 0) + 1);
        }
        return result;
      },
      async createJobEvent(body) {
        if (body.event !== 'started') onFinalEvent(body.event);
        return pleo.createJobEvent(body);
      },
    },
  };
}

/** The 1-based page (of 100) holding the batch of call `call` (2 batches per page). */
const pageOfCall = (call: number) => Math.ceil(call / 2);

describe('runExportJob — posting pipelined across pages', () => {
  it('keeps maxConcurrency batches in flight across page boundaries (batchSize 50, maxConcurrency 5, pages of 100)', async () => {
    harness = await startSandbox({ itemCount: ITEMS });
    const h = harness;
    const gauge = createGauge();
    let mostPagesAhead = 0;
    gauge.onStart = (call) => {
      mostPagesAhead = Math.max(mostPagesAhead, exportItemPagesRead(h) - pageOfCall(call));
    };
    const connector = gaugedBatchConnector(gauge);
    const atFinalEvent: { inFlight: number; posted: number }[] = [];
    const observed = observedPleo(h.pleo, () =>
      atFinalEvent.push({ inFlight: gauge.inFlight, posted: connector.postCalls.length }),
    );
    const outcome = await runExportJob({
      pleo: observed.pleo,
      connector,
      job: h.jobId,
      config: validRecordingConfig,
      mapping: testMapping,
      retry: fastRetry,
    });

    expect(outcome).toMatchObject({ status: 'completed', successful: ITEMS, failed: 0, skipped: 0 });
    // 5 batches at once (page-at-a-time posting never had more than one page's 2), and no batch ever
    // waited for a next one that was not queued yet
    expect(gauge.peak).toBe(5);
    expect(gauge.stalls).toBe(0);
    // reading ahead is bounded: a few pages beyond the one posting, not the whole job
    expect(mostPagesAhead).toBeLessThanOrEqual(5);
    // every item posted exactly once, in 20 batches of 50
    expect(connector.postEntriesCalls).toEqual(Array.from({ length: BATCHES }, () => 50));
    expect(connector.postCalls).toHaveLength(ITEMS);
    expect(new Set(connector.postCalls).size).toBe(ITEMS);
    expect([...connector.creations.values()].every((n) => n === 1)).toBe(true);
    // every item reported exactly once
    expect(observed.reports.size).toBe(ITEMS);
    expect([...observed.reports.values()].every((n) => n === 1)).toBe(true);
    expect(itemStatusCounts(h)).toEqual({ successful: ITEMS });
    // the final event went out once, after every post had finished
    expect(eventNames(h)).toEqual(['started', 'completed']);
    expect(atFinalEvent).toEqual([{ inFlight: 0, posted: ITEMS }]);
  });

  it('per_job delivery: commits once after every page’s posts finished, then reports each success once', async () => {
    harness = await startSandbox({ itemCount: ITEMS });
    const gauge = createGauge();
    const atCommit: { inFlight: number; posted: number }[] = [];
    const connector: RecordingConnector = gaugedBatchConnector(gauge, {
      manifest: { delivery: 'per_job' },
      commitJob: true,
      failCommit: () => {
        atCommit.push({ inFlight: gauge.inFlight, posted: connector.postCalls.length });
        return undefined;
      },
    });
    const observed = observedPleo(harness.pleo, () => undefined);
    const outcome = await runExportJob({
      pleo: observed.pleo,
      connector,
      job: harness.jobId,
      config: validRecordingConfig,
      mapping: testMapping,
      retry: fastRetry,
    });
    expect(outcome).toMatchObject({ status: 'completed', successful: ITEMS });
    expect(gauge.peak).toBe(5);
    expect(gauge.stalls).toBe(0);
    expect(atCommit).toEqual([{ inFlight: 0, posted: ITEMS }]);
    expect(connector.commitCalls).toBe(1);
    expect(connector.committed).toHaveLength(ITEMS);
    expect(new Set(connector.committed).size).toBe(ITEMS);
    expect(observed.reports.size).toBe(ITEMS);
    expect([...observed.reports.values()].every((n) => n === 1)).toBe(true);
    expect(eventNames(harness)).toEqual(['started', 'completed']);
  });

  it('an abort while several pages are posting ends interrupted with nothing in flight, and a rerun completes', async () => {
    harness = await startSandbox({ itemCount: ITEMS });
    const h = harness;
    const store = createMemoryExportStore();
    const controller = new AbortController();
    const gauge = createGauge();
    const pageOf = new Map(
      h.items.map((item, index) => [item.accountingEntryId, Math.floor(index / 100) + 1]),
    );
    let atAbort: { inFlight: number; pages: number[] } | undefined;
    gauge.onStart = (call) => {
      if (call !== 8) return;
      const pages = new Set<number>();
      for (const entries of gauge.inFlightCalls.values())
        for (const entry of entries) pages.add(pageOf.get(entry.accountingEntryId) ?? 0);
      atAbort = { inFlight: gauge.inFlight, pages: [...pages].sort((a, b) => a - b) };
      controller.abort(new Error('runner shutting down'));
    };
    const connector = gaugedBatchConnector(gauge);
    const first = await runExportJob({
      pleo: h.pleo,
      connector,
      job: h.jobId,
      config: validRecordingConfig,
      mapping: testMapping,
      retry: fastRetry,
      store,
      signal: controller.signal,
    });
    // batches 4–8 of pages 2, 3 and 4 were in flight when the signal aborted; batches 1–3 had finished
    expect(atAbort).toEqual({ inFlight: 5, pages: [2, 3, 4] });
    expect(first).toMatchObject({ status: 'interrupted', successful: 150, failed: 0 });
    // nothing runs on after the run returned, and nothing queued was posted after the abort
    expect(gauge.inFlight).toBe(0);
    expect(gauge.calls).toBe(8);
    expect(h.sandbox.getJob(h.jobId).status).toBe('in_progress');
    expect(eventNames(h)).toEqual(['started']);
    // what finished was reported before returning
    expect(itemStatusCounts(h).successful).toBe(150);

    gauge.window = 0;
    gauge.onStart = undefined;
    const second = await runExportJob({
      pleo: h.pleo,
      connector,
      job: h.jobId,
      config: validRecordingConfig,
      mapping: testMapping,
      retry: fastRetry,
      store,
    });
    expect(second).toMatchObject({ status: 'completed', skipped: 150, successful: ITEMS - 150 });
    expect(itemStatusCounts(h)).toEqual({ successful: ITEMS });
    expect(connector.documents.size).toBe(ITEMS);
    expect([...connector.creations.values()].every((n) => n === 1)).toBe(true);
    expect(eventNames(h)).toEqual(['started', 'completed']);
  });

  it('with onAbort: fail_job, sends failed only after every in-flight batch settled', async () => {
    harness = await startSandbox({ itemCount: ITEMS });
    const controller = new AbortController();
    const gauge = createGauge();
    gauge.onStart = (call) => {
      if (call === 7) controller.abort();
    };
    const connector = gaugedBatchConnector(gauge);
    const atFinalEvent: number[] = [];
    const observed = observedPleo(harness.pleo, () => atFinalEvent.push(gauge.inFlight));
    const outcome = await runExportJob({
      pleo: observed.pleo,
      connector,
      job: harness.jobId,
      config: validRecordingConfig,
      mapping: testMapping,
      retry: fastRetry,
      signal: controller.signal,
      onAbort: 'fail_job',
    });
    expect(outcome).toMatchObject({
      status: 'failed',
      failureReasonType: 'canceled_by_user',
      successful: 100,
    });
    expect(atFinalEvent).toEqual([0]);
    expect(gauge.calls).toBe(7);
    expect(eventNames(harness)).toEqual(['started', 'failed']);
    expect(itemStatusCounts(harness).successful).toBe(100);
  });

  it('a store failure in one page’s posting while other pages post fails the job once, with nothing in flight', async () => {
    harness = await startSandbox({ itemCount: ITEMS });
    const memory = createMemoryExportStore();
    const gauge = createGauge();
    let intents = 0;
    /** Counts intents; fails at the first entry of the 6th batch (page 3), while batches 2–5 (pages 1–3) are in flight. */
    const countIntents = (count: number): void => {
      const before = intents;
      intents += count;
      if (before < 251 && intents >= 251) {
        releaseAll(gauge);
        throw new Error('disk full');
      }
    };
    const store: ExportStore = {
      ...memory,
      async recordIntent(jobId, id) {
        countIntents(1);
        await memory.recordIntent(jobId, id);
      },
      async recordIntents(jobId, ids) {
        countIntents(ids.length);
        for (const id of ids) await memory.recordIntent(jobId, id);
      },
    };
    const connector = gaugedBatchConnector(gauge);
    const atFinalEvent: number[] = [];
    const observed = observedPleo(harness.pleo, () => atFinalEvent.push(gauge.inFlight));
    const outcome = await runExportJob({
      pleo: observed.pleo,
      connector,
      job: harness.jobId,
      config: validRecordingConfig,
      mapping: testMapping,
      retry: fastRetry,
      store,
    });
    expect(outcome).toMatchObject({ status: 'failed', failureReasonType: 'integration_unusable' });
    expect(outcome.successful).toBe(250);
    // the run stopped at once: no batch started after the failure
    expect(gauge.calls).toBe(5);
    expect(atFinalEvent).toEqual([0]);
    expect(gauge.inFlight).toBe(0);
    expect(eventNames(harness)).toEqual(['started', 'failed']);
    expect(itemStatusCounts(harness).successful).toBe(250);
  });
});
