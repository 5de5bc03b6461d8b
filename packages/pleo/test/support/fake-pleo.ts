/**
 * A small stateful fake of the Export API v3 as msw handlers, answering with the spec's status
 * codes and `ExceptionInfo` bodies (404 EXPORT_NOT_FOUND, 409 EXPORT_ALREADY_IN_PROGRESS, 413
 * EXPORT_JOB_ITEMS_UPDATE_LIMIT, 422 INVALID_EXPORT_JOB_STATUS_CHANGE / EXPORT_JOB_STATUS_UNPROCESSABLE,
 * 401 without valid credentials) and cursor pagination (`after=<endCursor>` while `hasNextPage`).
 * The full-fidelity sandbox lives in @ledgerport/pleo-sandbox; this fake only serves the client tests.
 */
import { randomUUID } from 'node:crypto';
import { HttpResponse, http } from 'msw';
import type { ExportItemV3, ExportJobItemV3, ExportJobV3 } from '../../src/index';

export const BASE_URL = 'https://pleo.test';
export const API_KEY = 'lp_test_api_key_5e1f0c';
export const TOKEN = 'eyJ.test-bearer-token.sig';
export const FORBIDDEN_TOKEN = 'eyJ.forbidden-token.sig';

const json = (body: unknown, status = 200) =>
  HttpResponse.json(body as Record<string, unknown>, {
    status,
    headers: { 'content-type': 'application/json;charset=UTF-8' },
  });

const exception = (status: number, type: string, message: string) => json({ type, message }, status);

/** A request the fake received (method, path, query and parsed body), for assertions. */
export interface RecordedRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  authorization: string | null;
  body: unknown;
}

/** Base32-alphabet cursor (`^[A-Z2-7=~]+$`, as the spec's pattern) encoding an offset. */
const encodeCursor = (offset: number) =>
  `OFS${String(offset).replace(/\d/g, (d) => 'ABCDEFGHIJ'[Number(d)] ?? 'A')}`;
const decodeCursor = (cursor: string | null) =>
  cursor ? Number(cursor.slice(3).replace(/[A-J]/g, (c) => String(c.charCodeAt(0) - 65))) : 0;

function page<T>(all: T[], url: URL, defaultLimit: number) {
  const limit = Number(url.searchParams.get('limit') ?? defaultLimit);
  const offset = decodeCursor(url.searchParams.get('after'));
  const data = all.slice(offset, offset + limit);
  const hasNextPage = offset + limit < all.length;
  const parameters: Record<string, string[]> = {};
  for (const key of new Set(url.searchParams.keys())) parameters[key] = url.searchParams.getAll(key);
  return {
    data,
    pagination: {
      currentRequestPagination: {
        parameters,
        limit,
        ...(url.searchParams.get('after') ? { after: url.searchParams.get('after') } : {}),
      },
      hasNextPage,
      hasPreviousPage: offset > 0,
      startCursor: encodeCursor(offset),
      ...(hasNextPage ? { endCursor: encodeCursor(offset + limit) } : {}),
      total: all.length,
    },
  };
}

const FINISHED = new Set(['completed', 'completed_with_errors', 'failed']);
const TRANSITIONS: Record<string, Record<string, string>> = {
  pending: { started: 'in_progress', failed: 'failed' },
  in_progress: { completed: 'completed', completed_with_errors: 'completed_with_errors', failed: 'failed' },
};

/** Creates an empty fake; seed `jobs`, `jobItems` and `exportItems` directly. */
export function createFakePleo(options: { defaultPageSize?: number } = {}) {
  const defaultPageSize = options.defaultPageSize ?? 2;
  const jobs: ExportJobV3[] = [];
  const jobItems = new Map<string, ExportJobItemV3[]>();
  /** Raw export items per job id (raw so tests can seed invalid ones). */
  const exportItems = new Map<string, unknown[]>();
  const requests: RecordedRequest[] = [];

  async function record(request: Request): Promise<RecordedRequest> {
    const url = new URL(request.url);
    const text = request.method === 'GET' ? '' : await request.clone().text();
    const entry = {
      method: request.method,
      path: url.pathname,
      query: url.searchParams,
      authorization: request.headers.get('authorization'),
      body: text ? JSON.parse(text) : undefined,
    };
    requests.push(entry);
    return entry;
  }

  function authError(authorization: string | null) {
    const basic = `Basic ${Buffer.from(`${API_KEY}:`).toString('base64')}`;
    if (authorization === basic || authorization === `Bearer ${TOKEN}`) return undefined;
    if (authorization === `Bearer ${FORBIDDEN_TOKEN}`)
      return exception(403, 'FORBIDDEN', 'Missing scope export-jobs:read');
    return exception(401, 'UNAUTHORIZED', 'Full authentication is required to access this resource');
  }

  const findJob = (id: string | readonly string[] | undefined) => jobs.find((job) => job.id === id);

  const handlers = [
    http.all(`${BASE_URL}/*`, async ({ request }) => {
      const { authorization } = await record(request);
      return authError(authorization);
    }),

    http.get(`${BASE_URL}/v3/export-jobs`, ({ request }) => {
      const url = new URL(request.url);
      const companyId = url.searchParams.get('company_id');
      const statuses = url.searchParams.getAll('statuses');
      const matching = jobs.filter(
        (job) =>
          (!companyId || job.companyId === companyId) &&
          (statuses.length === 0 || statuses.includes(job.status)),
      );
      return json(page(matching, url, defaultPageSize));
    }),

    http.post(`${BASE_URL}/v3/export-jobs`, async ({ request }) => {
      const body = (await request.json()) as {
        companyId: string;
        accountingEntryIds: string[];
        isInteractive?: boolean;
      };
      if (jobs.some((job) => job.companyId === body.companyId && !FINISHED.has(job.status))) {
        return exception(
          409,
          'EXPORT_ALREADY_IN_PROGRESS',
          'Export Job already in progress for this company.',
        );
      }
      const job: ExportJobV3 = {
        id: randomUUID(),
        companyId: body.companyId,
        status: 'pending',
        createdAt: new Date().toISOString(),
        expiresIn: 3600,
        numberOfItems: body.accountingEntryIds.length,
        isInteractive: body.isInteractive ?? true,
        vendorBasedBookkeeping: false,
        lastUpdatedAt: new Date().toISOString(),
      };
      jobs.push(job);
      jobItems.set(
        job.id,
        body.accountingEntryIds.map((accountingEntryId) => ({
          accountingEntryId,
          exportJobId: job.id,
          status: 'pending',
        })),
      );
      return json({ data: job }, 201);
    }),

    http.get(`${BASE_URL}/v3/export-jobs/:jobId`, ({ params }) => {
      const job = findJob(params.jobId);
      return job ? json({ data: job }) : exception(404, 'EXPORT_NOT_FOUND', 'Export job not found.');
    }),

    http.post(`${BASE_URL}/v3/export-job-events`, async ({ request }) => {
      const body = (await request.json()) as {
        jobId: string;
        event: string;
        failureReasonType?: string;
        failureReason?: string;
      };
      const job = findJob(body.jobId);
      if (!job) return exception(404, 'EXPORT_NOT_FOUND', 'Export job not found.');
      const next = TRANSITIONS[job.status]?.[body.event];
      if (!next) return exception(422, 'INVALID_EXPORT_JOB_STATUS_CHANGE', 'Export Job status change failed');
      job.status = next as ExportJobV3['status'];
      if (body.failureReasonType)
        job.failureReasonType = body.failureReasonType as ExportJobV3['failureReasonType'];
      if (body.failureReason) job.failureReason = body.failureReason;
      return new HttpResponse(null, { status: 202 });
    }),

    http.get(`${BASE_URL}/v3/export-jobs/:jobId/items`, ({ request, params }) => {
      const job = findJob(params.jobId);
      if (!job) return exception(404, 'EXPORT_NOT_FOUND', 'Export job not found.');
      const url = new URL(request.url);
      const status = url.searchParams.get('status');
      const items = (jobItems.get(job.id) ?? []).filter((item) => !status || item.status === status);
      return json(page(items, url, defaultPageSize));
    }),

    http.put(`${BASE_URL}/v3/export-jobs/:jobId/items`, async ({ request, params }) => {
      const job = findJob(params.jobId);
      if (!job) return exception(404, 'EXPORT_NOT_FOUND', 'Export job not found.');
      const updates = (await request.json()) as {
        accountingEntryId: string;
        status: ExportJobItemV3['status'];
      }[];
      if (updates.length > 100) {
        return exception(413, 'EXPORT_JOB_ITEMS_UPDATE_LIMIT', 'Number of items to update is more than 100.');
      }
      if (FINISHED.has(job.status))
        return exception(422, 'EXPORT_JOB_STATUS_UNPROCESSABLE', 'Export job is finished.');
      const items = jobItems.get(job.id) ?? [];
      const data: ExportJobItemV3[] = [];
      const errors: { accountingEntryId: string; message: string; type: string }[] = [];
      for (const update of updates) {
        const item = items.find((candidate) => candidate.accountingEntryId === update.accountingEntryId);
        if (!item) {
          errors.push({
            accountingEntryId: update.accountingEntryId,
            message: 'Accounting entry does not exist',
            type: 'ACCOUNTING_ENTRY_DOES_NOT_EXIST',
          });
          continue;
        }
        Object.assign(item, update);
        data.push({ ...item });
      }
      return json({ data, errors });
    }),

    http.get(`${BASE_URL}/v3/export-items`, ({ request }) => {
      const url = new URL(request.url);
      const job = findJob(url.searchParams.get('job_id') ?? undefined);
      if (!job) return exception(404, 'EXPORT_NOT_FOUND', 'Export job not found.');
      if (FINISHED.has(job.status)) {
        return exception(
          422,
          'EXPORT_JOB_STATUS_UNPROCESSABLE',
          'Export Job is finished and can no longer be processed.',
        );
      }
      return json(page(exportItems.get(job.id) ?? [], url, defaultPageSize));
    }),
  ];

  return {
    handlers,
    jobs,
    jobItems,
    exportItems,
    requests,
    /** Adds a job with `count` pending items and the same number of valid export items. */
    seedJob(overrides: Partial<ExportJobV3> = {}, count = 0, makeItem?: () => ExportItemV3) {
      const job: ExportJobV3 = {
        id: randomUUID(),
        companyId: overrides.companyId ?? '6b0f5a8e-2f1c-4c1e-9a57-0f4b1f3c9d21',
        status: 'pending',
        createdAt: '2026-11-23T09:00:00Z',
        expiresIn: 3600,
        numberOfItems: count,
        isInteractive: true,
        vendorBasedBookkeeping: false,
        ...overrides,
      };
      jobs.push(job);
      const items = Array.from({ length: count }, () => makeItem?.());
      jobItems.set(
        job.id,
        items.map((item) => ({
          accountingEntryId: item?.accountingEntryId ?? randomUUID(),
          exportJobId: job.id,
          status: 'pending',
        })),
      );
      exportItems.set(
        job.id,
        items.filter((item) => item !== undefined),
      );
      return job;
    },
  };
}

export type FakePleo = ReturnType<typeof createFakePleo>;
