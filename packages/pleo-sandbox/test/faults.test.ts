import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPleoSandbox, type PleoSandbox } from '../src/index';
import { type ApiCall, apiCaller, basicAuth } from './helpers/http-client';

let sandbox: PleoSandbox;
let close: () => Promise<void>;
let call: ApiCall;
let jobId: string;

beforeAll(async () => {
  sandbox = createPleoSandbox();
  ({ close } = await sandbox.listen());
  const seeded = sandbox.seedCompany({ itemCount: 3 });
  jobId = seeded.jobId;
  call = apiCaller(sandbox.baseUrl, basicAuth(seeded.apiKey));
});
afterAll(() => close());

describe('fault injection', () => {
  it('answers 429 with Retry-After the given number of times, then normally', async () => {
    sandbox.faults.inject({ status: 429, times: 2, retryAfterSeconds: 3 });
    const first = await call('GET', `/v3/export-jobs/${jobId}`);
    const second = await call('GET', `/v3/export-jobs/${jobId}`);
    const third = await call('GET', `/v3/export-jobs/${jobId}`);
    expect([first.status, second.status, third.status]).toEqual([429, 429, 200]);
    expect(first.headers.get('retry-after')).toBe('3');
    expect(first.body.type).toBe('TOO_MANY_REQUESTS');
  });

  it('answers 500 and 503 only for matching method and path (string prefix or RegExp)', async () => {
    sandbox.faults.inject({ status: 503, method: 'PUT', path: /\/items$/, retryAfterSeconds: 1 });
    sandbox.faults.inject({ status: 500, path: '/v3/export-items' });
    expect((await call('GET', `/v3/export-jobs/${jobId}/items`)).status).toBe(200);
    const put = await call('PUT', `/v3/export-jobs/${jobId}/items`, []);
    expect(put.status).toBe(503);
    expect(put.headers.get('retry-after')).toBe('1');
    expect((await call('GET', `/v3/export-items?job_id=${jobId}`)).status).toBe(500);
    expect((await call('GET', `/v3/export-items?job_id=${jobId}`)).status).toBe(200);
    expect((await call('PUT', `/v3/export-jobs/${jobId}/items`, [])).status).toBe(200);
  });

  it('a faulted request has no effect on state, and the request log records it', async () => {
    const before = sandbox.requestLog.length;
    sandbox.faults.inject({ status: 500, method: 'POST', path: '/v3/export-job-events' });
    expect((await call('POST', '/v3/export-job-events', { event: 'started', jobId })).status).toBe(500);
    expect(sandbox.getJob(jobId).status).toBe('pending');
    expect(sandbox.requestLog.slice(before)).toEqual([
      { method: 'POST', path: '/v3/export-job-events', status: 500 },
    ]);
  });

  it('latencyMs delays each request by at least that long; clear() removes rules and latency', async () => {
    sandbox.faults.latencyMs = 40;
    sandbox.faults.inject({ status: 429, times: Number.POSITIVE_INFINITY });
    const started = performance.now();
    expect((await call('GET', `/v3/export-jobs/${jobId}`)).status).toBe(429);
    expect(performance.now() - started).toBeGreaterThanOrEqual(35);
    sandbox.faults.clear();
    expect(sandbox.faults.latencyMs).toBe(0);
    expect((await call('GET', `/v3/export-jobs/${jobId}`)).status).toBe(200);
  });

  it('rejects nonsense rules', () => {
    expect(() => sandbox.faults.inject({ status: 429, times: 0 })).toThrow(/times must be ≥ 1/);
    expect(() => sandbox.faults.inject({ status: 429, retryAfterSeconds: -1 })).toThrow(/retryAfterSeconds/);
  });
});
