/**
 * The framework-agnostic request core: `(method, url, headers, body) → {status, headers, body}`.
 * The msw adapter and the node:http server both call it, so routing and behaviour exist once.
 *
 * Routes (spec `paths`, Export API v3): `GET|POST /v3/export-jobs`, `GET /v3/export-jobs/{jobId}`,
 * `GET|PUT /v3/export-jobs/{jobId}/items`, `POST /v3/export-job-events`, `GET /v3/export-items`,
 * plus `GET /files/{fileId}?expires=…` for receipt downloads (no auth: the URL is the credential).
 */
import { setTimeout as sleep } from 'node:timers/promises';
import type { ExportJobItemStatus, ExportJobStatus } from '@ledgerport/pleo';
import { exportJobItemStatusSchema, exportJobStatusSchema } from '@ledgerport/pleo';
import type { FaultInjector } from '../faults/fault-injector';
import type { ExportItemV3 } from '../model/pleo-types';
import { receiptBytes, variantOfFileId } from '../receipts/receipt-catalog';
import type { ReceiptUrls } from '../receipts/receipt-urls';
import { arrayItemSource, type ItemSource } from '../store/item-source';
import { JobRecord } from '../store/job-record';
import { isActiveJobStatus } from '../store/job-state-machine';
import { MAX_ITEM_UPDATES_PER_REQUEST, type SandboxStore } from '../store/sandbox-store';
import {
  badRequest,
  companyNotFound,
  exportItemsOfFinishedJob,
  exportNotFound,
  itemsUpdateLimit,
  methodNotAllowed,
  routeNotFound,
  SandboxApiError,
} from './api-error';
import { authenticate } from './authenticate';
import { paginate, parsePageRequest } from './cursor-pagination';
import {
  parseCreateExportJob,
  parseCreateExportJobEvent,
  parseJsonBody,
  parseUpdateExportJobItems,
} from './request-bodies';

/** A request as the core sees it. `headers` keys are lower-case. */
export interface SandboxHttpRequest {
  method: string;
  /** Absolute URL or path with query. */
  url: string;
  headers: Readonly<Record<string, string | undefined>>;
  body?: string | undefined;
}

/** A response as the core produces it. */
export interface SandboxHttpResponse {
  status: number;
  headers: Record<string, string>;
  body?: string | Uint8Array;
}

/** One handled request, as recorded in `requestLog`. */
export interface RequestLogEntry {
  method: string;
  path: string;
  status: number;
}

/** Everything the core needs. */
export interface RequestCoreDeps {
  store: SandboxStore;
  faults: FaultInjector;
  receiptUrls: ReceiptUrls;
  requestLog: RequestLogEntry[];
  defaultPageSize: number;
}

const JSON_TYPE = 'application/json;charset=UTF-8';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const json = (status: number, body: unknown, headers: Record<string, string> = {}): SandboxHttpResponse => ({
  status,
  headers: { 'content-type': JSON_TYPE, ...headers },
  body: JSON.stringify(body),
});

/**
 * Creates the request core.
 *
 * @returns `handle(request, baseUrl)`: `baseUrl` is the origin clients use (receipt URLs are built
 *   from it). Never throws: every failure becomes an `ExceptionInfo` response.
 */
export function createRequestCore(deps: RequestCoreDeps) {
  const { store, faults, receiptUrls, requestLog } = deps;

  async function handle(request: SandboxHttpRequest, baseUrl: string): Promise<SandboxHttpResponse> {
    const url = new URL(request.url, baseUrl);
    const method = request.method.toUpperCase();
    let response: SandboxHttpResponse;
    try {
      if (faults.latencyMs > 0) await sleep(faults.latencyMs);
      const fault = faults.take(method, url.pathname);
      if (fault) throw fault;
      response = route(method, url, request, baseUrl);
    } catch (error) {
      response = errorResponse(error);
    }
    requestLog.push({ method, path: url.pathname, status: response.status });
    return response;
  }

  function route(
    method: string,
    url: URL,
    request: SandboxHttpRequest,
    baseUrl: string,
  ): SandboxHttpResponse {
    const segments = url.pathname.replace(/\/+$/, '').split('/').slice(1);
    if (segments[0] === 'files' && segments.length === 2) {
      if (method !== 'GET' && method !== 'HEAD')
        throw methodNotAllowed(method, url.pathname, ['GET', 'HEAD']);
      return serveFile(decodeURIComponent(segments[1]!), url.searchParams);
    }
    if (segments[0] !== 'v3') throw routeNotFound(method, url.pathname);
    const [, resource, jobId, sub] = segments;
    if (resource === 'export-jobs' && jobId === undefined) {
      if (method === 'GET') return listJobs(auth(request), url.searchParams);
      if (method === 'POST') return createJob(auth(request), request.body);
      throw methodNotAllowed(method, url.pathname, ['GET', 'POST']);
    }
    if (resource === 'export-jobs' && jobId !== undefined && sub === undefined && segments.length === 3) {
      if (method !== 'GET') throw methodNotAllowed(method, url.pathname, ['GET']);
      const companyId = auth(request);
      return json(200, { data: store.job(checkJobId(jobId), companyId).toJob() });
    }
    if (resource === 'export-jobs' && jobId !== undefined && sub === 'items' && segments.length === 4) {
      if (method === 'GET') return listJobItems(auth(request), checkJobId(jobId), url.searchParams);
      if (method === 'PUT') return updateJobItems(auth(request), checkJobId(jobId), request.body);
      throw methodNotAllowed(method, url.pathname, ['GET', 'PUT']);
    }
    if (resource === 'export-job-events' && segments.length === 2) {
      if (method !== 'POST') throw methodNotAllowed(method, url.pathname, ['POST']);
      const companyId = auth(request);
      store.applyEvent(parseCreateExportJobEvent(parseJsonBody(request.body)), companyId);
      return { status: 202, headers: {} };
    }
    if (resource === 'export-items' && segments.length === 2) {
      if (method !== 'GET') throw methodNotAllowed(method, url.pathname, ['GET']);
      return listExportItems(auth(request), url.searchParams, baseUrl);
    }
    throw routeNotFound(method, url.pathname);
  }

  function auth(request: SandboxHttpRequest): string {
    return authenticate(store, request.headers.authorization);
  }

  function listJobs(companyId: string, query: URLSearchParams): SandboxHttpResponse {
    const page = parsePageRequest(query, deps.defaultPageSize);
    const requested = query.get('company_id');
    if (requested !== null && !UUID.test(requested)) throw badRequest('company_id: must be a UUID');
    const statuses = query
      .getAll('statuses')
      .flatMap((value) => value.split(','))
      .filter((value) => value !== '')
      .map((value): ExportJobStatus => {
        const parsed = exportJobStatusSchema.safeParse(value);
        if (!parsed.success) {
          throw badRequest(`statuses: "${value}" is not one of ${exportJobStatusSchema.options.join(', ')}`);
        }
        return parsed.data;
      });
    // Credentials see only their own company: another company_id yields an empty list.
    const jobs = requested !== null && requested !== companyId ? [] : store.listJobs(companyId, statuses);
    const { positions, pageInfo } = paginate({ size: jobs.length, total: jobs.length }, page);
    return json(200, { data: positions.map((i) => jobs[i]!.toJob()), pagination: pageInfo });
  }

  function createJob(companyId: string, rawBody: string | undefined): SandboxHttpResponse {
    const body = parseCreateExportJob(parseJsonBody(rawBody));
    if (body.companyId !== companyId) throw companyNotFound();
    const firstIndex = new Map<string, number>();
    body.accountingEntryIds.forEach((id, i) => {
      const previous = firstIndex.get(id);
      if (previous !== undefined) {
        throw badRequest(
          `accountingEntryIds[${i}]: duplicates accountingEntryIds[${previous}]; list each entry once`,
        );
      }
      firstIndex.set(id, i);
    });
    const items: ExportItemV3[] = body.accountingEntryIds.map((id, i) => {
      const found = store.findEntry(companyId, id);
      if (!found) {
        throw badRequest(
          `accountingEntryIds[${i}]: accounting entry ${id} is unknown to this sandbox company; seed it first (createJob/seedCompany)`,
        );
      }
      return found.source.itemAt(found.position);
    });
    const source: ItemSource = arrayItemSource(items);
    const record = store.createJob(companyId, source, {
      vendorBasedBookkeeping: body.vendorBasedBookkeeping,
      isInteractive: body.isInteractive,
      createdBy: body.employeeId,
    });
    return json(201, { data: record.toJob() });
  }

  function listJobItems(companyId: string, jobId: string, query: URLSearchParams): SandboxHttpResponse {
    const record = store.job(jobId, companyId);
    const page = parsePageRequest(query, deps.defaultPageSize);
    const statusText = query.get('status');
    let status: ExportJobItemStatus | undefined;
    if (statusText !== null && statusText !== '') {
      const parsed = exportJobItemStatusSchema.safeParse(statusText);
      if (!parsed.success) {
        throw badRequest(
          `status: "${statusText}" is not one of ${exportJobItemStatusSchema.options.join(', ')}`,
        );
      }
      status = parsed.data;
    }
    const size = record.source.count;
    let list: Parameters<typeof paginate>[0] = { size, total: size };
    if (status !== undefined) {
      const code = JobRecord.statusCode(status);
      const { statuses } = record;
      list = { size, total: record.statusCounts[code]!, matches: (i) => statuses[i] === code };
    }
    const { positions, pageInfo } = paginate(list, page);
    return json(200, { data: positions.map((i) => record.jobItemAt(i)), pagination: pageInfo });
  }

  function updateJobItems(
    companyId: string,
    jobId: string,
    rawBody: string | undefined,
  ): SandboxHttpResponse {
    store.job(jobId, companyId);
    const body = parseJsonBody(rawBody);
    if (Array.isArray(body) && body.length > MAX_ITEM_UPDATES_PER_REQUEST) throw itemsUpdateLimit();
    const result = store.updateItems(jobId, parseUpdateExportJobItems(body), companyId);
    return json(200, result);
  }

  function listExportItems(companyId: string, query: URLSearchParams, baseUrl: string): SandboxHttpResponse {
    const page = parsePageRequest(query, deps.defaultPageSize);
    const jobId = query.get('job_id');
    let record: JobRecord | undefined;
    if (jobId !== null && jobId !== '') {
      if (!UUID.test(jobId)) throw badRequest('job_id: must be a UUID');
      record = store.job(jobId, companyId);
      if (!isActiveJobStatus(record.job.status)) throw exportItemsOfFinishedJob();
    } else {
      record = store.activeJob(companyId);
    }
    const size = record?.source.count ?? 0;
    const { positions, pageInfo } = paginate({ size, total: size }, page);
    const data = record ? positions.map((i) => withFreshReceiptUrls(record.source.itemAt(i), baseUrl)) : [];
    return json(200, { data, pagination: pageInfo });
  }

  function withFreshReceiptUrls(item: ExportItemV3, baseUrl: string): ExportItemV3 {
    if (!item.files || item.files.length === 0) return item;
    return { ...item, files: receiptUrls.issue(baseUrl, item.files) };
  }

  function serveFile(fileId: string, query: URLSearchParams): SandboxHttpResponse {
    const variant = variantOfFileId(fileId);
    if (!variant) throw new SandboxApiError(404, 'FILE_NOT_FOUND', 'File not found.');
    const check = receiptUrls.check(fileId, query.get('expires'));
    if (check === 'expired') {
      throw new SandboxApiError(
        403,
        'URL_EXPIRED',
        'This file URL has expired (valid 24 h after the export item was fetched); fetch the export item again for a fresh URL.',
      );
    }
    if (check === 'forged') {
      throw new SandboxApiError(
        403,
        'URL_INVALID',
        'This file URL was not issued by the sandbox; use files[].url of a fetched export item.',
      );
    }
    const bytes = receiptBytes(variant.key);
    return {
      status: 200,
      headers: { 'content-type': variant.type, 'content-length': String(bytes.byteLength) },
      body: bytes,
    };
  }

  return handle;
}

function checkJobId(jobId: string): string {
  if (!UUID.test(jobId)) throw exportNotFound();
  return jobId;
}

function errorResponse(error: unknown): SandboxHttpResponse {
  if (error instanceof SandboxApiError) return json(error.status, error.toBody(), error.headers);
  return json(500, {
    type: 'INTERNAL_SERVER_ERROR',
    message: `Sandbox error: ${error instanceof Error ? error.message : String(error)}`,
  });
}

/** The request core function type. */
export type RequestCore = ReturnType<typeof createRequestCore>;
