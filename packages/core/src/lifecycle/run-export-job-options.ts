import type { ExportItemFile, ExportJobV3, PleoClient } from '@ledgerport/pleo';
import type { Clock, CredentialsStore, Logger } from '../connector/connector-context';
import type { Connector } from '../connector/connector-v1';
import type { MapOptions } from '../entry/map-options';
import type { ItemFailureReason, JobFailureReason } from '../errors/failure-reasons';
import type { ExportStore } from '../store/export-store';

/**
 * Typed progress events for CLIs and metrics, emitted in order through
 * {@link RunExportJobOptions.onProgress}:
 * - `job_started`: `totalItems` is the job's `numberOfItems`; `resumed` is true when the job was
 *   already `in_progress` (no `started` event sent again; pleo-export-api.md §3.1);
 * - `entry_posted` / `entry_failed`: one accounting entry's outcome (`externalId` is the ERP's id;
 *   `reason` an `ExportJobItemFailureReasonType`, `message` the user-facing text, no secrets);
 * - `batch_reported`: one `PUT …/items` accepted `count` outcomes (at most 100; §3.2);
 * - `job_finished`: last event, with the {@link ExportJobOutcome}.
 */
export type ExportProgressEvent =
  | {
      readonly type: 'job_started';
      readonly jobId: string;
      readonly totalItems: number;
      readonly resumed: boolean;
    }
  | {
      readonly type: 'entry_posted';
      readonly jobId: string;
      readonly accountingEntryId: string;
      readonly externalId: string;
    }
  | {
      readonly type: 'entry_failed';
      readonly jobId: string;
      readonly accountingEntryId: string;
      readonly reason: ItemFailureReason;
      readonly message: string;
    }
  | { readonly type: 'batch_reported'; readonly jobId: string; readonly count: number }
  | { readonly type: 'job_finished'; readonly outcome: ExportJobOutcome };

/** Final result of {@link runExportJob} (job lifecycle: pleo-export-api.md §3.1). */
export interface ExportJobOutcome {
  /** The Pleo export job id. */
  readonly jobId: string;
  /**
   * The final event sent to Pleo (or found on the job when it was already final), or `interrupted`:
   * the run's `signal` aborted with `onAbort: 'leave_in_progress'`, no final event was sent and the job
   * stays `in_progress` for a resume.
   */
  readonly status: 'completed' | 'completed_with_errors' | 'failed' | 'interrupted';
  /** With status `failed`: the `ExportJobFailureReasonType` sent (pleo-export-api.md §5.1). */
  readonly failureReasonType?: JobFailureReason | undefined;
  /** With status `failed`: the user-facing reason text sent with it (no secrets). */
  readonly failureReason?: string | undefined;
  /** Items that became `successful` in this run (a count of accounting entries). */
  readonly successful: number;
  /** Items that became `failed` in this run. */
  readonly failed: number;
  /** Items already final before this run (resume). */
  readonly skipped: number;
  /** Failure counts per item reason. */
  readonly failuresByReason: Readonly<Partial<Record<ItemFailureReason, number>>>;
  /** Files written by `per_job` connectors. */
  readonly artifacts: readonly string[];
}

/** Options of {@link runExportJob}. */
export interface RunExportJobOptions<Config = unknown> {
  /** The Export API client (`@ledgerport/pleo`'s `createPleoClient`). */
  readonly pleo: PleoClient;
  /** The connector that posts the entries to the ERP. */
  readonly connector: Connector<Config>;
  /** The job (as listed) or its id. */
  readonly job: ExportJobV3 | string;
  /** The company's connector config, unparsed; parsed with `connector.configSchema` (errors → `invalid_configuration`). */
  readonly config: unknown;
  /** Secret values by name (e.g. `clientSecret`); redacted from every log line and error. */
  readonly secrets?: Readonly<Record<string, string>>;
  /** Options of {@link mapExportItem} (contra accounts, VAT accounts, period strategy, …). */
  readonly mapping?: MapOptions;
  /** Store for rotating OAuth tokens; default in memory (see {@link CredentialsStore}). */
  readonly credentials?: CredentialsStore;
  /** Write-ahead journal; default in memory (no crash safety across processes). */
  readonly store?: ExportStore;
  /** Stops the run when aborted; see {@link RunExportJobOptions.onAbort}. */
  readonly signal?: AbortSignal;
  /** Where log lines go (wrapped so secrets are redacted); default none. */
  readonly logger?: Logger;
  /** Source of "now"; default the wall clock. */
  readonly clock?: Clock;
  /** Receives each {@link ExportProgressEvent}, in order. */
  readonly onProgress?: (event: ExportProgressEvent) => void;
  /**
   * Retries of retryable connector errors: attempts per entry and the job's total retry time budget,
   * delays in milliseconds (defaults {@link DEFAULT_RETRY_SETTINGS}).
   */
  readonly retry?: {
    readonly maxAttempts?: number;
    readonly budgetMs?: number;
    readonly minDelayMs?: number;
    readonly maxDelayMs?: number;
  };
  /** Report pending outcomes at least this often (ms); default 5 minutes (jobs expire after 1 h idle). */
  readonly reportIntervalMs?: number;
  /** Page size for Pleo list calls; default 100. */
  readonly pageSize?: number;
  /**
   * What an aborted `signal` means. `leave_in_progress` (default): a shutdown — stop starting posts,
   * let connector calls reject on the aborted context signal, report what finished, send no final event
   * and resolve with status `interrupted`, so the next run resumes the job. `fail_job`: the same, then
   * send `failed` with `canceled_by_user` (an operator cancelling the export).
   */
  readonly onAbort?: 'leave_in_progress' | 'fail_job';
  /** Downloads a receipt; default `fetch(file.url)` with retries. */
  readonly downloadFile?: (file: ExportItemFile, signal: AbortSignal) => Promise<Uint8Array>;
}
