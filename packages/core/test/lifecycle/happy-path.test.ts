import { afterEach, describe, expect, it } from 'vitest';
import { ItemError } from '../../src/errors/ledgerport-error';
import { runExportJob } from '../../src/lifecycle/run-export-job';
import type { ExportProgressEvent } from '../../src/lifecycle/run-export-job-options';
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

describe('runExportJob — happy path', () => {
  it('claims the job, posts every item once, reports them and completes', async () => {
    harness = await startSandbox({ itemCount: 24 });
    const connector = createRecordingConnector();
    const progress: ExportProgressEvent[] = [];
    const outcome = await runExportJob({
      pleo: harness.pleo,
      connector,
      job: harness.jobId,
      config: validRecordingConfig,
      mapping: testMapping,
      retry: fastRetry,
      pageSize: 7,
      onProgress: (event) => progress.push(event),
    });

    expect(outcome).toMatchObject({
      jobId: harness.jobId,
      status: 'completed',
      successful: 24,
      failed: 0,
      skipped: 0,
    });
    expect(eventNames(harness)).toEqual(['started', 'completed']);
    expect(itemStatusCounts(harness)).toEqual({ successful: 24 });
    expect(connector.documents.size).toBe(24);
    expect([...connector.creations.values()].every((n) => n === 1)).toBe(true);
    expect(connector.authenticateCalls).toBe(1);
    // job-level validate once with no entries, then once per page of entries (pages of 7: 7,7,7,3)
    expect(connector.validateCalls).toEqual([0, 7, 7, 7, 3]);

    for (const item of harness.sandbox.getJobItems(harness.jobId)) {
      const document = connector.documents.get(item.accountingEntryId);
      expect(item.externalId).toBe(document?.externalId);
      expect(item.externalUrl).toBe(`https://ledger.example.test/${document?.externalId}`);
      expect(item.exportedAt).toBeTruthy();
    }

    expect(progress[0]).toEqual({
      type: 'job_started',
      jobId: harness.jobId,
      totalItems: 24,
      resumed: false,
    });
    expect(progress.filter((e) => e.type === 'entry_posted')).toHaveLength(24);
    const reported = progress.filter((e) => e.type === 'batch_reported');
    expect(reported.reduce((sum, e) => sum + (e.type === 'batch_reported' ? e.count : 0), 0)).toBe(24);
    expect(progress.at(-1)).toEqual({ type: 'job_finished', outcome });
  });

  it('books balanced entries mapped from the items (contra account from the mapping)', async () => {
    harness = await startSandbox({ itemCount: 10 });
    const connector = createRecordingConnector();
    await runExportJob({
      pleo: harness.pleo,
      connector,
      job: harness.jobId,
      config: validRecordingConfig,
      mapping: testMapping,
      retry: fastRetry,
    });
    for (const { entry } of connector.documents.values()) {
      const debit = entry.lines.filter((l) => l.side === 'debit').reduce((s, l) => s + l.amount, 0);
      const credit = entry.lines.filter((l) => l.side === 'credit').reduce((s, l) => s + l.amount, 0);
      expect(debit).toBe(credit);
      expect(Number.isInteger(debit)).toBe(true);
    }
  });

  it('completes a job with zero items without posting anything', async () => {
    harness = await startSandbox({ items: [] });
    const connector = createRecordingConnector();
    const outcome = await runExportJob({
      pleo: harness.pleo,
      connector,
      job: harness.jobId,
      config: validRecordingConfig,
      retry: fastRetry,
    });
    expect(outcome).toMatchObject({ status: 'completed', successful: 0, failed: 0 });
    expect(eventNames(harness)).toEqual(['started', 'completed']);
    expect(connector.postCalls).toEqual([]);
  });

  it('posts in batches through postEntries when the connector batches', async () => {
    harness = await startSandbox({ itemCount: 25 });
    const connector = createRecordingConnector({ batch: true });
    const outcome = await runExportJob({
      pleo: harness.pleo,
      connector,
      job: harness.jobId,
      config: validRecordingConfig,
      mapping: testMapping,
      retry: fastRetry,
      pageSize: 25,
      store: createMemoryExportStore(),
    });
    expect(outcome).toMatchObject({ status: 'completed', successful: 25 });
    expect([...connector.postEntriesCalls].sort((a, b) => a - b)).toEqual([5, 10, 10]);
  });

  it('retries a retryable per-entry failure of a batch through postEntry, booking it once', async () => {
    harness = await startSandbox({ itemCount: 12 });
    const victim = harness.items[4]?.accountingEntryId;
    const connector = createRecordingConnector({
      batch: true,
      beforePost: (entry, call) => {
        if (entry.accountingEntryId === victim && call === 1) {
          throw new ItemError('accounting_system_rate_limit', 'Recording Ledger is rate limiting.', {
            retryable: true,
            retryAfterMs: 2,
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
    expect(outcome).toMatchObject({ status: 'completed', successful: 12 });
    expect(connector.postCalls.filter((k) => k === victim)).toHaveLength(2);
    expect(connector.creations.get(victim ?? '')).toBe(1);
  });
});
