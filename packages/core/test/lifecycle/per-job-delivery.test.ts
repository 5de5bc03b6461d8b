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

describe('runExportJob — per_job delivery (file connectors)', () => {
  it('commits once after all entries, then reports the successes', async () => {
    harness = await startSandbox({ itemCount: 14 });
    const h = harness;
    const victim = h.items[3]?.accountingEntryId;
    let successfulBeforeCommit = -1;
    const connector = createRecordingConnector({
      manifest: { delivery: 'per_job', idempotency: 'none' },
      commitJob: true,
      failCommit: () => {
        successfulBeforeCommit = itemStatusCounts(h).successful ?? 0;
        return undefined;
      },
      beforePost: (entry) => {
        if (entry.accountingEntryId === victim)
          throw new ItemError('validation_failure', 'Account 9999 is not in the chart.');
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
      status: 'completed_with_errors',
      successful: 13,
      failed: 1,
      artifacts: [`/tmp/ledger-${h.jobId}.txt`],
    });
    expect(connector.commitCalls).toBe(1);
    expect(connector.committed).toHaveLength(13);
    expect(successfulBeforeCommit).toBe(0);
    // the failure was reported as it happened (keeps the job alive), before the commit
    expect(itemStatusCounts(h)).toEqual({ successful: 13, failed: 1 });
    expect(eventNames(h)).toEqual(['started', 'completed_with_errors']);
  });

  it('fails the posted entries when the commit fails, reporting no success', async () => {
    harness = await startSandbox({ itemCount: 6 });
    const connector = createRecordingConnector({
      manifest: { delivery: 'per_job' },
      commitJob: true,
      failCommit: () =>
        new ItemError('unexpected_failure', 'The SIE file could not be written: check the output folder.'),
    });
    const outcome = await runExportJob({
      pleo: harness.pleo,
      connector,
      job: harness.jobId,
      config: validRecordingConfig,
      mapping: testMapping,
      retry: fastRetry,
    });
    expect(outcome).toMatchObject({ status: 'failed', successful: 0, failed: 6 });
    expect(itemStatusCounts(harness)).toEqual({ failed: 6 });
  });
});
