import { afterEach, describe, expect, it } from 'vitest';
import { ItemError } from '../../src/errors/ledgerport-error';
import { runExportJob } from '../../src/lifecycle/run-export-job';
import { createMemoryLogger } from '../../src/security/loggers';
import { createRecordingConnector, validRecordingConfig } from './support/recording-connector';
import { type SandboxHarness, startSandbox, testMapping } from './support/sandbox-harness';

const fastRetry = { minDelayMs: 1, maxDelayMs: 5, budgetMs: 5_000 };
let harness: SandboxHarness | undefined;
afterEach(async () => {
  await harness?.close();
  harness = undefined;
});

describe('runExportJob — secrets never leak', () => {
  it('keeps config secret fields and secrets out of log lines, item failures and job events', async () => {
    harness = await startSandbox({ itemCount: 6 });
    const clientSecret = 'cs_live_very_secret_value_42';
    const logger = createMemoryLogger();
    const connector = createRecordingConnector({
      beforePost: (entry, call) => {
        if (entry.accountingEntryId === harness?.items[0]?.accountingEntryId) {
          throw new Error(
            `request failed: Authorization: Bearer ${validRecordingConfig.apiKey} secret=${clientSecret}`,
          );
        }
        if (entry.accountingEntryId === harness?.items[1]?.accountingEntryId && call === 1) {
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
      secrets: { clientSecret },
      mapping: testMapping,
      retry: fastRetry,
      logger,
    });
    expect(outcome.status).toBe('completed_with_errors');
    expect(logger.lines.length).toBeGreaterThan(0);
    const everything = JSON.stringify({
      lines: logger.lines,
      items: harness.sandbox.getJobItems(harness.jobId),
      events: harness.sandbox.getEvents(harness.jobId),
      outcome,
    });
    expect(everything).not.toContain(validRecordingConfig.apiKey);
    expect(everything).not.toContain(clientSecret);
  });
});
