/**
 * The same core through msw: requests to the sandbox origin never leave the process. Also drives it
 * with the real `@ledgerport/pleo` client.
 */
import { createPleoClient } from '@ledgerport/pleo';
import { setupServer } from 'msw/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPleoSandbox } from '../src/index';
import { apiCaller, basicAuth } from './helpers/http-client';
import { specErrors } from './helpers/spec-validator';

const sandbox = createPleoSandbox({ baseUrl: 'https://pleo.sandbox.test' });
const server = setupServer(...sandbox.handlers());

beforeAll(() => server.listen({ onUnhandledFrame: 'error' }));
afterAll(() => server.close());

describe('msw handlers', () => {
  it('serve the Export API at baseUrl, with receipts under the same origin', async () => {
    const { apiKey, jobId } = sandbox.seedCompany({ itemCount: 12 });
    const call = apiCaller('https://pleo.sandbox.test', basicAuth(apiKey));
    expect((await call('POST', '/v3/export-job-events', { event: 'started', jobId })).status).toBe(202);
    const page = await call('GET', `/v3/export-items?job_id=${jobId}&limit=12`);
    expect(specErrors('CursorPaginatedResponseExportItemV3', page.body)).toEqual([]);
    const file = page.body.data.flatMap(
      (item: { files: { url: string; size: number }[] | null }) => item.files ?? [],
    )[0];
    expect(file.url.startsWith('https://pleo.sandbox.test/files/')).toBe(true);
    const bytes = await (await fetch(file.url)).arrayBuffer();
    expect(bytes.byteLength).toBe(file.size);
    expect((await apiCaller('https://pleo.sandbox.test', undefined)('GET', '/v3/export-jobs')).status).toBe(
      401,
    );
  });

  it('work with the @ledgerport/pleo client: list, start, page items, chunked updates, complete', async () => {
    const { apiKey, companyId, jobId } = sandbox.seedCompany({ itemCount: 230 });
    const client = createPleoClient({
      baseUrl: 'https://pleo.sandbox.test',
      auth: { type: 'apiKey', apiKey },
      companyId,
      retry: { retries: 3, minDelayMs: 1, maxDelayMs: 5 },
    });
    const jobs = [];
    for await (const job of client.listJobs({ statuses: ['pending', 'in_progress'] })) jobs.push(job);
    expect(jobs.map((job) => job.id)).toEqual([jobId]);
    await client.createJobEvent({ event: 'started', jobId });
    const entries = [];
    for await (const item of client.listJobItems(jobId)) entries.push(item);
    expect(entries).toHaveLength(230);
    let valid = 0;
    for await (const envelope of client.listExportItems({ jobId, limit: 100 })) if (envelope.valid) valid++;
    expect(valid).toBe(230);
    sandbox.faults.inject({ status: 429, times: 1, retryAfterSeconds: 0, method: 'PUT' });
    const result = await client.updateJobItems(
      jobId,
      entries.map((entry) => ({ accountingEntryId: entry.accountingEntryId, status: 'successful' as const })),
    );
    expect(result.errors).toEqual([]);
    expect(result.data).toHaveLength(230);
    await client.createJobEvent({ event: 'completed', jobId });
    expect(await client.getJob(jobId)).toMatchObject({ status: 'completed' });
    const puts = sandbox.requestLog.filter(
      (entry) => entry.method === 'PUT' && entry.path.endsWith(`${jobId}/items`),
    );
    expect(puts.map((entry) => entry.status)).toEqual([429, 200, 200, 200]);
  });
});
