import { afterEach, describe, expect, it } from 'vitest';
import { ItemError, JobError } from '../../src/errors/ledgerport-error';
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

describe('runExportJob — systemic errors mid-job', () => {
  it('a 401 from the ERP mid-job fails the job with accounting_system_authentication_failure', async () => {
    harness = await startSandbox({ itemCount: 30 });
    const connector = createRecordingConnector({
      manifest: { maxConcurrency: 2 },
      beforePost: () => {
        if (connector.postCalls.length > 6) {
          throw new ItemError(
            'accounting_system_authentication_failure',
            'Recording Ledger rejected the credentials (HTTP 401): reconnect the integration in Pleo.',
          );
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
      pageSize: 5,
    });
    expect(outcome.status).toBe('failed');
    expect(outcome.failureReasonType).toBe('accounting_system_authentication_failure');
    expect(outcome.failureReason).toContain('reconnect the integration');
    expect(eventNames(harness)).toEqual(['started', 'failed']);
    // it stopped: most items were never attempted and are left for Pleo to abandon
    expect(connector.postCalls.length).toBeLessThan(12);
    const counts = itemStatusCounts(harness);
    expect(counts.successful).toBe(outcome.successful);
    expect(counts.successful).toBeGreaterThanOrEqual(5);
    expect((counts.successful ?? 0) + (counts.failed ?? 0)).toBeLessThan(30);
  });

  it('a JobError thrown by postEntry stops the job with its reason', async () => {
    harness = await startSandbox({ itemCount: 10 });
    const connector = createRecordingConnector({
      manifest: { maxConcurrency: 1 },
      beforePost: () => {
        if (connector.postCalls.length === 3) {
          throw new JobError(
            'authorization_failure',
            'The Recording Ledger user lost access to the ledger: grant it again.',
          );
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
    expect(outcome).toMatchObject({
      status: 'failed',
      failureReasonType: 'authorization_failure',
      successful: 2,
    });
    expect(connector.postCalls).toHaveLength(3);
    expect(itemStatusCounts(harness).successful).toBe(2);
  });
});
