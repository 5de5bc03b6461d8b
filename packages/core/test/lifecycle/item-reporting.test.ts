import { afterEach, describe, expect, it } from 'vitest';
import { runExportJob } from '../../src/lifecycle/run-export-job';
import { createRecordingConnector, validRecordingConfig } from './support/recording-connector';
import { itemStatusCounts, type SandboxHarness, startSandbox, testMapping } from './support/sandbox-harness';

const fastRetry = { minDelayMs: 1, maxDelayMs: 5, budgetMs: 5_000 };
let harness: SandboxHarness | undefined;
afterEach(async () => {
  await harness?.close();
  harness = undefined;
});

describe('runExportJob — reporting item outcomes', () => {
  it('reports more than 100 items in PUTs of at most 100 (the sandbox answers 413 above)', async () => {
    harness = await startSandbox({ itemCount: 250 });
    const connector = createRecordingConnector({ manifest: { maxConcurrency: 8 } });
    const outcome = await runExportJob({
      pleo: harness.pleo,
      connector,
      job: harness.jobId,
      config: validRecordingConfig,
      mapping: testMapping,
      retry: fastRetry,
      pageSize: 250,
    });
    expect(outcome).toMatchObject({ status: 'completed', successful: 250 });
    const puts = harness.sandbox.requestLog.filter((r) => r.method === 'PUT');
    expect(puts.length).toBeGreaterThanOrEqual(3);
    expect(puts.every((r) => r.status === 200)).toBe(true);
    expect(harness.sandbox.requestLog.some((r) => r.status === 413)).toBe(false);
    expect(itemStatusCounts(harness)).toEqual({ successful: 250 });
  });

  it('reads paginated lists page by page with the requested page size', async () => {
    harness = await startSandbox({ itemCount: 45 });
    const connector = createRecordingConnector();
    await runExportJob({
      pleo: harness.pleo,
      connector,
      job: harness.jobId,
      config: validRecordingConfig,
      mapping: testMapping,
      retry: fastRetry,
      pageSize: 20,
    });
    const exportItemPages = harness.sandbox.requestLog.filter(
      (r) => r.method === 'GET' && r.path.startsWith('/v3/export-items'),
    );
    expect(exportItemPages).toHaveLength(3);
  });
});
