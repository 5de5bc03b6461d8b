import type { ExportItemFile, ExportJobV3, PleoClient } from '@ledgerport/pleo';
import type { Clock, CredentialsStore, Logger } from '../connector/connector-context';
import type { Connector } from '../connector/connector-v1';
import type { MapOptions } from '../entry/map-options';
import type { ItemFailureReason, JobFailureReason } from '../errors/failure-reasons';
import type { ExportStore } from '../store/export-store';

/** Typed progress events for CLIs and metrics, emitted in order. */
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

/** Final result of {@link runExportJob}. */
export interface ExportJobOutcome {
  readonly jobId: string;
  /**
   * The final event sent to Pleo (or found on the job when it was already final), or `interrupted`:
   * the run's `signal` aborted with `onAbort: 'leave_in_progress'`, no final event was sent and the job
   * stays `in_progress` for a resume.
   */
  readonly status: 'completed' | 'completed_with_errors' | 'failed' | 'interrupted';
  readonly failureReasonType?: JobFailureReason | undefined;
  readonly failureReason?: string | undefined;
  readonly successful: number;
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
  readonly pleo: PleoClient;
  readonly connector: Connector<Config>;
  /** The job (as listed) or its id. */
  readonly job: ExportJobV3 | string;
  /** The company's connector config, unparsed; parsed with `connector.configSchema` (errors → `invalid_configuration`). */
  readonly config: unknown;
  /** Secret values by name (e.g. `clientSecret`); redacted from every log line and error. */
  readonly secrets?: Readonly<Record<string, string>>;
  readonly mapping?: MapOptions;
  readonly credentials?: CredentialsStore;
  /** Write-ahead journal; default in memory (no crash safety across processes). */
  readonly store?: ExportStore;
  readonly signal?: AbortSignal;
  readonly logger?: Logger;
  readonly clock?: Clock;
  readonly onProgress?: (event: ExportProgressEvent) => void;
  /** Retries of retryable connector errors: attempts per entry and the job's total retry time budget. */
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
