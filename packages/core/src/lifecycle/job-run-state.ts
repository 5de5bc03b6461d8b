import type { ExportJobV3, PleoClient } from '@ledgerport/pleo';
import type { ConnectorContext, Logger } from '../connector/connector-context';
import type { Connector } from '../connector/connector-v1';
import { escalateItemReason, type ItemFailureReason } from '../errors/failure-reasons';
import { type ItemError, JobError } from '../errors/ledgerport-error';
import type { EntryOutcome, ExportStore } from '../store/export-store';
import { recordOutcomesIn } from '../store/record-batch';
import type { ItemReporter } from './item-reporter';
import { countFailure, type JobTally } from './job-tally';
import type { PleoJobClosedError } from './pleo-job-stopped';
import type { DownloadFile } from './receipt-attachments';
import type { RetryRunner } from './retry-runner';
import type { ExportProgressEvent } from './run-export-job-options';

/** Why a run stops taking new items. */
export type StopCause =
  /** A systemic error (item reason escalated, or a JobError thrown mid-job): send `failed` with it. */
  | { readonly kind: 'job_error'; readonly error: JobError }
  /**
   * A Pleo call failed past the client's retries (`pleo_rate_limit`, `service_unreachable`, …): try to
   * send `failed` with it, but record nothing first, so a run that cannot reach Pleo leaves the job
   * resumable instead of pinning a final event on it.
   */
  | { readonly kind: 'pleo_error'; readonly error: JobError }
  /** Pleo closed the job (expired, canceled): send nothing more. */
  | { readonly kind: 'job_closed'; readonly error: PleoJobClosedError }
  /** The caller's signal aborted. */
  | { readonly kind: 'aborted' };

/** Shared state of one `runExportJob` call, handed to the entry pipeline. */
export interface JobRun<Config> {
  readonly pleo: PleoClient;
  readonly connector: Connector<Config>;
  readonly job: ExportJobV3;
  readonly ctx: ConnectorContext<Config>;
  readonly store: ExportStore;
  readonly reporter: ItemReporter;
  readonly retry: RetryRunner;
  readonly tally: JobTally;
  readonly logger: Logger;
  readonly download: DownloadFile;
  /** Entries currently being posted/attached (candidates for keep-alive `in_progress` updates). */
  readonly inFlight: Set<string>;
  readonly emit: (event: ExportProgressEvent) => void;
  /** Secret values (from `secrets` and the config's `secretFields`) scrubbed from item messages. */
  readonly secretValues: readonly string[];
  stop: StopCause | undefined;
  /**
   * Called after each outcome is queued on the reporter (set by the page loop, which starts a flush
   * as soon as a full PUT's worth is waiting).
   */
  outcomeQueued: (() => void) | undefined;
}

/** Queues a recorded outcome for Pleo and tells the page loop. */
export function queueOutcome(run: JobRun<unknown>, accountingEntryId: string, outcome: EntryOutcome): void {
  run.reporter.add(accountingEntryId, outcome);
  run.outcomeQueued?.();
}

/** Records the first stop cause; later ones are ignored (the first systemic error names the job failure). */
export function stopRun(run: JobRun<unknown>, cause: StopCause): void {
  if (run.stop === undefined) run.stop = cause;
}

/**
 * An outcome about to be journaled together with others (`journalOutcomes`), and what to do once it is
 * durable (count and announce it; escalate a systemic failure).
 */
export interface PendingOutcome {
  readonly accountingEntryId: string;
  readonly outcome: EntryOutcome;
  readonly afterRecorded: () => void;
}

/**
 * Journals several outcomes write-ahead in one store call (`recordOutcomes` when the store has it,
 * else one `recordOutcome` each, in order), then queues each for Pleo and runs its `afterRecorded`,
 * in order. Nothing is queued before every outcome is durable.
 */
export async function journalOutcomes(
  run: JobRun<unknown>,
  pending: readonly PendingOutcome[],
): Promise<void> {
  if (pending.length === 0) return;
  for (const p of pending) run.inFlight.delete(p.accountingEntryId);
  await recordOutcomesIn(run.store, run.job.id, pending);
  for (const p of pending) {
    queueOutcome(run, p.accountingEntryId, p.outcome);
    p.afterRecorded();
  }
}

/**
 * An item failure to journal with {@link journalOutcomes}: once recorded it is counted, announced, and
 * a systemic reason (`SYSTEMIC_ITEM_REASONS`) escalates to a job stop unless `escalate` is false.
 */
export function failureOutcome(
  run: JobRun<unknown>,
  accountingEntryId: string,
  error: Pick<ItemError, 'reason' | 'message'>,
  escalate = true,
): PendingOutcome {
  const reason: ItemFailureReason = error.reason;
  const outcome = { status: 'failed', reason, message: error.message } as const;
  return {
    accountingEntryId,
    outcome,
    afterRecorded: () => {
      countFailure(run.tally, reason, error.message);
      run.emit({
        type: 'entry_failed',
        jobId: run.job.id,
        accountingEntryId,
        reason,
        message: error.message,
      });
      const jobReason = escalate ? escalateItemReason(reason) : undefined;
      if (jobReason !== undefined) {
        stopRun(run, {
          kind: 'job_error',
          error: new JobError(jobReason, `Export stopped: ${error.message}`),
        });
      }
    },
  };
}

/**
 * Records an item failure write-ahead (store first), queues it for Pleo, counts and announces it, and
 * escalates a systemic reason (`SYSTEMIC_ITEM_REASONS`) to a job stop unless `escalate` is false.
 */
export async function failEntry(
  run: JobRun<unknown>,
  accountingEntryId: string,
  error: Pick<ItemError, 'reason' | 'message'>,
  escalate = true,
): Promise<void> {
  await journalOutcomes(run, [failureOutcome(run, accountingEntryId, error, escalate)]);
}
