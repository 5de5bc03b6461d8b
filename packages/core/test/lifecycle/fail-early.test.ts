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

describe('runExportJob — pre-export validation fails the job early', () => {
  it('sends started then failed with the job issue, and touches no item', async () => {
    harness = await startSandbox({ itemCount: 5 });
    const connector = createRecordingConnector({
      validate: (entries) => ({
        jobIssues:
          entries.length === 0
            ? [
                {
                  reason: 'missing_configuration',
                  message: 'Journal PLEO is missing: provide it in the configuration.',
                },
              ]
            : [],
        entryIssues: [],
      }),
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
      failureReasonType: 'missing_configuration',
      failureReason: 'Journal PLEO is missing: provide it in the configuration.',
      successful: 0,
      failed: 0,
    });
    expect(eventNames(harness)).toEqual(['started', 'failed']);
    expect(harness.sandbox.getJob(harness.jobId)).toMatchObject({
      status: 'failed',
      failureReasonType: 'missing_configuration',
    });
    expect(connector.postCalls).toEqual([]);
    expect(itemStatusCounts(harness).successful ?? 0).toBe(0);
    expect(itemStatusCounts(harness).failed ?? 0).toBe(0);
  });

  it('fails with accounting_system_authentication_failure when authenticate throws it', async () => {
    harness = await startSandbox({ itemCount: 3 });
    const connector = createRecordingConnector({
      authenticate: async () => {
        throw new JobError(
          'accounting_system_authentication_failure',
          'Recording Ledger rejected the API key: reconnect the integration.',
        );
      },
    });
    const outcome = await runExportJob({
      pleo: harness.pleo,
      connector,
      job: harness.jobId,
      config: validRecordingConfig,
      retry: fastRetry,
    });
    expect(outcome).toMatchObject({
      status: 'failed',
      failureReasonType: 'accounting_system_authentication_failure',
    });
    expect(eventNames(harness)).toEqual(['started', 'failed']);
    expect(connector.validateCalls).toEqual([]);
  });

  it('retries a retryable readiness error within the budget, then proceeds', async () => {
    harness = await startSandbox({ itemCount: 3 });
    let calls = 0;
    const connector = createRecordingConnector({
      authenticate: async () => {
        calls += 1;
        if (calls <= 2) {
          throw new ItemError('accounting_system_unreachable', 'Recording Ledger is unreachable.', {
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
    expect(calls).toBe(3);
    expect(outcome.status).toBe('completed');
  });

  it('escalates an unreachable ERP that stays down to accounting_system_unreachable', async () => {
    harness = await startSandbox({ itemCount: 3 });
    const connector = createRecordingConnector({
      authenticate: async () => {
        throw new ItemError('accounting_system_unreachable', 'Failed to reach the Accounting System.', {
          retryable: true,
        });
      },
    });
    const outcome = await runExportJob({
      pleo: harness.pleo,
      connector,
      job: harness.jobId,
      config: validRecordingConfig,
      retry: { ...fastRetry, maxAttempts: 3 },
    });
    expect(outcome).toMatchObject({
      status: 'failed',
      failureReasonType: 'accounting_system_unreachable',
      failureReason: 'Failed to reach the Accounting System.',
    });
  });

  it('fails with missing_configuration naming the missing field, without leaking the secret', async () => {
    harness = await startSandbox({ itemCount: 2 });
    const connector = createRecordingConnector();
    const outcome = await runExportJob({
      pleo: harness.pleo,
      connector,
      job: harness.jobId,
      config: { apiKey: validRecordingConfig.apiKey },
      retry: fastRetry,
    });
    expect(outcome.status).toBe('failed');
    expect(outcome.failureReasonType).toBe('missing_configuration');
    expect(outcome.failureReason).toContain('"ledger"');
    expect(JSON.stringify(harness.sandbox.getEvents(harness.jobId))).not.toContain(
      validRecordingConfig.apiKey,
    );
    expect(eventNames(harness)).toEqual(['started', 'failed']);
    expect(connector.authenticateCalls).toBe(0);
  });

  it('fails with invalid_configuration naming a malformed field, without echoing the secret value', async () => {
    harness = await startSandbox({ itemCount: 2 });
    const connector = createRecordingConnector();
    const outcome = await runExportJob({
      pleo: harness.pleo,
      connector,
      job: harness.jobId,
      config: { apiKey: 'short', ledger: 'MAIN' },
      secrets: { apiKey: 'short' },
      retry: fastRetry,
    });
    expect(outcome.failureReasonType).toBe('invalid_configuration');
    expect(outcome.failureReason).toContain('"apiKey"');
    expect(outcome.failureReason).not.toContain('short');
  });

  it('fails a vendor-based bookkeeping job on a connector that does not support it (invalid_configuration)', async () => {
    harness = await startSandbox({ vendorBasedBookkeeping: true });
    const connector = createRecordingConnector({ manifest: { vendorBasedBookkeeping: false } });
    const outcome = await runExportJob({
      pleo: harness.pleo,
      connector,
      job: harness.jobId,
      config: validRecordingConfig,
      retry: fastRetry,
    });
    expect(outcome).toMatchObject({ status: 'failed', failureReasonType: 'invalid_configuration' });
    expect(outcome.failureReason).toMatch(/vendor-based bookkeeping/);
    expect(eventNames(harness)).toEqual(['started', 'failed']);
  });
});
