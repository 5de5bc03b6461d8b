import { afterEach, describe, expect, it } from 'vitest';
import { createItemReporter } from '../../src/lifecycle/item-reporter';
import { PleoJobClosedError } from '../../src/lifecycle/pleo-job-stopped';
import { noopLogger } from '../../src/security/loggers';
import { createMemoryExportStore } from '../../src/store/memory-export-store';
import { type SandboxHarness, startSandbox } from './support/sandbox-harness';

let harness: SandboxHarness | undefined;
afterEach(async () => {
  await harness?.close();
  harness = undefined;
});

const success = { status: 'successful', externalId: 'V-1', exportedAt: '2026-11-23T10:00:00Z' } as const;

describe('createItemReporter', () => {
  it('sends queued outcomes in PUTs of at most 100 and marks them reported in the store', async () => {
    harness = await startSandbox({ itemCount: 230 });
    await harness.pleo.createJobEvent({ event: 'started', jobId: harness.jobId });
    const store = createMemoryExportStore();
    const counts: number[] = [];
    const reporter = createItemReporter({
      pleo: harness.pleo,
      jobId: harness.jobId,
      store,
      logger: noopLogger,
      onReported: (count) => counts.push(count),
    });
    for (const item of harness.items) {
      await store.recordOutcome(harness.jobId, item.accountingEntryId, success);
      reporter.add(item.accountingEntryId, success);
    }
    expect(reporter.pending).toBe(230);
    await reporter.flush();
    expect(reporter.pending).toBe(0);
    expect([...counts].sort((a, b) => a - b)).toEqual([30, 100, 100]);
    expect(harness.sandbox.requestLog.filter((r) => r.method === 'PUT').map((r) => r.status)).toEqual([
      200, 200, 200,
    ]);
    expect(await store.listUnreported(harness.jobId)).toEqual([]);
    expect(
      harness.sandbox
        .getJobItems(harness.jobId)
        .every((i) => i.status === 'successful' && i.externalId === 'V-1'),
    ).toBe(true);
  });

  it('resends entries Pleo lists in errors[] up to 3 times, then leaves them unreported', async () => {
    harness = await startSandbox({ itemCount: 2 });
    await harness.pleo.createJobEvent({ event: 'started', jobId: harness.jobId });
    const store = createMemoryExportStore();
    const known = harness.items[0]?.accountingEntryId ?? '';
    const unknown = '00000000-0000-4000-8000-00000000dead';
    const reporter = createItemReporter({
      pleo: harness.pleo,
      jobId: harness.jobId,
      store,
      logger: noopLogger,
      onReported: () => undefined,
    });
    for (const id of [known, unknown]) {
      await store.recordOutcome(harness.jobId, id, success);
      reporter.add(id, success);
    }
    await reporter.flush();
    expect(harness.sandbox.requestLog.filter((r) => r.method === 'PUT')).toHaveLength(3);
    expect(reporter.rejected).toBe(1);
    expect((await store.listUnreported(harness.jobId)).map((r) => r.accountingEntryId)).toEqual([unknown]);
  });

  it('throws PleoJobClosedError with the reason when the job is finished (422)', async () => {
    harness = await startSandbox({ itemCount: 2 });
    const { pleo, jobId } = harness;
    await pleo.createJobEvent({ event: 'started', jobId });
    await pleo.createJobEvent({ event: 'failed', jobId, failureReasonType: 'canceled_by_user' });
    const store = createMemoryExportStore();
    const reporter = createItemReporter({
      pleo,
      jobId,
      store,
      logger: noopLogger,
      onReported: () => undefined,
    });
    reporter.add(harness.items[0]?.accountingEntryId ?? '', success);
    const error = await reporter.flush().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PleoJobClosedError);
    expect(error).toMatchObject({ reason: 'canceled_by_user' });
    expect(reporter.pending).toBe(1);
  });
});
