import { HttpResponse, http } from 'msw';
import { describe, expect, it } from 'vitest';
import { exportJobV3Schema, isPleoErrorType, PleoApiError, PleoInputError } from '../../src/index';
import { BASE_URL } from '../support/fake-pleo';
import { COMPANY_ID, makeJob, OTHER_COMPANY_ID } from '../support/fixtures';
import { collect, server, useFakePleo } from '../support/msw-server';

const { fake, client } = useFakePleo({ defaultPageSize: 2 });

describe('listJobs / listJobPages', () => {
  it('follows endCursor across pages until hasNextPage is false', async () => {
    const seeded = Array.from({ length: 7 }, (_, index) => makeJob({ numberOfItems: index }));
    fake().jobs.push(...seeded);

    const pages = await collect(client().listJobPages());

    expect(pages.map((page) => page.items.length)).toEqual([2, 2, 2, 1]);
    expect(pages.flatMap((page) => page.items.map((job) => job.id))).toEqual(seeded.map((job) => job.id));
    const afters = fake().requests.map((request) => request.query.get('after'));
    expect(afters[0]).toBeNull();
    expect(afters.slice(1)).toEqual(pages.slice(0, -1).map((page) => page.pageInfo.endCursor));
  });

  it('fetches lazily: breaking after the first job requests one page only', async () => {
    fake().jobs.push(...Array.from({ length: 6 }, () => makeJob()));
    for await (const _job of client().listJobs()) break;
    expect(fake().requests).toHaveLength(1);
  });

  it('sends statuses as repeated query parameters and company_id from the client default', async () => {
    fake().jobs.push(
      makeJob({ status: 'pending' }),
      makeJob({ status: 'in_progress' }),
      makeJob({ status: 'completed' }),
      makeJob({ status: 'pending', companyId: OTHER_COMPANY_ID }),
    );

    const jobs = await collect(
      client({ companyId: COMPANY_ID }).listJobs({ statuses: ['pending', 'in_progress'], limit: 10 }),
    );

    expect(jobs.map((job) => job.status).sort()).toEqual(['in_progress', 'pending']);
    const [request] = fake().requests;
    expect(request?.query.getAll('statuses')).toEqual(['pending', 'in_progress']);
    expect(request?.query.get('company_id')).toBe(COMPANY_ID);
    expect(request?.query.get('limit')).toBe('10');
  });

  it('lets the call override the default company_id', async () => {
    fake().jobs.push(makeJob(), makeJob({ companyId: OTHER_COMPANY_ID }));
    const jobs = await collect(client({ companyId: COMPANY_ID }).listJobs({ companyId: OTHER_COMPANY_ID }));
    expect(jobs.map((job) => job.companyId)).toEqual([OTHER_COMPANY_ID]);
  });

  it('stops with a PleoApiError when the server says hasNextPage but gives no new endCursor', async () => {
    server.use(
      http.get(`${BASE_URL}/v3/export-jobs`, () =>
        HttpResponse.json({
          data: [makeJob()],
          pagination: {
            currentRequestPagination: { parameters: {} },
            hasNextPage: true,
            hasPreviousPage: false,
          },
        }),
      ),
    );
    const seen: string[] = [];
    const error = await (async () => {
      for await (const job of client().listJobs()) seen.push(job.id);
    })().catch((e: unknown) => e);
    expect(seen).toHaveLength(1);
    expect(PleoApiError.isInstance(error)).toBe(true);
    expect((error as Error).message).toMatch(/hasNextPage without a new endCursor/);
  });

  it('omits company_id when neither the client nor the call sets it', async () => {
    await collect(client().listJobs());
    expect(fake().requests[0]?.query.has('company_id')).toBe(false);
  });

  it('rejects an unknown status when called, before sending anything', () => {
    const list = () => client().listJobs({ statuses: ['done' as never] });
    expect(list).toThrow(PleoInputError);
    expect(list).toThrow(/statuses\[0\] must be one of pending, in_progress/);
    expect(fake().requests).toHaveLength(0);
  });
});

describe('getJob', () => {
  it('returns the job parsed as ExportJobV3', async () => {
    const job = makeJob({ status: 'in_progress', startedAt: '2026-11-23T09:01:00Z' });
    fake().jobs.push(job);
    await expect(client().getJob(job.id)).resolves.toEqual(exportJobV3Schema.parse(job));
  });

  it('maps 404 EXPORT_NOT_FOUND to a PleoApiError matched case-insensitively', async () => {
    const error = await client()
      .getJob('7d1e4b8a-0c2f-4e6d-9a1b-3c5d7e9f1a2b')
      .catch((e: unknown) => e);
    expect(PleoApiError.isInstance(error)).toBe(true);
    expect(isPleoErrorType(error, 'export_not_found')).toBe(true);
    expect(isPleoErrorType(error, 'EXPORT_NOT_FOUND')).toBe(true);
    expect(error).toMatchObject({
      status: 404,
      type: 'EXPORT_NOT_FOUND',
      retryable: false,
      failureReasonType: undefined,
    });
    expect((error as Error).message).toContain('Export job not found.');
    expect(fake().requests).toHaveLength(1);
  });

  it('rejects a job id that is not a UUID, naming the field', async () => {
    await expect(client().getJob('../admin')).rejects.toThrow(/jobId must be a Pleo UUID/);
    expect(fake().requests).toHaveLength(0);
  });
});

describe('createJob', () => {
  const body = { companyId: COMPANY_ID, accountingEntryIds: ['1b9d6bcd-bbfd-4b2d-9b5d-ab8dfbbd4bed'] };

  it('POSTs the body and returns the created job (201)', async () => {
    const job = await client().createJob({
      ...body,
      isInteractive: false,
      options: { vendorBasedBookkeeping: true },
    });
    expect(job).toMatchObject({
      companyId: COMPANY_ID,
      status: 'pending',
      numberOfItems: 1,
      isInteractive: false,
    });
    const request = fake().requests[0];
    expect(request).toMatchObject({ method: 'POST', path: '/v3/export-jobs' });
    expect(request?.body).toEqual({
      ...body,
      isInteractive: false,
      options: { vendorBasedBookkeeping: true },
    });
  });

  it('maps 409 EXPORT_ALREADY_IN_PROGRESS', async () => {
    fake().jobs.push(makeJob({ status: 'in_progress' }));
    const error = await client()
      .createJob(body)
      .catch((e: unknown) => e);
    expect(isPleoErrorType(error, 'export_already_in_progress')).toBe(true);
    expect(error).toMatchObject({ status: 409, retryable: false });
  });

  it('validates the body and names the bad field', async () => {
    const bad = { companyId: 'acme', accountingEntryIds: [] };
    await expect(client().createJob(bad)).rejects.toThrow(/body\.companyId/);
    expect(fake().requests).toHaveLength(0);
  });
});

describe('createJobEvent', () => {
  it('answers 202 and moves the job through its lifecycle', async () => {
    const job = makeJob();
    fake().jobs.push(job);
    await expect(client().createJobEvent({ jobId: job.id, event: 'started' })).resolves.toBeUndefined();
    await client().createJobEvent({
      jobId: job.id,
      event: 'failed',
      failureReasonType: 'accounting_system_unreachable',
      failureReason: 'Failed to reach the Accounting System.',
    });
    await expect(client().getJob(job.id)).resolves.toMatchObject({
      status: 'failed',
      failureReasonType: 'accounting_system_unreachable',
      failureReason: 'Failed to reach the Accounting System.',
    });
    expect(fake().requests[1]?.body).toEqual({
      jobId: job.id,
      event: 'failed',
      failureReasonType: 'accounting_system_unreachable',
      failureReason: 'Failed to reach the Accounting System.',
    });
  });

  it('maps 422 INVALID_EXPORT_JOB_STATUS_CHANGE', async () => {
    const job = makeJob({ status: 'completed' });
    fake().jobs.push(job);
    const error = await client()
      .createJobEvent({ jobId: job.id, event: 'started' })
      .catch((e: unknown) => e);
    expect(isPleoErrorType(error, 'invalid_export_job_status_change')).toBe(true);
    expect(error).toMatchObject({ status: 422, pleoMessage: 'Export Job status change failed' });
  });

  it('rejects an unknown event name before sending', async () => {
    await expect(
      client().createJobEvent({ jobId: '1b9d6bcd-bbfd-4b2d-9b5d-ab8dfbbd4bed', event: 'canceled' as never }),
    ).rejects.toThrow(/body\.event/);
  });
});
