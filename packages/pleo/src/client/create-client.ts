/**
 * `createPleoClient`: the typed Export API v3 client (operations of `export-openapi.yml`:
 * `getExportJobsListV3`, `getExportJobByIdV3`, `createExportJobV3`, `createExportJobEventV3`,
 * `getExportJobItemsV3`, `updateExportJobItemsV3`, `getExportItemsV3`).
 */
import type { z } from 'zod';
import { PleoApiError } from '../errors/pleo-api-error';
import { PleoInputError } from '../errors/pleo-input-error';
import { assertValidAuth } from '../http/auth';
import { createTransport } from '../http/transport';
import type { ExportJobItemStatus, ExportJobStatus } from '../schemas/enums';
import { exportJobItemStatusSchema, exportJobStatusSchema } from '../schemas/enums';
import type { CreateExportJobEvent, ExportJobV3 } from '../schemas/export-job';
import {
  type CreateExportJob,
  createExportJobEventSchema,
  createExportJobSchema,
  exportJobV3Schema,
} from '../schemas/export-job';
import {
  type ExportJobItemUpdateErrorV3,
  type ExportJobItemV3,
  exportJobItemUpdateV3Schema,
  exportJobItemV3Schema,
  type UpdateExportJobItemV3,
  updateExportJobItemV3Schema,
} from '../schemas/export-job-item';
import {
  cursorPaginatedResponseSchema,
  cursorPaginatedUnknownResponseSchema,
  dataResponseSchema,
} from '../schemas/pagination';
import { pleoIdSchema } from '../schemas/scalars';
import { formatIssues, summarizeIssues } from '../validation/format-issues';
import { type ExportItemEnvelope, toExportItemEnvelope } from './export-item-envelope';
import { PLEO_BASE_URLS, type PleoClientOptions } from './options';
import { flattenPages, type PleoPage, paginate } from './pages';

const jobPageSchema = cursorPaginatedResponseSchema(exportJobV3Schema);
const jobItemPageSchema = cursorPaginatedResponseSchema(exportJobItemV3Schema);
const jobResponseSchema = dataResponseSchema(exportJobV3Schema);

/**
 * Largest number of entries one `PUT /v3/export-jobs/{jobId}/items` accepts; more gives 413
 * `EXPORT_JOB_ITEMS_UPDATE_LIMIT` (pleo-export-api.md §2.1, §3.2). {@link PleoClient.updateJobItems}
 * splits larger arrays into requests of this size.
 */
export const PLEO_MAX_ITEMS_PER_UPDATE = 100;

/**
 * Query of `GET /v3/export-jobs` (`getExportJobsListV3`, pleo-export-api.md §2.1). Invalid values
 * make the call throw {@link PleoInputError} naming the field, before any request.
 */
export interface ListJobsParams {
  /** `company_id` (a Pleo UUID); defaults to the client's `companyId`. */
  companyId?: string;
  /** `ExportJobStatus` values, sent as repeated `statuses=a&statuses=b`. */
  statuses?: ExportJobStatus[];
  /** Page size (`limit`, a positive integer count of jobs); the server's default when absent. */
  limit?: number;
}

/**
 * Query of `GET /v3/export-jobs/{jobId}/items` (`getExportJobItemsV3`, pleo-export-api.md §2.1).
 * Invalid values make the call throw {@link PleoInputError} naming the field.
 */
export interface ListJobItemsParams {
  /** Only items in this `ExportJobItemStatus` (`status` query parameter). */
  status?: ExportJobItemStatus;
  /** Page size (`limit`, a positive integer count of items); the server's default when absent. */
  limit?: number;
}

/**
 * Query of `GET /v3/export-items` (`getExportItemsV3`, pleo-export-api.md §2.1, §4). Invalid values
 * make the call throw {@link PleoInputError} naming the field.
 */
export interface ListExportItemsParams {
  /** `job_id`: the export job (a Pleo UUID) whose accounting entries to read. Required. */
  jobId: string;
  /** Page size (`limit`, a positive integer count of items); the server's default when absent. */
  limit?: number;
}

/**
 * Merged result of {@link PleoClient.updateJobItems}: all chunks' `data` and `errors` in request
 * order (shape of the spec's `ExportJobItemUpdateV3`, pleo-export-api.md §3.2).
 */
export interface UpdateJobItemsResult {
  /** The updated `ExportJobItemV3`s the server returned. */
  data: ExportJobItemV3[];
  /** Per-entry refusals (`ACCOUNTING_ENTRY_DOES_NOT_EXIST`, …) that came with a 200: inspect them. */
  errors: ExportJobItemUpdateErrorV3[];
}

/**
 * The Export API v3 client. Every method throws {@link PleoApiError} for API/network failures
 * (after retrying 429/5xx/network errors within the budget) and {@link PleoInputError} for invalid
 * arguments (before any request).
 */
export interface PleoClient {
  /** `GET /v3/export-jobs`: all jobs matching the filters, streamed page by page. */
  listJobs(params?: ListJobsParams): AsyncIterable<ExportJobV3>;
  /** `GET /v3/export-jobs`, one page per iteration step. */
  listJobPages(params?: ListJobsParams): AsyncIterable<PleoPage<ExportJobV3>>;
  /** `GET /v3/export-jobs/{jobId}`; 404 `EXPORT_NOT_FOUND` for an unknown job. */
  getJob(jobId: string): Promise<ExportJobV3>;
  /** `POST /v3/export-jobs` (201); 409 `EXPORT_ALREADY_IN_PROGRESS`, 400 `MISSING_CONTRA_ACCOUNTS`. */
  createJob(body: CreateExportJob): Promise<ExportJobV3>;
  /** `POST /v3/export-job-events` (202); 422 `INVALID_EXPORT_JOB_STATUS_CHANGE` for an illegal transition. */
  createJobEvent(body: CreateExportJobEvent): Promise<void>;
  /** `GET /v3/export-jobs/{jobId}/items`: the job's items, streamed page by page. */
  listJobItems(jobId: string, params?: ListJobItemsParams): AsyncIterable<ExportJobItemV3>;
  /** `GET /v3/export-jobs/{jobId}/items`, one page per iteration step. */
  listJobItemPages(jobId: string, params?: ListJobItemsParams): AsyncIterable<PleoPage<ExportJobItemV3>>;
  /**
   * `PUT /v3/export-jobs/{jobId}/items`, split into sequential requests of at most 100 entries.
   * Returns every chunk's `data` and per-entry `errors` merged in order (a 200 can still carry
   * errors such as `ACCOUNTING_ENTRY_DOES_NOT_EXIST`: inspect them). If a chunk fails (e.g. 422
   * `EXPORT_JOB_STATUS_UNPROCESSABLE`), the earlier chunks have already been applied.
   */
  updateJobItems(jobId: string, updates: UpdateExportJobItemV3[]): Promise<UpdateJobItemsResult>;
  /** `GET /v3/export-items?job_id=`: each item validated separately; invalid ones come back as `{ valid: false }`. */
  listExportItems(params: ListExportItemsParams): AsyncIterable<ExportItemEnvelope>;
  /** `GET /v3/export-items?job_id=`, one page per iteration step. */
  listExportItemPages(params: ListExportItemsParams): AsyncIterable<PleoPage<ExportItemEnvelope>>;
}

/**
 * Creates a {@link PleoClient}. Throws {@link PleoInputError} when the options are unusable
 * (missing credential, bad base URL, negative retry numbers).
 *
 * @example
 * const pleo = createPleoClient({ environment: 'staging', auth: { type: 'apiKey', apiKey: process.env.PLEO_API_KEY! } });
 * for await (const job of pleo.listJobs({ statuses: ['pending', 'in_progress'] })) console.log(job.id);
 */
export function createPleoClient(options: PleoClientOptions): PleoClient {
  assertValidAuth(options?.auth);
  const baseUrl = resolveBaseUrl(options);
  const defaultCompanyId = options.companyId === undefined ? undefined : id(options.companyId, 'companyId');
  const transport = createTransport({
    baseUrl,
    auth: options.auth,
    retry: options.retry,
    timeoutMs: options.timeoutMs,
    fetch: options.fetch,
  });

  function listJobPages(params: ListJobsParams = {}): AsyncIterable<PleoPage<ExportJobV3>> {
    const companyId = params.companyId === undefined ? defaultCompanyId : id(params.companyId, 'companyId');
    const statuses = params.statuses?.map((status, index) =>
      enumValue(exportJobStatusSchema, status, `statuses[${index}]`),
    );
    const limit = pageLimit(params.limit);
    const path = '/v3/export-jobs';
    return paginate('GET /v3/export-jobs', async (after) => {
      const response = await transport.request({
        method: 'GET',
        path,
        query: { company_id: companyId, statuses, limit, after },
      });
      const page = parseBody(jobPageSchema, response.data, `GET ${path}`, 'a page of ExportJobV3');
      return { items: page.data, pageInfo: page.pagination };
    });
  }

  function listJobItemPages(
    jobId: string,
    params: ListJobItemsParams = {},
  ): AsyncIterable<PleoPage<ExportJobItemV3>> {
    const path = `/v3/export-jobs/${encodeURIComponent(id(jobId, 'jobId'))}/items`;
    const status =
      params.status === undefined ? undefined : enumValue(exportJobItemStatusSchema, params.status, 'status');
    const limit = pageLimit(params.limit);
    return paginate(`GET ${path}`, async (after) => {
      const response = await transport.request({ method: 'GET', path, query: { status, limit, after } });
      const page = parseBody(jobItemPageSchema, response.data, `GET ${path}`, 'a page of ExportJobItemV3');
      return { items: page.data, pageInfo: page.pagination };
    });
  }

  function listExportItemPages(params: ListExportItemsParams): AsyncIterable<PleoPage<ExportItemEnvelope>> {
    const jobId = id(params?.jobId, 'jobId');
    const limit = pageLimit(params.limit);
    const path = '/v3/export-items';
    return paginate(`GET ${path}`, async (after) => {
      const response = await transport.request({
        method: 'GET',
        path,
        query: { job_id: jobId, limit, after },
      });
      const page = parseBody(
        cursorPaginatedUnknownResponseSchema,
        response.data,
        `GET ${path}`,
        'a page of ExportItemV3',
      );
      return { items: page.data.map(toExportItemEnvelope), pageInfo: page.pagination };
    });
  }

  return {
    listJobPages,
    listJobs: (params) => flattenPages(listJobPages(params)),

    async getJob(jobId) {
      const path = `/v3/export-jobs/${encodeURIComponent(id(jobId, 'jobId'))}`;
      const response = await transport.request({ method: 'GET', path });
      return parseBody(jobResponseSchema, response.data, `GET ${path}`, 'ExportJobV3').data;
    },

    async createJob(body) {
      const valid = parseInput(createExportJobSchema, body, 'body');
      const path = '/v3/export-jobs';
      const response = await transport.request({ method: 'POST', path, body: valid });
      return parseBody(jobResponseSchema, response.data, `POST ${path}`, 'ExportJobV3').data;
    },

    async createJobEvent(body) {
      const valid = parseInput(createExportJobEventSchema, body, 'body');
      await transport.request({ method: 'POST', path: '/v3/export-job-events', body: valid });
    },

    listJobItemPages,
    listJobItems: (jobId, params) => flattenPages(listJobItemPages(jobId, params)),

    async updateJobItems(jobId, updates) {
      const path = `/v3/export-jobs/${encodeURIComponent(id(jobId, 'jobId'))}/items`;
      if (!Array.isArray(updates)) {
        throw new PleoInputError('updates must be an array of UpdateExportJobItemV3.', [
          { path: 'updates', message: 'expected an array' },
        ]);
      }
      const valid = updates.map((update, index) =>
        parseInput(updateExportJobItemV3Schema, update, `updates[${index}]`),
      );
      const merged: UpdateJobItemsResult = { data: [], errors: [] };
      for (let start = 0; start < valid.length; start += PLEO_MAX_ITEMS_PER_UPDATE) {
        const chunk = valid.slice(start, start + PLEO_MAX_ITEMS_PER_UPDATE);
        const response = await transport.request({ method: 'PUT', path, body: chunk });
        const result = parseBody(
          exportJobItemUpdateV3Schema,
          response.data,
          `PUT ${path}`,
          'ExportJobItemUpdateV3',
        );
        merged.data.push(...result.data);
        merged.errors.push(...result.errors);
      }
      return merged;
    },

    listExportItemPages,
    listExportItems: (params) => flattenPages(listExportItemPages(params)),
  };
}

function resolveBaseUrl(options: PleoClientOptions): string {
  if (options.baseUrl !== undefined) {
    let url: URL;
    try {
      url = new URL(options.baseUrl);
    } catch {
      throw new PleoInputError(
        `baseUrl must be an absolute http(s) URL such as ${PLEO_BASE_URLS.production} or http://127.0.0.1:4010.`,
        [{ path: 'baseUrl', message: 'not a URL' }],
      );
    }
    if (url.protocol !== 'http:' && url.protocol !== 'https:') {
      throw new PleoInputError(`baseUrl must use http or https, got ${url.protocol}`, [
        { path: 'baseUrl', message: 'unsupported protocol' },
      ]);
    }
    return options.baseUrl.replace(/\/+$/, '');
  }
  const environment = options.environment ?? 'production';
  const base = PLEO_BASE_URLS[environment];
  if (!base) {
    throw new PleoInputError("environment must be 'production' or 'staging' (or pass baseUrl).", [
      { path: 'environment', message: 'unknown environment' },
    ]);
  }
  return base;
}

function id(value: unknown, field: string): string {
  const parsed = pleoIdSchema.safeParse(value);
  if (!parsed.success) {
    throw new PleoInputError(
      `${field} must be a Pleo UUID (e.g. 3f2b1c4e-…); got ${JSON.stringify(value)}.`,
      [{ path: field, message: 'expected a UUID' }],
    );
  }
  return parsed.data;
}

function enumValue<T extends string>(schema: z.ZodEnum<Record<T, T>>, value: unknown, field: string): T {
  const parsed = schema.safeParse(value);
  if (!parsed.success) {
    throw new PleoInputError(
      `${field} must be one of ${schema.options.join(', ')}; got ${JSON.stringify(value)}.`,
      [{ path: field, message: 'not an allowed value' }],
    );
  }
  return parsed.data as T;
}

function pageLimit(limit: number | undefined): number | undefined {
  if (limit === undefined) return undefined;
  if (!Number.isInteger(limit) || limit < 1) {
    throw new PleoInputError(`limit must be a positive integer page size; got ${String(limit)}.`, [
      { path: 'limit', message: 'expected a positive integer' },
    ]);
  }
  return limit;
}

function parseInput<S extends z.ZodType>(schema: S, value: unknown, field: string): z.infer<S> {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  const issues = formatIssues(parsed.error, field);
  throw new PleoInputError(
    `Invalid ${field}: ${summarizeIssues(issues)}. Fix these fields and call again.`,
    issues,
  );
}

function parseBody<S extends z.ZodType>(
  schema: S,
  data: unknown,
  operation: string,
  what: string,
): z.infer<S> {
  const parsed = schema.safeParse(data);
  if (parsed.success) return parsed.data;
  const issues = formatIssues(parsed.error);
  throw new PleoApiError({
    message: `Pleo API ${operation} returned a body that is not ${what}: ${summarizeIssues(issues)}.`,
    operation,
  });
}
