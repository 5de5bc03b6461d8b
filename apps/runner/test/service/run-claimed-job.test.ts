import { createMemoryConnector } from '@ledgerport/connector-memory';
import { createMemoryLogger } from '@ledgerport/core';
import { createPleoClient } from '@ledgerport/pleo';
import { createPleoSandbox } from '@ledgerport/pleo-sandbox';
import { afterEach, describe, expect, it } from 'vitest';
import type { ResolvedCompany } from '../../src/service/resolve-companies';
import { runClaimedJob } from '../../src/service/run-claimed-job';
import { openRunnerStore } from '../../src/store/open-runner-store';
import type { RunnerStore } from '../../src/store/runner-store';

const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const close of closers.splice(0)) await close();
});

async function setUp(itemCount: number) {
  const sandbox = createPleoSandbox();
  const seeded = sandbox.seedCompany({ seed: 31, itemCount });
  const server = await sandbox.listen({ port: 0 });
  const store: RunnerStore = await openRunnerStore(
    { type: 'sqlite', path: ':memory:', synchronous: 'full' },
    '.',
  );
  closers.push(
    () => server.close(),
    () => store.close(),
  );
  const pleo = createPleoClient({
    baseUrl: server.url,
    auth: { type: 'apiKey', apiKey: seeded.apiKey },
    companyId: seeded.companyId,
  });
  const company: ResolvedCompany = {
    companyId: seeded.companyId,
    name: 'Test company',
    connector: createMemoryConnector(),
    config: { ledgerName: 'books', apiKey: 'memory-key-42' },
    secrets: {},
    mapping: {
      inputVatAccount: '2641',
      outputVatAccount: '2614',
      payablesAccount: '2440',
      contraAccounts: { SEK: '1930', DKK: '1931', EUR: '1932' },
    },
  };
  const logger = createMemoryLogger();
  const run = (runnerId: string) =>
    runClaimedJob({
      job: seeded.jobId,
      company,
      pleo,
      store,
      runnerId,
      logger,
      secretValues: [seeded.apiKey, 'memory-key-42'],
    });
  return { sandbox, seeded, store, run, logger };
}

describe('runClaimedJob', () => {
  it('runs the job under the company claim, records the run and releases the claim when Pleo says final', async () => {
    const { sandbox, seeded, store, run } = await setUp(8);
    const result = await run('runner-a');
    expect(result).toMatchObject({
      jobId: seeded.jobId,
      companyId: seeded.companyId,
      kind: 'ran',
      pleoStatus: 'completed',
      final: true,
    });
    expect(result.outcome?.successful).toBe(8);
    expect(sandbox.getJob(seeded.jobId).status).toBe('completed');
    expect(await store.getClaim(seeded.companyId)).toBeUndefined();
    expect(await store.getRun(seeded.jobId)).toMatchObject({ state: 'finished', attempts: 1 });
    expect((await store.exports.getFinalEvent(seeded.jobId))?.sent).toBe(true);
  });

  it('does nothing while another runner holds the company (one active job per company)', async () => {
    const { sandbox, seeded, store, run } = await setUp(3);
    expect(
      await store.claimJob({
        companyId: seeded.companyId,
        jobId: seeded.jobId,
        owner: 'runner-b',
        leaseMs: 60_000,
      }),
    ).toBe(true);
    const result = await run('runner-a');
    expect(result).toEqual({
      jobId: seeded.jobId,
      companyId: seeded.companyId,
      kind: 'claimed_elsewhere',
      final: false,
    });
    expect(sandbox.getJob(seeded.jobId).status).toBe('pending');
    expect(sandbox.getEvents(seeded.jobId)).toEqual([]);
    expect(await store.getRun(seeded.jobId)).toBeUndefined();
  });

  it('reports a Pleo failure as a redacted one-line error and keeps the claim for the resume', async () => {
    const { sandbox, seeded, store, run, logger } = await setUp(3);
    sandbox.faults.inject({ status: 503, times: 100 });
    const result = await run('runner-a');
    expect(result.final).toBe(false);
    expect(result.kind).toBe('error');
    expect(result.error).toBeDefined();
    expect(result.error).not.toContain(seeded.apiKey);
    expect((await store.getClaim(seeded.companyId))?.owner).toBe('runner-a');
    expect((await store.getRun(seeded.jobId))?.state).toBe('error');
    sandbox.faults.clear();
    const resumed = await run('runner-a');
    expect(resumed).toMatchObject({ kind: 'ran', final: true, pleoStatus: 'completed' });
    expect((await store.getRun(seeded.jobId))?.attempts).toBe(2);
    expect(JSON.stringify(logger.lines)).not.toContain(seeded.apiKey);
  });
});
