/**
 * The sandbox's in-memory state: companies and their credentials, export jobs, item states and
 * accepted events. Both the HTTP core and the programmatic API go through this one store.
 *
 * Behaviour follows `shared/docs/pleo-export-api.md` §3 and the spec's `/v3` paths: one active job
 * per company (409), the job state machine (422), expiry 3600 s after `lastUpdatedAt`
 * (`failed` + `job_expired`, unfinished items `abandoned`), item updates only on running jobs.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import type { ExportJobFailureReasonType, ExportJobStatus } from '@ledgerport/pleo';
import { formatApiDateTime, type SandboxClock } from '../clock/sandbox-clock';
import {
  companyNotFound,
  exportAlreadyInProgress,
  exportNotFound,
  invalidStatusChange,
  itemsUpdateLimit,
  itemUpdateOnFinishedJob,
} from '../http/api-error';
import type {
  CreateExportJobEvent,
  ExportJobItemUpdateErrorV3,
  ExportJobItemV3,
  ExportJobV3,
  UpdateExportJobItemV3,
} from '../model/pleo-types';
import type { ItemSource } from './item-source';
import { JobRecord } from './job-record';
import { isActiveJobStatus, nextJobStatus } from './job-state-machine';

/** Seconds a job lives after its last update (`expiresIn`, spec `ExportJobV3`). */
export const JOB_EXPIRES_IN_SECONDS = 3600;
/** Maximum entries in one `PUT /v3/export-jobs/{jobId}/items` (spec: 413 above). */
export const MAX_ITEM_UPDATES_PER_REQUEST = 100;

/** A sandbox company and the credentials that may act for it. */
export interface CompanyRecord {
  companyId: string;
  name: string;
  apiKey: string;
  bearerToken: string | undefined;
  /** Job ids, oldest first. */
  jobIds: string[];
}

/** Options of {@link SandboxStore.createJob}. */
export interface CreateJobOptions {
  vendorBasedBookkeeping?: boolean | undefined;
  isInteractive?: boolean | undefined;
  createdBy?: string | null | undefined;
}

/** Thrown by programmatic calls for caller mistakes (not HTTP answers). */
export class SandboxUsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SandboxUsageError';
  }
}

/** The state store. */
export class SandboxStore {
  readonly clock: SandboxClock;
  private readonly companies = new Map<string, CompanyRecord>();
  private readonly companyByApiKey = new Map<string, string>();
  private readonly companyByBearer = new Map<string, string>();
  private readonly jobs = new Map<string, JobRecord>();
  private readonly events = new Map<string, CreateExportJobEvent[]>();
  private readonly onJobCreated: ((job: ExportJobV3) => void) | undefined;

  constructor(clock: SandboxClock, onJobCreated?: (job: ExportJobV3) => void) {
    this.clock = clock;
    this.onJobCreated = onJobCreated;
  }

  /**
   * Registers a company. Ids and keys are random unless given.
   *
   * @throws SandboxUsageError when the company id, API key or bearer token is already taken.
   */
  createCompany(
    o: {
      companyId?: string | undefined;
      apiKey?: string | undefined;
      bearerToken?: string | undefined;
      name?: string | undefined;
    } = {},
  ): CompanyRecord {
    const companyId = o.companyId ?? randomUUID();
    const apiKey = o.apiKey ?? `sandbox_${randomBytes(18).toString('base64url')}`;
    if (this.companies.has(companyId))
      throw new SandboxUsageError(`createCompany: companyId ${companyId} exists`);
    if (this.companyByApiKey.has(apiKey))
      throw new SandboxUsageError('createCompany: apiKey is already in use');
    if (o.bearerToken !== undefined && this.companyByBearer.has(o.bearerToken)) {
      throw new SandboxUsageError('createCompany: bearerToken is already in use');
    }
    const company: CompanyRecord = {
      companyId,
      name: o.name ?? 'Sandbox ApS',
      apiKey,
      bearerToken: o.bearerToken,
      jobIds: [],
    };
    this.companies.set(companyId, company);
    this.companyByApiKey.set(apiKey, companyId);
    if (o.bearerToken !== undefined) this.companyByBearer.set(o.bearerToken, companyId);
    return company;
  }

  /** The company an API key (Basic username) belongs to, if any. */
  companyForApiKey(apiKey: string): string | undefined {
    return this.companyByApiKey.get(apiKey);
  }

  /** The company a bearer token belongs to, if any. */
  companyForBearerToken(token: string): string | undefined {
    return this.companyByBearer.get(token);
  }

  /** Whether the company exists. */
  hasCompany(companyId: string): boolean {
    return this.companies.has(companyId);
  }

  /**
   * Creates a `pending` job over `source`'s items.
   *
   * @throws SandboxUsageError for an unknown company or duplicate `accountingEntryId`s.
   * @throws SandboxApiError 409 `EXPORT_ALREADY_IN_PROGRESS` when the company has an active job.
   */
  createJob(companyId: string, source: ItemSource, o: CreateJobOptions = {}): JobRecord {
    const company = this.companies.get(companyId);
    if (!company)
      throw new SandboxUsageError(`createJob: unknown companyId ${companyId}; call createCompany first`);
    if (this.activeJobOf(company)) throw exportAlreadyInProgress();
    const now = formatApiDateTime(this.clock.now());
    const job: ExportJobV3 = {
      id: randomUUID(),
      companyId,
      status: 'pending',
      createdAt: now,
      createdBy: o.createdBy ?? null,
      startedAt: null,
      completedAt: null,
      expiredAt: null,
      lastUpdatedAt: now,
      expiresIn: JOB_EXPIRES_IN_SECONDS,
      numberOfItems: source.count,
      isInteractive: o.isInteractive ?? true,
      vendorBasedBookkeeping: o.vendorBasedBookkeeping ?? false,
      failureReason: null,
    };
    const record = new JobRecord(job, source);
    if (record.positionById.size !== source.count) {
      throw new SandboxUsageError(
        `createJob: items contain duplicate accountingEntryId values (${source.count} items, ${record.positionById.size} distinct ids); every export item needs its own id`,
      );
    }
    this.jobs.set(job.id, record);
    this.events.set(job.id, []);
    company.jobIds.push(job.id);
    this.onJobCreated?.(record.toJob());
    return record;
  }

  /**
   * Finds where an accounting entry already lives in one of the company's jobs (newest first), so
   * `POST /v3/export-jobs` can re-export entries by id.
   */
  findEntry(
    companyId: string,
    accountingEntryId: string,
  ): { source: ItemSource; position: number } | undefined {
    const company = this.companies.get(companyId);
    if (!company) return undefined;
    for (let j = company.jobIds.length - 1; j >= 0; j--) {
      const record = this.jobs.get(company.jobIds[j]!)!;
      const position = record.positionById.get(accountingEntryId);
      if (position !== undefined) return { source: record.source, position };
    }
    return undefined;
  }

  /**
   * The job record, after applying expiry.
   *
   * @param companyId when given, a job of another company is reported as not found.
   * @throws SandboxApiError 404 `EXPORT_NOT_FOUND`.
   */
  job(jobId: string, companyId?: string): JobRecord {
    const record = this.jobs.get(jobId);
    if (!record || (companyId !== undefined && record.job.companyId !== companyId)) throw exportNotFound();
    this.expireIfDue(record);
    return record;
  }

  /**
   * The company's jobs, oldest first, filtered by status (after applying expiry).
   *
   * @throws SandboxApiError 404 `COMPANY_NOT_FOUND` for an unknown company.
   */
  listJobs(companyId: string, statuses?: readonly ExportJobStatus[]): JobRecord[] {
    const company = this.companies.get(companyId);
    if (!company) throw companyNotFound();
    const wanted = statuses && statuses.length > 0 ? new Set(statuses) : undefined;
    const result: JobRecord[] = [];
    for (const jobId of company.jobIds) {
      const record = this.job(jobId);
      if (!wanted || wanted.has(record.job.status)) result.push(record);
    }
    return result;
  }

  /** Every accepted event of a job, in order. */
  eventsOf(jobId: string): CreateExportJobEvent[] {
    const events = this.events.get(jobId);
    if (!events) throw exportNotFound();
    return events.map((event) => ({ ...event }));
  }

  /**
   * Applies a lifecycle event (`POST /v3/export-job-events`).
   *
   * @throws SandboxApiError 404 `EXPORT_NOT_FOUND`; 422 `INVALID_EXPORT_JOB_STATUS_CHANGE` for an
   *   illegal transition (including any event on an expired job).
   */
  applyEvent(event: CreateExportJobEvent, companyId?: string): ExportJobV3 {
    const record = this.job(event.jobId, companyId);
    const next = nextJobStatus(record.job.status, event.event);
    if (next === undefined) throw invalidStatusChange();
    const now = formatApiDateTime(this.clock.now());
    const { job } = record;
    job.status = next;
    job.lastUpdatedAt = now;
    if (event.event === 'started') job.startedAt = now;
    if (next === 'completed' || next === 'completed_with_errors' || next === 'failed') job.completedAt = now;
    if (event.failureReason !== undefined) job.failureReason = event.failureReason;
    if (event.failureReasonType !== undefined) job.failureReasonType = event.failureReasonType;
    if (next === 'failed') record.abandonUnfinished();
    this.events.get(job.id)!.push({ ...event });
    return record.toJob();
  }

  /**
   * Applies item outcomes (`PUT /v3/export-jobs/{jobId}/items`): partial success, unknown ids are
   * reported as `ACCOUNTING_ENTRY_DOES_NOT_EXIST` in `errors`.
   *
   * @throws SandboxApiError 404 `EXPORT_NOT_FOUND`; 413 `EXPORT_JOB_ITEMS_UPDATE_LIMIT` above 100
   *   entries; 422 `EXPORT_JOB_STATUS_UNPROCESSABLE` when the job is finished.
   */
  updateItems(
    jobId: string,
    updates: readonly UpdateExportJobItemV3[],
    companyId?: string,
  ): { data: ExportJobItemV3[]; errors: ExportJobItemUpdateErrorV3[] } {
    const record = this.job(jobId, companyId);
    if (updates.length > MAX_ITEM_UPDATES_PER_REQUEST) throw itemsUpdateLimit();
    if (!isActiveJobStatus(record.job.status)) throw itemUpdateOnFinishedJob();
    const data: ExportJobItemV3[] = [];
    const errors: ExportJobItemUpdateErrorV3[] = [];
    for (const update of updates) {
      const position = record.positionById.get(update.accountingEntryId);
      if (position === undefined) {
        errors.push({
          accountingEntryId: update.accountingEntryId,
          message: 'Accounting entry does not exist',
          type: 'ACCOUNTING_ENTRY_DOES_NOT_EXIST',
        });
        continue;
      }
      const { accountingEntryId: _id, status, ...outcome } = update;
      record.setItem(position, status, outcome);
      data.push(record.jobItemAt(position));
    }
    record.job.lastUpdatedAt = formatApiDateTime(this.clock.now());
    return { data, errors };
  }

  /** Fails the job with `job_expired` when `lastUpdatedAt + expiresIn` has passed. */
  private expireIfDue(record: JobRecord): void {
    const { job } = record;
    if (!isActiveJobStatus(job.status)) return;
    const last = Date.parse(job.lastUpdatedAt ?? job.createdAt);
    const expiresAt = last + job.expiresIn * 1000;
    if (this.clock.now().getTime() < expiresAt) return;
    const at = formatApiDateTime(new Date(expiresAt));
    job.status = 'failed';
    job.expiredAt = at;
    job.completedAt = at;
    job.lastUpdatedAt = at;
    job.failureReasonType = 'job_expired' satisfies ExportJobFailureReasonType;
    job.failureReason = 'Job not updated within expiry time limit.';
    record.abandonUnfinished();
  }

  private activeJobOf(company: CompanyRecord): JobRecord | undefined {
    for (const jobId of company.jobIds) {
      const record = this.job(jobId);
      if (isActiveJobStatus(record.job.status)) return record;
    }
    return undefined;
  }

  /** The company's running job, if any (after applying expiry). */
  activeJob(companyId: string): JobRecord | undefined {
    const company = this.companies.get(companyId);
    return company ? this.activeJobOf(company) : undefined;
  }
}
