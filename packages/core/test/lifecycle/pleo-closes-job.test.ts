import { afterEach, describe, expect, it } from 'vitest';
import { runExportJob } from '../../src/lifecycle/run-export-job';
import { createRecordingConnector, validRecordingConfig } from './support/recording-connector';
import {
  eventNames,
  itemStatusCounts,
  type SandboxHarness,
  startSandbox,
  testMapping,
} from './support/sandbox-harness';

const fastRetry = { minDelayMs: 1, maxDelayMs: 5, budgetMs: 5_000 };
const MINUTE = 60_000;
let harness: SandboxHarness | undefined;
afterEach(async () => {
  await harness?.close();
  harness = undefined;
});

/** Waits (bounded) until the sandbox has logged `count` PUTs of item updates. */
async function waitForPuts(h: SandboxHarness, count: number): Promise<void> {
  for (let i = 0; i < 200; i += 1) {
    if (h.sandbox.requestLog.filter((r) => r.method === 'PUT').length >= count) return;
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  throw new Error(`expected ${count} PUTs of item updates`);
}

describe('runExportJob — Pleo closes the job', () => {
  it('stops with job_expired when the job expires mid-run (sandbox clock), sending nothing more', async () => {
    harness = await startSandbox({ itemCount: 20 });
    const h = harness;
    const connector = createRecordingConnector({
      manifest: { maxConcurrency: 1 },
      beforePost: () => {
        if (connector.postCalls.length === 6) h.sandbox.clock.advance(61 * MINUTE);
      },
    });
    const outcome = await runExportJob({
      pleo: h.pleo,
      connector,
      job: h.jobId,
      config: validRecordingConfig,
      mapping: testMapping,
      retry: fastRetry,
      pageSize: 5,
    });
    expect(outcome).toMatchObject({ status: 'failed', failureReasonType: 'job_expired' });
    expect(eventNames(h)).toEqual(['started']);
    expect(h.sandbox.getJob(h.jobId)).toMatchObject({ status: 'failed', failureReasonType: 'job_expired' });
    // the run stopped instead of posting all 20; at most the pages before expiry were reported
    expect(connector.postCalls.length).toBeLessThan(20);
    expect(itemStatusCounts(h).successful ?? 0).toBeLessThanOrEqual(10);
    expect(itemStatusCounts(h).abandoned).toBeGreaterThanOrEqual(10);
  });

  it('stops with canceled_by_user when the user cancels the job in Pleo mid-run', async () => {
    harness = await startSandbox({ itemCount: 20 });
    const h = harness;
    const connector = createRecordingConnector({
      manifest: { maxConcurrency: 1 },
      beforePost: async () => {
        if (connector.postCalls.length === 7) {
          // what Pleo's web app does when the user cancels: the job fails with canceled_by_user
          await h.pleo.createJobEvent({
            event: 'failed',
            jobId: h.jobId,
            failureReasonType: 'canceled_by_user',
            failureReason: 'Job was canceled by user',
          });
        }
      },
    });
    const outcome = await runExportJob({
      pleo: h.pleo,
      connector,
      job: h.jobId,
      config: validRecordingConfig,
      mapping: testMapping,
      retry: fastRetry,
      pageSize: 5,
    });
    expect(outcome).toMatchObject({
      status: 'failed',
      failureReasonType: 'canceled_by_user',
      failureReason: 'Job was canceled by user',
    });
    expect(eventNames(h)).toEqual(['started', 'failed']);
    // it notices at the next report (within about a page) and stops instead of posting all 20
    expect(connector.postCalls.length).toBeLessThan(20);
    expect(itemStatusCounts(h).abandoned).toBeGreaterThan(0);
  });

  it('keeps a long job alive: reports at least every reportIntervalMs, so it never expires', async () => {
    harness = await startSandbox({ itemCount: 3 });
    const h = harness;
    const connector = createRecordingConnector({
      manifest: { maxConcurrency: 1 },
      beforePost: async () => {
        // each entry takes 40 minutes of (sandbox) time: three of them outlast the 1 h expiry
        const puts = h.sandbox.requestLog.filter((r) => r.method === 'PUT').length;
        h.sandbox.clock.advance(40 * MINUTE);
        await waitForPuts(h, puts + 1);
      },
    });
    const outcome = await runExportJob({
      pleo: h.pleo,
      connector,
      job: h.jobId,
      config: validRecordingConfig,
      mapping: testMapping,
      retry: fastRetry,
      reportIntervalMs: 10,
    });
    expect(outcome).toMatchObject({ status: 'completed', successful: 3 });
    expect(h.sandbox.getJob(h.jobId).status).toBe('completed');
  });

  it('returns the outcome of a job that is already final without sending anything', async () => {
    harness = await startSandbox({ itemCount: 4 });
    const connector = createRecordingConnector();
    const options = {
      pleo: harness.pleo,
      connector,
      job: harness.jobId,
      config: validRecordingConfig,
      mapping: testMapping,
      retry: fastRetry,
    };
    await runExportJob(options);
    const requests = harness.sandbox.requestLog.length;
    const again = await runExportJob(options);
    expect(again).toMatchObject({ status: 'completed', successful: 0, failed: 0 });
    expect(eventNames(harness)).toEqual(['started', 'completed']);
    const after = harness.sandbox.requestLog.slice(requests);
    expect(after.map((r) => r.method)).toEqual(['GET']);
    expect(connector.postCalls).toHaveLength(4);
  });
});
