import type { ExportJobEventType, ExportJobStatus } from '@ledgerport/pleo';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPleoSandbox, type PleoSandbox } from '../src/index';
import { apiCaller, basicAuth } from './helpers/http-client';

const EVENTS: ExportJobEventType[] = ['started', 'failed', 'completed', 'completed_with_errors'];
/** Events that bring a fresh pending job to each status. */
const PATH_TO: Record<ExportJobStatus, ExportJobEventType[]> = {
  pending: [],
  in_progress: ['started'],
  completed: ['started', 'completed'],
  completed_with_errors: ['started', 'completed_with_errors'],
  failed: ['started', 'failed'],
};
const LEGAL: Record<ExportJobStatus, Partial<Record<ExportJobEventType, ExportJobStatus>>> = {
  pending: { started: 'in_progress', failed: 'failed' },
  in_progress: { completed: 'completed', completed_with_errors: 'completed_with_errors', failed: 'failed' },
  completed: {},
  completed_with_errors: {},
  failed: {},
};

let sandbox: PleoSandbox;
let close: () => Promise<void>;

beforeAll(async () => {
  sandbox = createPleoSandbox();
  ({ close } = await sandbox.listen());
});
afterAll(() => close());

describe('export job state machine (POST /v3/export-job-events)', () => {
  const cases = (Object.keys(PATH_TO) as ExportJobStatus[]).flatMap((from) =>
    EVENTS.map((event) => ({ from, event, to: LEGAL[from][event] })),
  );

  it.each(cases)('$from + $event → $to', async ({ from, event, to }) => {
    const { apiKey, jobId } = sandbox.seedCompany({ itemCount: 3 });
    const call = apiCaller(sandbox.baseUrl, basicAuth(apiKey));
    for (const step of PATH_TO[from]) {
      expect((await call('POST', '/v3/export-job-events', { event: step, jobId })).status).toBe(202);
    }
    const before = sandbox.getJob(jobId);
    expect(before.status).toBe(from);

    const response = await call('POST', '/v3/export-job-events', { event, jobId });
    const after = (await call('GET', `/v3/export-jobs/${jobId}`)).body.data;
    if (to === undefined) {
      expect(response.status).toBe(422);
      expect(response.body).toEqual({
        type: 'INVALID_EXPORT_JOB_STATUS_CHANGE',
        message: 'Export Job status change failed',
      });
      expect(after.status).toBe(from);
      expect(sandbox.getEvents(jobId)).toHaveLength(PATH_TO[from].length);
    } else {
      expect(response.status).toBe(202);
      expect(response.body).toBeUndefined();
      expect(after.status).toBe(to);
      expect(sandbox.getEvents(jobId).map((e) => e.event)).toEqual([...PATH_TO[from], event]);
    }
  });

  it('started sets startedAt; a final event sets completedAt; each accepted event bumps lastUpdatedAt', async () => {
    const manual = createPleoSandbox({ manualClock: true, now: () => new Date('2025-03-01T10:00:00Z') });
    const { apiKey, jobId } = manual.seedCompany({ itemCount: 1 });
    expect(manual.getJob(jobId)).toMatchObject({
      status: 'pending',
      startedAt: null,
      completedAt: null,
      createdAt: '2025-03-01T10:00:00Z',
      lastUpdatedAt: '2025-03-01T10:00:00Z',
      expiresIn: 3600,
    });
    const server = await manual.listen();
    try {
      const call = apiCaller(server.url, basicAuth(apiKey));
      manual.clock.advance(60_000);
      expect((await call('POST', '/v3/export-job-events', { event: 'started', jobId })).status).toBe(202);
      expect(manual.getJob(jobId)).toMatchObject({
        status: 'in_progress',
        startedAt: '2025-03-01T10:01:00Z',
        lastUpdatedAt: '2025-03-01T10:01:00Z',
      });
      manual.clock.advance(60_000);
      expect((await call('POST', '/v3/export-job-events', { event: 'started', jobId })).status).toBe(422);
      expect(manual.getJob(jobId).lastUpdatedAt).toBe('2025-03-01T10:01:00Z');
      expect((await call('POST', '/v3/export-job-events', { event: 'completed', jobId })).status).toBe(202);
      expect(manual.getJob(jobId)).toMatchObject({
        status: 'completed',
        startedAt: '2025-03-01T10:01:00Z',
        completedAt: '2025-03-01T10:02:00Z',
        lastUpdatedAt: '2025-03-01T10:02:00Z',
      });
    } finally {
      await server.close();
    }
  });

  it('failed with a reason records failureReason and failureReasonType and abandons unfinished items', async () => {
    const { apiKey, jobId, items } = sandbox.seedCompany({ itemCount: 4 });
    const call = apiCaller(sandbox.baseUrl, basicAuth(apiKey));
    await call('POST', '/v3/export-job-events', { event: 'started', jobId });
    const first = items[0]!.accountingEntryId;
    const second = items[1]!.accountingEntryId;
    await call('PUT', `/v3/export-jobs/${jobId}/items`, [
      {
        accountingEntryId: first,
        status: 'successful',
        externalId: 'V-1',
        exportedAt: '2025-01-01T00:00:00Z',
      },
      { accountingEntryId: second, status: 'in_progress' },
    ]);
    const failed = await call('POST', '/v3/export-job-events', {
      event: 'failed',
      jobId,
      failureReason: 'Failed to reach the Accounting System.',
      failureReasonType: 'accounting_system_unreachable',
    });
    expect(failed.status).toBe(202);
    const job = (await call('GET', `/v3/export-jobs/${jobId}`)).body.data;
    expect(job).toMatchObject({
      status: 'failed',
      failureReason: 'Failed to reach the Accounting System.',
      failureReasonType: 'accounting_system_unreachable',
    });
    expect(job.completedAt).toEqual(expect.any(String));
    expect(sandbox.getJobItems(jobId).map((item) => item.status)).toEqual([
      'successful',
      'abandoned',
      'abandoned',
      'abandoned',
    ]);
  });
});
