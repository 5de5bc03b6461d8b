import { afterEach, describe, expect, it } from 'vitest';
import { ItemError } from '../../src/errors/ledgerport-error';
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
let harness: SandboxHarness | undefined;
afterEach(async () => {
  await harness?.close();
  harness = undefined;
});

const rateLimited = (retryAfterMs: number) =>
  new ItemError('accounting_system_rate_limit', 'Recording Ledger is rate limiting requests.', {
    retryable: true,
    retryAfterMs,
  });

describe('runExportJob — rate limits and retries', () => {
  it('retries a 429 storm from the ERP honouring retryAfterMs and completes', async () => {
    harness = await startSandbox({ itemCount: 10 });
    const connector = createRecordingConnector({
      beforePost: (_entry, call) => {
        if (call <= 2) throw rateLimited(3);
      },
    });
    const outcome = await runExportJob({
      pleo: harness.pleo,
      connector,
      job: harness.jobId,
      config: validRecordingConfig,
      mapping: testMapping,
      retry: fastRetry,
    });
    expect(outcome).toMatchObject({ status: 'completed', successful: 10 });
    expect(connector.postCalls).toHaveLength(30);
    expect(connector.documents.size).toBe(10);
  });

  it('escalates a rate limit that outlasts the retry budget to a job failure (accounting_system_rate_limit)', async () => {
    harness = await startSandbox({ itemCount: 8 });
    const connector = createRecordingConnector({
      manifest: { maxConcurrency: 1 },
      beforePost: () => {
        throw rateLimited(60_000);
      },
    });
    const outcome = await runExportJob({
      pleo: harness.pleo,
      connector,
      job: harness.jobId,
      config: validRecordingConfig,
      mapping: testMapping,
      retry: { ...fastRetry, budgetMs: 50 },
    });
    expect(outcome).toMatchObject({ status: 'failed', failureReasonType: 'accounting_system_rate_limit' });
    expect(outcome.failureReason).toContain('rate limiting');
    // it stopped taking new items after the first systemic failure
    expect(connector.postCalls).toHaveLength(1);
    expect(eventNames(harness)).toEqual(['started', 'failed']);
    expect(itemStatusCounts(harness).failed).toBe(1);
  });

  it('rides out a 429 storm from Pleo (sandbox faults) through the client retries', async () => {
    harness = await startSandbox({ itemCount: 30 });
    harness.sandbox.faults.inject({ status: 429, times: 3, retryAfterSeconds: 0, method: 'PUT' });
    harness.sandbox.faults.inject({ status: 503, times: 2, method: 'GET', path: '/v3/export-items' });
    const connector = createRecordingConnector();
    const outcome = await runExportJob({
      pleo: harness.pleo,
      connector,
      job: harness.jobId,
      config: validRecordingConfig,
      mapping: testMapping,
      retry: fastRetry,
      pageSize: 10,
    });
    expect(outcome).toMatchObject({ status: 'completed', successful: 30 });
    const statuses = harness.sandbox.requestLog.map((r) => r.status);
    expect(statuses.filter((s) => s === 429)).toHaveLength(3);
    expect(statuses.filter((s) => s === 503)).toHaveLength(2);
    expect(itemStatusCounts(harness)).toEqual({ successful: 30 });
    expect(connector.documents.size).toBe(30);
  });

  it('never retries a timed-out post when the connector has no idempotency: the item fails instead', async () => {
    harness = await startSandbox({ itemCount: 5 });
    const victim = harness.items[2]?.accountingEntryId;
    const connector = createRecordingConnector({
      manifest: { idempotency: 'none' },
      afterCommit: (entry) => {
        if (entry.accountingEntryId === victim) {
          throw new ItemError('accounting_system_timeout', 'Recording Ledger did not answer in time.', {
            retryable: true,
          });
        }
      },
    });
    const outcome = await runExportJob({
      pleo: harness.pleo,
      connector,
      job: harness.jobId,
      config: validRecordingConfig,
      mapping: testMapping,
      retry: fastRetry,
    });
    expect(connector.postCalls.filter((k) => k === victim)).toHaveLength(1);
    expect(outcome).toMatchObject({
      status: 'completed_with_errors',
      failuresByReason: { accounting_system_timeout: 1 },
    });
  });

  it('retries a timed-out post when the connector is idempotent, creating one document', async () => {
    harness = await startSandbox({ itemCount: 5 });
    const victim = harness.items[2]?.accountingEntryId;
    const connector = createRecordingConnector({
      afterCommit: (entry, call) => {
        if (entry.accountingEntryId === victim && call === 1) {
          throw new ItemError('accounting_system_timeout', 'Recording Ledger did not answer in time.', {
            retryable: true,
          });
        }
      },
    });
    const outcome = await runExportJob({
      pleo: harness.pleo,
      connector,
      job: harness.jobId,
      config: validRecordingConfig,
      mapping: testMapping,
      retry: fastRetry,
    });
    expect(outcome.status).toBe('completed');
    expect(connector.postCalls.filter((k) => k === victim)).toHaveLength(2);
    expect(connector.creations.get(victim ?? '')).toBe(1);
  });
});
