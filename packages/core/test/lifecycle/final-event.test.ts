import { afterEach, describe, expect, it } from 'vitest';
import { runExportJob } from '../../src/lifecycle/run-export-job';
import { createMemoryExportStore } from '../../src/store/memory-export-store';
import { createRecordingConnector, validRecordingConfig } from './support/recording-connector';
import { eventNames, type SandboxHarness, startSandbox, testMapping } from './support/sandbox-harness';

const fastRetry = { minDelayMs: 1, maxDelayMs: 5, budgetMs: 5_000 };
let harness: SandboxHarness | undefined;
afterEach(async () => {
  await harness?.close();
  harness = undefined;
});

describe('runExportJob — the final event is sent exactly once', () => {
  it('records the final event before sending it and marks it sent', async () => {
    harness = await startSandbox({ itemCount: 3 });
    const store = createMemoryExportStore();
    await runExportJob({
      pleo: harness.pleo,
      connector: createRecordingConnector(),
      job: harness.jobId,
      config: validRecordingConfig,
      mapping: testMapping,
      retry: fastRetry,
      store,
    });
    expect(await store.getFinalEvent(harness.jobId)).toEqual({ event: 'completed', sent: true });
  });

  it('a rerun with the final event recorded but unsent sends it (and nothing else)', async () => {
    harness = await startSandbox({ itemCount: 3 });
    const store = createMemoryExportStore();
    const connector = createRecordingConnector();
    // a previous run got as far as recording its final event, then crashed
    await harness.pleo.createJobEvent({ event: 'started', jobId: harness.jobId });
    await store.recordFinalEvent(harness.jobId, {
      event: 'failed',
      failureReasonType: 'accounting_system_unreachable',
      failureReason: 'Failed to reach the Accounting System.',
    });
    const outcome = await runExportJob({
      pleo: harness.pleo,
      connector,
      job: harness.jobId,
      config: validRecordingConfig,
      mapping: testMapping,
      retry: fastRetry,
      store,
    });
    expect(outcome).toMatchObject({ status: 'failed', failureReasonType: 'accounting_system_unreachable' });
    expect(eventNames(harness)).toEqual(['started', 'failed']);
    expect(connector.postCalls).toEqual([]);
    expect((await store.getFinalEvent(harness.jobId))?.sent).toBe(true);
  });

  it('a rerun with the final event recorded and sent sends nothing', async () => {
    harness = await startSandbox({ itemCount: 3 });
    const store = createMemoryExportStore();
    await store.recordFinalEvent(harness.jobId, { event: 'completed' });
    await store.markFinalEventSent(harness.jobId);
    const before = harness.sandbox.requestLog.length;
    const outcome = await runExportJob({
      pleo: harness.pleo,
      connector: createRecordingConnector(),
      job: harness.jobId,
      config: validRecordingConfig,
      retry: fastRetry,
      store,
    });
    expect(outcome.status).toBe('completed');
    expect(harness.sandbox.requestLog.slice(before).map((r) => r.method)).toEqual(['GET']);
    expect(eventNames(harness)).toEqual([]);
  });
});
