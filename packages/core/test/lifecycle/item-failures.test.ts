import { type ExportItemV3, exportItemTypeSchema } from '@ledgerport/pleo';
import { generateSeedItems } from '@ledgerport/pleo-sandbox';
import { afterEach, describe, expect, it } from 'vitest';
import { runExportJob } from '../../src/lifecycle/run-export-job';
import { createMemoryExportStore } from '../../src/store/memory-export-store';
import { createRecordingConnector, validRecordingConfig } from './support/recording-connector';
import { itemStatusCounts, type SandboxHarness, startSandbox, testMapping } from './support/sandbox-harness';

const fastRetry = { minDelayMs: 1, maxDelayMs: 5, budgetMs: 5_000 };
let harness: SandboxHarness | undefined;
afterEach(async () => {
  await harness?.close();
  harness = undefined;
});

describe('runExportJob — items that cannot be booked fail alone', () => {
  it('an export item that fails the schema becomes validation_failure naming the field; the others are booked', async () => {
    const items = generateSeedItems({ companyId: '00000000-0000-4000-8000-000000000000', seed: 3, count: 6 });
    const broken = { ...items[2], date: 'yesterday-ish' } as unknown as ExportItemV3;
    items[2] = broken;
    harness = await startSandbox({ items });
    const connector = createRecordingConnector();
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
      successful: 5,
      failuresByReason: { validation_failure: 1 },
    });
    const failed = harness.sandbox
      .getJobItems(harness.jobId)
      .find((i) => i.accountingEntryId === broken.accountingEntryId);
    expect(failed?.failureReasonType).toBe('validation_failure');
    expect(failed?.failureReason).toContain('date');
    expect(connector.postCalls).not.toContain(broken.accountingEntryId);
  });

  it('a mapping failure (no contra account configured for the currency) fails the item with the mapper reason', async () => {
    harness = await startSandbox({ itemCount: 8 });
    const connector = createRecordingConnector();
    const outcome = await runExportJob({
      pleo: harness.pleo,
      connector,
      job: harness.jobId,
      config: validRecordingConfig,
      mapping: { ...testMapping, contraAccounts: {} },
      retry: fastRetry,
    });
    expect(outcome.failuresByReason.missing_configuration).toBeGreaterThan(0);
    expect(itemStatusCounts(harness).failed).toBe(outcome.failed);
    const failed = harness.sandbox
      .getJobItems(harness.jobId)
      .find((i) => i.failureReasonType === 'missing_configuration');
    expect(failed?.failureReason).toMatch(/contra/i);
    expect(connector.postCalls).not.toContain(failed?.accountingEntryId);
  });

  it('an entry whose earlier post has an unknown outcome is not posted again by an idempotency "none" connector', async () => {
    harness = await startSandbox({ itemCount: 4 });
    const store = createMemoryExportStore();
    const uncertain = harness.items[1]?.accountingEntryId ?? '';
    // a crashed earlier run recorded the intent but never learned the outcome
    await harness.pleo.createJobEvent({ event: 'started', jobId: harness.jobId });
    await store.recordIntent(harness.jobId, uncertain);
    const connector = createRecordingConnector({ manifest: { idempotency: 'none' } });
    const outcome = await runExportJob({
      pleo: harness.pleo,
      connector,
      job: harness.jobId,
      config: validRecordingConfig,
      mapping: testMapping,
      retry: fastRetry,
      store,
    });
    expect(connector.postCalls).not.toContain(uncertain);
    expect(outcome).toMatchObject({ status: 'completed_with_errors', successful: 3 });
    const item = harness.sandbox.getJobItems(harness.jobId).find((i) => i.accountingEntryId === uncertain);
    expect(item?.failureReason).toMatch(/check whether the entry exists/);
  });

  it('an idempotent connector re-posts an entry with an unknown outcome (it returns the first document)', async () => {
    harness = await startSandbox({ itemCount: 4 });
    const store = createMemoryExportStore();
    const uncertain = harness.items[1]?.accountingEntryId ?? '';
    await store.recordIntent(harness.jobId, uncertain);
    const connector = createRecordingConnector();
    const outcome = await runExportJob({
      pleo: harness.pleo,
      connector,
      job: harness.jobId,
      config: validRecordingConfig,
      mapping: testMapping,
      retry: fastRetry,
      store,
    });
    expect(outcome).toMatchObject({ status: 'completed', successful: 4 });
    expect(connector.postCalls).toContain(uncertain);
  });

  it('items of a type or bookkeeping method the connector does not support fail with invalid_configuration', async () => {
    harness = await startSandbox({ itemCount: 20 });
    const excluded = harness.items[0]?.type ?? 'card_purchase';
    const connector = createRecordingConnector({
      manifest: { entryTypes: exportItemTypeSchema.options.filter((t) => t !== excluded) },
    });
    const outcome = await runExportJob({
      pleo: harness.pleo,
      connector,
      job: harness.jobId,
      config: validRecordingConfig,
      mapping: testMapping,
      retry: fastRetry,
    });
    const ofType = harness.items.filter((i) => i.type === excluded).map((i) => i.accountingEntryId);
    expect(outcome.failuresByReason.invalid_configuration).toBe(ofType.length);
    expect(connector.postCalls.filter((k) => ofType.includes(k))).toEqual([]);
    const failed = harness.sandbox.getJobItems(harness.jobId).find((i) => i.accountingEntryId === ofType[0]);
    expect(failed?.failureReason).toContain(`cannot book ${excluded} items`);
  });
});
