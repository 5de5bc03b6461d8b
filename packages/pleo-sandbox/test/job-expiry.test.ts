import { describe, expect, it } from 'vitest';
import { createPleoSandbox } from '../src/index';
import { apiCaller, basicAuth } from './helpers/http-client';

const START = new Date('2025-06-01T09:00:00Z');
const HOUR = 3_600_000;

async function setup(itemCount = 5) {
  const sandbox = createPleoSandbox({ manualClock: true, now: () => START });
  const seeded = sandbox.seedCompany({ itemCount });
  const server = await sandbox.listen();
  return { sandbox, ...seeded, server, call: apiCaller(server.url, basicAuth(seeded.apiKey)) };
}

describe('job expiry (3600 s after lastUpdatedAt, injectable clock)', () => {
  it('a pending job is alive 1 s before expiry and failed/job_expired at 3600 s', async () => {
    const { sandbox, jobId, server, call } = await setup();
    try {
      sandbox.clock.advance(HOUR - 1000);
      expect((await call('GET', `/v3/export-jobs/${jobId}`)).body.data.status).toBe('pending');
      sandbox.clock.advance(1000);
      const job = (await call('GET', `/v3/export-jobs/${jobId}`)).body.data;
      expect(job).toMatchObject({
        status: 'failed',
        failureReasonType: 'job_expired',
        expiredAt: '2025-06-01T10:00:00Z',
      });
      expect(sandbox.getJobItems(jobId).every((item) => item.status === 'abandoned')).toBe(true);
      const listed = await call('GET', `/v3/export-jobs?statuses=pending&statuses=in_progress`);
      expect(listed.body.data).toEqual([]);
    } finally {
      await server.close();
    }
  });

  it('every accepted item update and event bumps lastUpdatedAt and so postpones expiry', async () => {
    const { sandbox, jobId, items, server, call } = await setup();
    try {
      sandbox.clock.advance(50 * 60_000);
      await call('POST', '/v3/export-job-events', { event: 'started', jobId });
      sandbox.clock.advance(50 * 60_000);
      const put = await call('PUT', `/v3/export-jobs/${jobId}/items`, [
        { accountingEntryId: items[0]!.accountingEntryId, status: 'successful' },
      ]);
      expect(put.status).toBe(200);
      expect(sandbox.getJob(jobId).lastUpdatedAt).toBe('2025-06-01T10:40:00Z');
      sandbox.clock.advance(59 * 60_000);
      expect(sandbox.getJob(jobId).status).toBe('in_progress');
      sandbox.clock.advance(60_000);
      const job = sandbox.getJob(jobId);
      expect(job).toMatchObject({
        status: 'failed',
        failureReasonType: 'job_expired',
        expiredAt: '2025-06-01T11:40:00Z',
      });
      expect(sandbox.getJobItems(jobId).map((item) => item.status)).toEqual([
        'successful',
        'abandoned',
        'abandoned',
        'abandoned',
        'abandoned',
      ]);
    } finally {
      await server.close();
    }
  });

  it('after expiry: events answer 422, item updates and export-item reads answer 422, and a new job may be created', async () => {
    const { sandbox, jobId, companyId, items, server, call } = await setup(2);
    try {
      sandbox.clock.advance(2 * HOUR);
      const event = await call('POST', '/v3/export-job-events', { event: 'started', jobId });
      expect(event.status).toBe(422);
      expect(event.body.type).toBe('INVALID_EXPORT_JOB_STATUS_CHANGE');
      const update = await call('PUT', `/v3/export-jobs/${jobId}/items`, [
        { accountingEntryId: items[0]!.accountingEntryId, status: 'successful' },
      ]);
      expect(update.status).toBe(422);
      expect(update.body.type).toBe('EXPORT_JOB_STATUS_UNPROCESSABLE');
      expect((await call('GET', `/v3/export-items?job_id=${jobId}`)).status).toBe(422);
      const again = await call('POST', '/v3/export-jobs', {
        accountingEntryIds: items.map((item) => item.accountingEntryId),
        companyId,
      });
      expect(again.status).toBe(201);
    } finally {
      await server.close();
    }
  });

  it('an injected now() function drives expiry too', () => {
    let now = START.getTime();
    const sandbox = createPleoSandbox({ now: () => new Date(now) });
    const { jobId } = sandbox.seedCompany({ itemCount: 1 });
    now += HOUR;
    expect(sandbox.getJob(jobId).failureReasonType).toBe('job_expired');
  });
});
