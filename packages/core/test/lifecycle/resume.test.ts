import { afterEach, describe, expect, it } from 'vitest';
import { runExportJob } from '../../src/lifecycle/run-export-job';
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

describe('runExportJob — resume after an interruption', () => {
  it('leaves the job in_progress on abort, and a rerun posts no entry twice', async () => {
    harness = await startSandbox({ itemCount: 40 });
    const store = createMemoryExportStore();
    const controller = new AbortController();
    let posts = 0;
    const connector = createRecordingConnector({
      manifest: { maxConcurrency: 3 },
      beforePost: async () => {
        posts += 1;
        if (posts === 15) controller.abort(new Error('runner shutting down'));
      },
    });
    const first = await runExportJob({
      pleo: harness.pleo,
      connector,
      job: harness.jobId,
      config: validRecordingConfig,
      mapping: testMapping,
      retry: fastRetry,
      pageSize: 10,
      store,
      signal: controller.signal,
    });
    expect(first.status).toBe('interrupted');
    expect(first.successful).toBeGreaterThan(0);
    expect(first.successful).toBeLessThan(40);
    expect(harness.sandbox.getJob(harness.jobId).status).toBe('in_progress');
    expect(eventNames(harness)).toEqual(['started']);
    // what finished was reported before returning
    expect(itemStatusCounts(harness).successful).toBe(first.successful);
    const doneInFirstRun = new Set(
      harness.sandbox
        .getJobItems(harness.jobId)
        .filter((i) => i.status === 'successful')
        .map((i) => i.accountingEntryId),
    );
    const callsBefore = connector.postCalls.length;

    const second = await runExportJob({
      pleo: harness.pleo,
      connector,
      job: harness.jobId,
      config: validRecordingConfig,
      mapping: testMapping,
      retry: fastRetry,
      pageSize: 10,
      store,
    });
    expect(second).toMatchObject({ status: 'completed', skipped: first.successful });
    expect(second.successful + first.successful).toBe(40);
    expect(eventNames(harness)).toEqual(['started', 'completed']);
    expect(itemStatusCounts(harness)).toEqual({ successful: 40 });
    const secondRunPosts = connector.postCalls.slice(callsBefore);
    expect(secondRunPosts.filter((key) => doneInFirstRun.has(key))).toEqual([]);
    expect(connector.documents.size).toBe(40);
    expect([...connector.creations.values()].every((n) => n === 1)).toBe(true);
  });

  it('resumes with a fresh store: Pleo statuses alone decide what is skipped', async () => {
    harness = await startSandbox({ itemCount: 20 });
    const controller = new AbortController();
    const connector = createRecordingConnector({
      manifest: { maxConcurrency: 1 },
      beforePost: async () => {
        if (connector.postCalls.length === 8) controller.abort();
      },
    });
    await runExportJob({
      pleo: harness.pleo,
      connector,
      job: harness.jobId,
      config: validRecordingConfig,
      mapping: testMapping,
      retry: fastRetry,
      pageSize: 5,
      signal: controller.signal,
    });
    const reported = itemStatusCounts(harness).successful ?? 0;
    expect(reported).toBeGreaterThan(0);
    const outcome = await runExportJob({
      pleo: harness.pleo,
      connector,
      job: harness.jobId,
      config: validRecordingConfig,
      mapping: testMapping,
      retry: fastRetry,
      pageSize: 5,
    });
    expect(outcome).toMatchObject({ status: 'completed', skipped: reported, successful: 20 - reported });
    expect([...connector.creations.values()].every((n) => n === 1)).toBe(true);
  });

  it('with onAbort: fail_job, reports what finished and fails the job as canceled_by_user', async () => {
    harness = await startSandbox({ itemCount: 12 });
    const controller = new AbortController();
    const connector = createRecordingConnector({
      manifest: { maxConcurrency: 1 },
      beforePost: async () => {
        if (connector.postCalls.length === 4) controller.abort();
      },
    });
    const outcome = await runExportJob({
      pleo: harness.pleo,
      connector,
      job: harness.jobId,
      config: validRecordingConfig,
      mapping: testMapping,
      retry: fastRetry,
      pageSize: 4,
      signal: controller.signal,
      onAbort: 'fail_job',
    });
    expect(outcome).toMatchObject({ status: 'failed', failureReasonType: 'canceled_by_user', successful: 3 });
    expect(eventNames(harness)).toEqual(['started', 'failed']);
    expect(itemStatusCounts(harness).successful).toBe(3);
  });
});
