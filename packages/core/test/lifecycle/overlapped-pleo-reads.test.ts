import { createPleoClient } from '@ledgerport/pleo';
import { createPleoSandbox } from '@ledgerport/pleo-sandbox';
import { afterEach, describe, expect, it } from 'vitest';
import { runExportJob } from '../../src/lifecycle/run-export-job';
import { createRecordingConnector, validRecordingConfig } from './support/recording-connector';
import { eventNames, type SandboxHarness, startSandbox, testMapping } from './support/sandbox-harness';

const fastRetry = { minDelayMs: 1, maxDelayMs: 5, budgetMs: 5_000 };
let harness: SandboxHarness | undefined;
afterEach(async () => {
  await harness?.close();
  harness = undefined;
});

/** A fetch that counts the Pleo requests in flight, by kind, and the most in flight at once. */
function countingFetch() {
  const seen = { inFlight: 0, peakBeforeFirstPost: 0, kinds: [] as string[], posted: false };
  const fetch: typeof globalThis.fetch = async (input, init) => {
    const url = String(input instanceof Request ? input.url : input);
    seen.kinds.push(`${init?.method ?? 'GET'} ${new URL(url).pathname}`);
    seen.inFlight += 1;
    if (!seen.posted) seen.peakBeforeFirstPost = Math.max(seen.peakBeforeFirstPost, seen.inFlight);
    try {
      return await globalThis.fetch(input, init);
    } finally {
      seen.inFlight -= 1;
    }
  };
  return { seen, fetch };
}

describe('runExportJob — Pleo round trips before posting overlap', () => {
  it('claims the job while pre-export validation runs (claim → validation, as Pleo documents)', async () => {
    harness = await startSandbox({ itemCount: 3 });
    const { sandbox, jobId } = harness;
    let claimedDuringValidation = false;
    const connector = createRecordingConnector({
      validate: async (entries) => {
        if (entries.length === 0) {
          // Hold job-level validation until the claim has landed (bounded, so a regression fails, not hangs).
          for (let i = 0; i < 200 && sandbox.getJob(jobId).status === 'pending'; i++) {
            await new Promise((resolve) => setTimeout(resolve, 5));
          }
          claimedDuringValidation = sandbox.getJob(jobId).status === 'in_progress';
        }
        return { jobIssues: [], entryIssues: [] };
      },
    });
    const outcome = await runExportJob({
      pleo: harness.pleo,
      connector,
      job: jobId,
      config: validRecordingConfig,
      mapping: testMapping,
      retry: fastRetry,
    });
    expect(claimedDuringValidation).toBe(true);
    expect(outcome.status).toBe('completed');
    expect(eventNames(harness)).toEqual(['started', 'completed']);
  });

  it('a job-level validation failure still ends started → failed, each event once', async () => {
    harness = await startSandbox({ itemCount: 3 });
    const connector = createRecordingConnector({
      validate: (entries) => ({
        jobIssues:
          entries.length === 0 ? [{ reason: 'invalid_configuration', message: 'The ledger is closed.' }] : [],
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
    expect(outcome).toMatchObject({ status: 'failed', failureReasonType: 'invalid_configuration' });
    expect(eventNames(harness)).toEqual(['started', 'failed']);
    expect(connector.postCalls).toEqual([]);
  });

  it('reads the first export-items page and the final item statuses side by side', async () => {
    const sandbox = createPleoSandbox({ manualClock: true });
    const server = await sandbox.listen({ port: 0 });
    const seeded = sandbox.seedCompany({ seed: 42, itemCount: 5 });
    const counting = countingFetch();
    const { seen } = counting;
    const pleo = createPleoClient({
      baseUrl: server.url,
      auth: { type: 'apiKey', apiKey: seeded.apiKey },
      fetch: counting.fetch,
    });
    harness = {
      sandbox,
      pleo,
      jobId: seeded.jobId,
      companyId: seeded.companyId,
      items: seeded.items,
      close: () => server.close(),
    };
    const connector = createRecordingConnector({
      authenticate: async () => undefined,
    });
    const postEntry = connector.postEntry.bind(connector);
    connector.postEntry = (ctx, entry) => {
      seen.posted = true;
      return postEntry(ctx, entry);
    };
    const outcome = await runExportJob({
      pleo,
      connector,
      job: harness.jobId,
      config: validRecordingConfig,
      mapping: testMapping,
      retry: fastRetry,
    });
    expect(outcome.status).toBe('completed');
    // The first export-items page and the three job-item listings were in flight together.
    expect(seen.peakBeforeFirstPost).toBeGreaterThanOrEqual(3);
    const jobItemListings = seen.kinds.filter((k) => k.endsWith(`/export-jobs/${harness?.jobId}/items`));
    expect(jobItemListings.length).toBeGreaterThanOrEqual(3);
  });
});
