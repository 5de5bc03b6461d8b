import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPleoSandbox, type PleoSandbox } from '../src/index';
import { type ApiCall, apiCaller, basicAuth } from './helpers/http-client';

const CURSOR = /^[A-Z2-7=~]+$/;
let sandbox: PleoSandbox;
let close: () => Promise<void>;
let call: ApiCall;
let jobId: string;
let ids: string[];

beforeAll(async () => {
  sandbox = createPleoSandbox();
  ({ close } = await sandbox.listen());
  const seeded = sandbox.seedCompany({ itemCount: 25 });
  jobId = seeded.jobId;
  ids = seeded.items.map((item) => item.accountingEntryId);
  call = apiCaller(sandbox.baseUrl, basicAuth(seeded.apiKey));
});
afterAll(() => close());

describe('cursor pagination', () => {
  it('defaults to 10 per page, so a client ignoring paging sees only the first page', async () => {
    const page = await call('GET', `/v3/export-jobs/${jobId}/items`);
    expect(page.body.data).toHaveLength(10);
    expect(page.body.pagination).toMatchObject({
      hasNextPage: true,
      hasPreviousPage: false,
      total: 25,
      currentRequestPagination: { limit: 10, parameters: {}, sortingKeys: [], sortingOrder: [] },
    });
    expect(page.body.pagination.startCursor).toMatch(CURSOR);
    expect(page.body.pagination.endCursor).toMatch(CURSOR);
  });

  it('walks all pages with after=endCursor (3 pages of 10/10/5) for both item endpoints', async () => {
    for (const path of [`/v3/export-jobs/${jobId}/items`, `/v3/export-items`]) {
      const seen: string[] = [];
      const sizes: number[] = [];
      let after: string | undefined;
      for (;;) {
        const query = new URLSearchParams({ job_id: jobId });
        if (after) query.set('after', after);
        const page = await call('GET', `${path}?${query}`);
        expect(page.status).toBe(200);
        sizes.push(page.body.data.length);
        seen.push(...page.body.data.map((item: { accountingEntryId: string }) => item.accountingEntryId));
        expect(page.body.pagination.hasPreviousPage).toBe(after !== undefined);
        if (!page.body.pagination.hasNextPage) break;
        after = page.body.pagination.endCursor;
      }
      expect(sizes).toEqual([10, 10, 5]);
      expect(seen).toEqual(ids);
    }
  });

  it('honours limit up to 1000 and clamps larger values; echoes parameters', async () => {
    const all = await call('GET', `/v3/export-items?job_id=${jobId}&limit=5000`);
    expect(all.body.data).toHaveLength(25);
    expect(all.body.pagination).toMatchObject({
      hasNextPage: false,
      currentRequestPagination: { limit: 1000, parameters: { job_id: [jobId] } },
    });
    const three = await call('GET', `/v3/export-jobs/${jobId}/items?limit=3`);
    expect(three.body.data).toHaveLength(3);
  });

  it('before=startCursor goes back one page; offset skips', async () => {
    const second = await call('GET', `/v3/export-jobs/${jobId}/items?limit=5&offset=5`);
    expect(second.body.data.map((item: { accountingEntryId: string }) => item.accountingEntryId)).toEqual(
      ids.slice(5, 10),
    );
    expect(second.body.pagination).toMatchObject({ hasPreviousPage: true, hasNextPage: true });
    const first = await call(
      'GET',
      `/v3/export-jobs/${jobId}/items?limit=5&before=${second.body.pagination.startCursor}`,
    );
    expect(first.body.data.map((item: { accountingEntryId: string }) => item.accountingEntryId)).toEqual(
      ids.slice(0, 5),
    );
    expect(first.body.pagination).toMatchObject({ hasPreviousPage: false, hasNextPage: true });
  });

  it('rejects foreign cursors and mixed before/after/offset with 400', async () => {
    const bad = await call('GET', `/v3/export-jobs/${jobId}/items?after=abc`);
    expect(bad.status).toBe(400);
    expect(bad.body.message).toContain('after:');
    const foreign = await call('GET', `/v3/export-jobs/${jobId}/items?after=MFRGG===`);
    expect(foreign.status).toBe(400);
    const mixed = await call('GET', `/v3/export-jobs/${jobId}/items?after=MFRGG===&offset=2`);
    expect(mixed.status).toBe(400);
    expect(mixed.body.message).toContain('cannot be combined');
  });

  it('paginates the job list too', async () => {
    const company = sandbox.createCompany();
    const calls = apiCaller(sandbox.baseUrl, basicAuth(company.apiKey));
    const jobIds: string[] = [];
    for (let i = 0; i < 3; i++) {
      const job = sandbox.createJob(company.companyId, []);
      jobIds.push(job.id);
      await calls('POST', '/v3/export-job-events', {
        event: 'failed',
        jobId: job.id,
        failureReasonType: 'canceled_by_user',
      });
    }
    const first = await calls('GET', '/v3/export-jobs?limit=2');
    expect(first.body.data.map((job: { id: string }) => job.id)).toEqual(jobIds.slice(0, 2));
    const second = await calls('GET', `/v3/export-jobs?limit=2&after=${first.body.pagination.endCursor}`);
    expect(second.body.data.map((job: { id: string }) => job.id)).toEqual(jobIds.slice(2));
    expect(second.body.pagination.hasNextPage).toBe(false);
    const failed = await calls('GET', '/v3/export-jobs?statuses=failed,completed');
    expect(failed.body.data).toHaveLength(3);
  });
});
