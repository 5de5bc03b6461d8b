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

describe('runExportJob — completion rule', () => {
  it('some items failed (entry-level validate issues and ERP rejections) → completed_with_errors', async () => {
    harness = await startSandbox({ itemCount: 15 });
    const [first, second, third] = harness.items;
    const connector = createRecordingConnector({
      validate: (entries) => ({
        jobIssues: [],
        entryIssues: entries
          .filter((e) => e.accountingEntryId === first?.accountingEntryId)
          .map((e) => ({
            accountingEntryId: e.accountingEntryId,
            reason: 'account_unknown' as const,
            message: 'Account No. 6010 does not exist in the Accounting System. Check Category.',
            field: 'lines[0].account',
          })),
      }),
      beforePost: (entry) => {
        if (
          entry.accountingEntryId === second?.accountingEntryId ||
          entry.accountingEntryId === third?.accountingEntryId
        ) {
          throw new ItemError(
            'accounting_system_validation_failure',
            'The period is closed in Recording Ledger.',
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
      status: 'completed_with_errors',
      successful: 12,
      failed: 3,
      failuresByReason: { account_unknown: 1, accounting_system_validation_failure: 2 },
    });
    expect(eventNames(harness)).toEqual(['started', 'completed_with_errors']);
    expect(itemStatusCounts(harness)).toEqual({ successful: 12, failed: 3 });
    const failed = harness.sandbox
      .getJobItems(harness.jobId)
      .find((i) => i.accountingEntryId === first?.accountingEntryId);
    expect(failed).toMatchObject({
      status: 'failed',
      failureReasonType: 'account_unknown',
      failureReason: 'Account No. 6010 does not exist in the Accounting System. Check Category.',
    });
    expect(connector.postCalls).not.toContain(first?.accountingEntryId);
  });

  it('every item failed → failed with validation_failure and an explanatory message', async () => {
    harness = await startSandbox({ itemCount: 6 });
    const connector = createRecordingConnector({
      beforePost: () => {
        throw new ItemError(
          'accounting_system_validation_failure',
          'Recording Ledger rejected the voucher series.',
        );
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
      failureReasonType: 'validation_failure',
      successful: 0,
      failed: 6,
    });
    expect(outcome.failureReason).toContain('All 6 items failed');
    expect(outcome.failureReason).toContain('Recording Ledger rejected the voucher series.');
    expect(eventNames(harness)).toEqual(['started', 'failed']);
    expect(itemStatusCounts(harness)).toEqual({ failed: 6 });
  });

  it('an unexpected throw fails only that item as unexpected_failure, without leaking its message', async () => {
    harness = await startSandbox({ itemCount: 4 });
    const victim = harness.items[1]?.accountingEntryId;
    const connector = createRecordingConnector({
      beforePost: (entry) => {
        if (entry.accountingEntryId === victim)
          throw new Error(`socket hang up, key=${validRecordingConfig.apiKey}`);
      },
    });
    const outcome = await runExportJob({
      pleo: harness.pleo,
      connector,
      job: harness.jobId,
      config: validRecordingConfig,
      secrets: { apiKey: validRecordingConfig.apiKey },
      mapping: testMapping,
      retry: fastRetry,
    });
    expect(outcome).toMatchObject({
      status: 'completed_with_errors',
      failuresByReason: { unexpected_failure: 1 },
    });
    const item = harness.sandbox.getJobItems(harness.jobId).find((i) => i.accountingEntryId === victim);
    expect(item?.failureReasonType).toBe('unexpected_failure');
    expect(item?.failureReason).not.toContain(validRecordingConfig.apiKey);
  });
});
