import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPleoSandbox, type PleoSandbox, SandboxApiError } from '../src/index';
import { apiCaller, basicAuth } from './helpers/http-client';

let sandbox: PleoSandbox;
let close: () => Promise<void>;

beforeAll(async () => {
  sandbox = createPleoSandbox();
  ({ close } = await sandbox.listen());
});
afterAll(() => close());

const UNKNOWN_JOB = '3c90c3cc-0d44-4b50-8888-8dd25736052a';

describe('authentication (bearerAuth / basicAuth)', () => {
  it('accepts Basic with the API key as username and an empty password, and a Bearer token', async () => {
    const { companyId, apiKey } = sandbox.createCompany({ bearerToken: 'token-abc' });
    const basic = await apiCaller(sandbox.baseUrl, basicAuth(apiKey))('GET', '/v3/export-jobs');
    const bearer = await apiCaller(sandbox.baseUrl, 'Bearer token-abc')(
      'GET',
      `/v3/export-jobs?company_id=${companyId}`,
    );
    expect([basic.status, bearer.status]).toEqual([200, 200]);
    expect(bearer.body.data).toEqual([]);
  });

  it.each([
    ['no header', undefined],
    ['unknown API key', basicAuth('not-a-key')],
    ['non-empty password', `Basic ${Buffer.from('KEY:secret').toString('base64')}`],
    ['unknown bearer token', 'Bearer nope'],
    ['unsupported scheme', 'Digest abc'],
  ])('401 for %s, without echoing the credential', async (_name, authorization) => {
    const response = await apiCaller(sandbox.baseUrl, authorization)('GET', '/v3/export-jobs');
    expect(response.status).toBe(401);
    expect(response.body.type).toBe('UNAUTHORIZED');
    expect(response.headers.get('www-authenticate')).toContain('Basic');
    expect(JSON.stringify(response.body)).not.toMatch(/not-a-key|secret|nope/);
  });

  it('a company may not see another company’s jobs', async () => {
    const a = sandbox.seedCompany({ itemCount: 2 });
    const b = sandbox.seedCompany({ itemCount: 2 });
    const callB = apiCaller(sandbox.baseUrl, basicAuth(b.apiKey));
    expect((await callB('GET', `/v3/export-jobs/${a.jobId}`)).status).toBe(404);
    expect((await callB('GET', `/v3/export-jobs/${a.jobId}/items`)).status).toBe(404);
    expect((await callB('GET', `/v3/export-items?job_id=${a.jobId}`)).status).toBe(404);
    expect((await callB('POST', '/v3/export-job-events', { event: 'started', jobId: a.jobId })).status).toBe(
      404,
    );
    expect((await callB('GET', `/v3/export-jobs?company_id=${a.companyId}`)).body.data).toEqual([]);
    expect(sandbox.getJob(a.jobId).status).toBe('pending');
  });
});

describe('documented error answers', () => {
  it('404 EXPORT_NOT_FOUND for an unknown job on every job route', async () => {
    const { apiKey } = sandbox.seedCompany({ itemCount: 1 });
    const call = apiCaller(sandbox.baseUrl, basicAuth(apiKey));
    const responses = [
      await call('GET', `/v3/export-jobs/${UNKNOWN_JOB}`),
      await call('GET', `/v3/export-jobs/${UNKNOWN_JOB}/items`),
      await call('PUT', `/v3/export-jobs/${UNKNOWN_JOB}/items`, []),
      await call('POST', '/v3/export-job-events', { event: 'started', jobId: UNKNOWN_JOB }),
      await call('GET', `/v3/export-items?job_id=${UNKNOWN_JOB}`),
    ];
    for (const response of responses) {
      expect(response.status).toBe(404);
      expect(response.body).toEqual({ type: 'EXPORT_NOT_FOUND', message: 'Export job not found.' });
    }
  });

  it('409 EXPORT_ALREADY_IN_PROGRESS for a second active job (HTTP and programmatic)', async () => {
    const { apiKey, companyId, items, jobId } = sandbox.seedCompany({ itemCount: 2 });
    const call = apiCaller(sandbox.baseUrl, basicAuth(apiKey));
    const body = { accountingEntryIds: items.map((item) => item.accountingEntryId), companyId };
    const conflict = await call('POST', '/v3/export-jobs', body);
    expect(conflict.status).toBe(409);
    expect(conflict.body).toEqual({
      type: 'EXPORT_ALREADY_IN_PROGRESS',
      message: 'Export Job already in progress for this company.',
    });
    await call('POST', '/v3/export-job-events', { event: 'started', jobId });
    expect(() => sandbox.createJob(companyId, [])).toThrow(SandboxApiError);
    await call('POST', '/v3/export-job-events', { event: 'completed', jobId });
    const created = await call('POST', '/v3/export-jobs', body);
    expect(created.status).toBe(201);
    expect(created.body.data).toMatchObject({
      companyId,
      status: 'pending',
      numberOfItems: 2,
      isInteractive: true,
    });
  });

  it('413 EXPORT_JOB_ITEMS_UPDATE_LIMIT above 100 entries; exactly 100 is accepted', async () => {
    const { apiKey, jobId, items } = sandbox.seedCompany({ itemCount: 120 });
    const call = apiCaller(sandbox.baseUrl, basicAuth(apiKey));
    const updates = items.map((item) => ({
      accountingEntryId: item.accountingEntryId,
      status: 'successful',
    }));
    const tooMany = await call('PUT', `/v3/export-jobs/${jobId}/items`, updates.slice(0, 101));
    expect(tooMany.status).toBe(413);
    expect(tooMany.body).toEqual({
      type: 'EXPORT_JOB_ITEMS_UPDATE_LIMIT',
      message: 'Number of items to update is more than 100.',
    });
    expect(sandbox.getJobItems(jobId).every((item) => item.status === 'pending')).toBe(true);
    const hundred = await call('PUT', `/v3/export-jobs/${jobId}/items`, updates.slice(0, 100));
    expect(hundred.status).toBe(200);
    expect(hundred.body.data).toHaveLength(100);
  });

  it('422 EXPORT_JOB_STATUS_UNPROCESSABLE for item updates and export-item reads on a finished job', async () => {
    const { apiKey, jobId, items } = sandbox.seedCompany({ itemCount: 2 });
    const call = apiCaller(sandbox.baseUrl, basicAuth(apiKey));
    await call('POST', '/v3/export-job-events', { event: 'started', jobId });
    await call('POST', '/v3/export-job-events', { event: 'completed_with_errors', jobId });
    const update = await call('PUT', `/v3/export-jobs/${jobId}/items`, [
      { accountingEntryId: items[0]!.accountingEntryId, status: 'successful' },
    ]);
    expect(update.status).toBe(422);
    expect(update.body).toEqual({
      type: 'EXPORT_JOB_STATUS_UNPROCESSABLE',
      message: 'Export job is finished.',
    });
    const read = await call('GET', `/v3/export-items?job_id=${jobId}`);
    expect(read.status).toBe(422);
    expect(read.body).toEqual({
      type: 'EXPORT_JOB_STATUS_UNPROCESSABLE',
      message: 'Export Job is finished and can no longer be processed.',
    });
    // The control layer stays readable after completion.
    expect((await call('GET', `/v3/export-jobs/${jobId}/items`)).status).toBe(200);
  });

  it.each([
    ['POST', '/v3/export-job-events', { event: 'stopped', jobId: UNKNOWN_JOB }, 'event: must be one of'],
    ['POST', '/v3/export-job-events', { event: 'started' }, 'jobId: must be a UUID'],
    [
      'POST',
      '/v3/export-job-events',
      { event: 'failed', jobId: UNKNOWN_JOB, failureReasonType: 'oops' },
      'failureReasonType',
    ],
    ['GET', '/v3/export-jobs?statuses=done', undefined, 'statuses: "done"'],
    ['GET', '/v3/export-jobs?limit=-1', undefined, 'limit: must be an integer'],
    ['POST', '/v3/export-jobs', { companyId: UNKNOWN_JOB }, 'accountingEntryIds'],
  ])('400 naming the field: %s %s', async (method, path, body, expected) => {
    const { apiKey } = sandbox.seedCompany({ itemCount: 1 });
    const response = await apiCaller(sandbox.baseUrl, basicAuth(apiKey))(method, path, body);
    expect(response.status).toBe(400);
    expect(response.body.type).toBe('BAD_REQUEST');
    expect(response.body.message).toContain(expected);
  });

  it('400 names the entry index of a bad item update', async () => {
    const { apiKey, jobId, items } = sandbox.seedCompany({ itemCount: 2 });
    const response = await apiCaller(sandbox.baseUrl, basicAuth(apiKey))(
      'PUT',
      `/v3/export-jobs/${jobId}/items`,
      [
        { accountingEntryId: items[0]!.accountingEntryId, status: 'successful' },
        { accountingEntryId: items[1]!.accountingEntryId, status: 'done' },
      ],
    );
    expect(response.status).toBe(400);
    expect(response.body.message).toMatch(/^\[1\]\.status: must be one of pending, in_progress/);
  });

  it('404 NOT_FOUND for unknown routes and 405 for a wrong method', async () => {
    const { apiKey } = sandbox.seedCompany({ itemCount: 1 });
    const call = apiCaller(sandbox.baseUrl, basicAuth(apiKey));
    expect((await call('GET', '/v2/export-jobs')).status).toBe(404);
    const wrong = await call('DELETE', '/v3/export-jobs');
    expect(wrong.status).toBe(405);
    expect(wrong.headers.get('allow')).toBe('GET, POST');
  });
});
