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

describe('runExportJob — Pleo unreachable past the client retries', () => {
  it('stops without pinning a final event, so a later run resumes and completes the job', async () => {
    harness = await startSandbox({ itemCount: 20 });
    const h = harness;
    const store = createMemoryExportStore();
    const connector = createRecordingConnector({
      manifest: { maxConcurrency: 1 },
      beforePost: () => {
        if (connector.postCalls.length === 7)
          h.sandbox.faults.inject({ status: 503, times: Number.POSITIVE_INFINITY });
      },
    });
    const options = {
      pleo: h.pleo,
      connector,
      job: h.jobId,
      config: validRecordingConfig,
      mapping: testMapping,
      retry: fastRetry,
      pageSize: 5,
      store,
    };
    const first = await runExportJob(options);
    expect(first.status).toBe('failed');
    expect(first.failureReasonType).toMatch(/service_unreachable|pleo_rate_limit|service_timeout/);
    expect(await store.getFinalEvent(h.jobId)).toBeUndefined();
    expect(h.sandbox.getJob(h.jobId).status).toBe('in_progress');
    const postedBefore = new Set(connector.documents.keys());

    h.sandbox.faults.clear();
    const calls = connector.postCalls.length;
    const second = await runExportJob(options);
    expect(second.status).toBe('completed');
    expect(eventNames(h)).toEqual(['started', 'completed']);
    expect(itemStatusCounts(h)).toEqual({ successful: 20 });
    expect(connector.postCalls.slice(calls).filter((key) => postedBefore.has(key))).toEqual([]);
    expect([...connector.creations.values()].every((n) => n === 1)).toBe(true);
  });
});
