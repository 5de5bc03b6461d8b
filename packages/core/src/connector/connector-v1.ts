import type { ExportJobV3 } from '@ledgerport/pleo';
import type { z } from 'zod';
import type { AccountingEntry } from '../entry/accounting-entry';
import type { MapOptions } from '../entry/map-options';
import type { ItemFailureReason, JobFailureReason } from '../errors/failure-reasons';
import type { LedgerportError } from '../errors/ledgerport-error';
import type { ConnectorContext } from './connector-context';
import type { ConnectorManifest } from './connector-manifest';

/** A problem that makes the whole job unprocessable (fails it early: `started`, then `failed`). */
export interface JobIssue {
  /** The `ExportJobFailureReasonType` the job fails with (pleo-export-api.md §5.1). */
  readonly reason: JobFailureReason;
  /** Actionable, user-safe message (becomes `failureReason`), e.g. "Account 6010 is missing: add it in Xero or change the category". */
  readonly message: string;
}

/** A problem with one entry: that item fails, the others go on. */
export interface EntryIssue {
  /** Pleo `accountingEntryId` of the item that fails. */
  readonly accountingEntryId: string;
  /** The `ExportJobItemFailureReasonType` the item fails with (pleo-export-api.md §5.2). */
  readonly reason: ItemFailureReason;
  /** Actionable, user-safe message naming the field and the fix (no secrets). */
  readonly message: string;
  /** Field path the issue is about, e.g. `lines[0].account`. */
  readonly field?: string | undefined;
}

/** Result of {@link ConnectorV1.validate}. */
export interface ValidationReport {
  /** Problems that fail the whole job; empty when the job can run. */
  readonly jobIssues: readonly JobIssue[];
  /** Problems that fail single entries; the others are still posted. */
  readonly entryIssues: readonly EntryIssue[];
  /**
   * Last locked date in the ERP (ISO `YYYY-MM-DD`, inclusive), when it has lock dates / closed periods.
   * Core applies the company's period strategy to entries dated on or before it.
   */
  readonly lockedThrough?: string | undefined;
}

/** What a successful post returns; reported to Pleo as the item's `externalId`, `externalUrl`, `exportedAt`. */
export interface PostResult {
  /** The ERP's id of the document (GUID, voucher number, file + voucher reference). */
  readonly externalId: string;
  /** Deep link into the ERP, when a stable one exists. */
  readonly externalUrl?: string | undefined;
  /** When the document was created in the ERP, ISO 8601 date-time. */
  readonly exportedAt: string;
}

/** A posted entry, handed to `attach`. */
export interface PostedEntry {
  /** The entry as it was posted. */
  readonly entry: AccountingEntry;
  /** What `postEntry` (or `postEntries`) returned for it. */
  readonly result: PostResult;
}

/** One receipt, downloaded from Pleo (`files[].url`), ready to upload. */
export interface AttachmentFile {
  /** File name to use in the ERP, e.g. `receipt-1.pdf`. */
  readonly fileName: string;
  /** MIME type (Pleo `files[].type`, checked against the bytes' magic number). */
  readonly mimeType: string;
  /** The file's content (size in bytes = `bytes.byteLength`, within `manifest.attachments.maxBytes`). */
  readonly bytes: Uint8Array;
  /** 0-based position in the entry's `files[]` (upload order is preserved). */
  readonly index: number;
}

/** Per-entry outcome of a batched post: a result, or the typed error that failed that entry only. */
export type BatchPostOutcome =
  | { readonly ok: true; readonly result: PostResult }
  | { readonly ok: false; readonly error: LedgerportError };

/** Summary handed to `commitJob` for `per_job` connectors. */
export interface JobCommit {
  /** The export job being committed. */
  readonly job: ExportJobV3;
  /** Entries posted in this run, in posting order. */
  readonly posted: readonly PostedEntry[];
}

/**
 * The Ledgerport connector contract, version 1. A connector is a plain object made by a factory
 * (`createXeroConnector(options)`); core calls it, never the other way round. A published v1 never
 * changes: a breaking change adds `ConnectorV2` beside it with an adapter in core.
 *
 * Error contract: methods throw `LedgerportError`s (`ItemError` for one entry, `JobError` for the job);
 * any other throw is treated as `unexpected_failure`. Connectors never retry or sleep: core retries
 * errors marked `retryable`, honouring `retryAfterMs`.
 *
 * @typeParam Config - output type of `configSchema`.
 */
export interface ConnectorV1<Config = unknown> {
  /** Contract version; `'v1'` for this interface. */
  readonly specificationVersion: 'v1';
  /** Stable id, e.g. `xero`, `sie`; the runner's config refers to connectors by it. */
  readonly id: string;
  /** What the connector supports and how it must be driven (see {@link ConnectorManifest}). */
  readonly manifest: ConnectorManifest;
  /** zod schema of the per-company configuration; errors must name the field. */
  readonly configSchema: z.ZodType<Config>;
  /** Dot paths of config fields that hold secrets; their values are redacted from logs and errors. */
  readonly secretFields: readonly string[];

  /**
   * Optional defaults for core's mapping derived from the config (e.g. the BAS VAT accounts of a SIE
   * config). Company-level mapping options override them.
   */
  mapOptions?(config: Config): Partial<MapOptions>;

  /** Establishes a session (tokens refreshed at most once, rotated tokens persisted). Throws `JobError`. */
  authenticate(ctx: ConnectorContext<Config>): Promise<void>;

  /**
   * Read-only readiness checks. Core calls it once with `entries = []` before any item (job-level
   * checks: reachability, company, accounts, periods, vendor bookkeeping), then once per page of mapped
   * entries (entry-level checks). It must never write to the ERP.
   */
  validate(
    ctx: ConnectorContext<Config>,
    job: ExportJobV3,
    entries: readonly AccountingEntry[],
  ): Promise<ValidationReport>;

  /**
   * Creates the entry's document in the ERP. Idempotent on `entry.idempotencyKey`: called again for
   * the same key (a retry after a timeout, a resume after a crash) it returns the first document
   * instead of creating a second one.
   */
  postEntry(ctx: ConnectorContext<Config>, entry: AccountingEntry): Promise<PostResult>;

  /** Optional batch form (up to `manifest.batchSize` entries); one outcome per entry, same order. */
  postEntries?(
    ctx: ConnectorContext<Config>,
    entries: readonly AccountingEntry[],
  ): Promise<readonly BatchPostOutcome[]>;

  /** Uploads one receipt to a posted document. Present exactly when `manifest.attachments.supported`. */
  attach?(ctx: ConnectorContext<Config>, posted: PostedEntry, file: AttachmentFile): Promise<void>;

  /**
   * For `per_job` delivery: makes the job's output durable (e.g. writes the file atomically). Returns
   * the artefacts written (paths). Called once, after every entry of the run was posted.
   */
  commitJob?(
    ctx: ConnectorContext<Config>,
    commit: JobCommit,
  ): Promise<{ readonly artifacts: readonly string[] }>;
}

/** Any connector version the core can run. */
export type Connector<Config = unknown> = ConnectorV1<Config>;

/**
 * Identity helper that type-checks a connector object against the v1 contract (architecture.md, "The
 * Connector interface"): returns `connector` unchanged; never throws.
 */
export function defineConnector<Config>(connector: ConnectorV1<Config>): ConnectorV1<Config> {
  return connector;
}
