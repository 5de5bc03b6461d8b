import type { ItemFailureReason, JobFailureReason } from '../errors/failure-reasons';
import { escalateItemReason } from '../errors/failure-reasons';
import { truncateUserMessage } from '../errors/ledgerport-error';
import type { FinalEventRecord } from '../store/export-store';

/** Running counts of one job run. */
export interface JobTally {
  /** Items that became successful in this run. */
  successful: number;
  /** Items that failed in this run (including invalid items Pleo cannot be told about). */
  failed: number;
  /** Items already final before this run. */
  skipped: number;
  /** Of the skipped items, how many were successful / failed (for the completion rule). */
  previouslySuccessful: number;
  previouslyFailed: number;
  readonly failuresByReason: Partial<Record<ItemFailureReason, number>>;
  /** First failure message per reason, to build an actionable job message. */
  readonly exampleMessages: Partial<Record<ItemFailureReason, string>>;
  /** Files written by a `per_job` connector's `commitJob`. */
  readonly artifacts: string[];
}

/** A fresh tally. */
export function createJobTally(): JobTally {
  return {
    successful: 0,
    failed: 0,
    skipped: 0,
    previouslySuccessful: 0,
    previouslyFailed: 0,
    failuresByReason: {},
    exampleMessages: {},
    artifacts: [],
  };
}

/** Counts one item failure. */
export function countFailure(tally: JobTally, reason: ItemFailureReason, message: string): void {
  tally.failed += 1;
  tally.failuresByReason[reason] = (tally.failuresByReason[reason] ?? 0) + 1;
  tally.exampleMessages[reason] ??= message;
}

/**
 * The completion rule of pleo-export-api.md §3.1 over the whole job (this run plus items already final):
 * no items or all successful → `completed`; some failed → `completed_with_errors` (sent without a
 * `failureReasonType`: the design page's default is not in the job enum); none successful → `failed`
 * with the job reason the dominant item reason maps to (systemic reasons escalate as such,
 * `missing_configuration`/`invalid_configuration` keep their name, anything else is `validation_failure`)
 * and a message saying how many failed and why.
 */
export function decideFinalEvent(tally: JobTally): Omit<FinalEventRecord, 'sent'> {
  const successful = tally.successful + tally.previouslySuccessful;
  const failed = tally.failed + tally.previouslyFailed;
  if (failed === 0) return { event: 'completed' };
  if (successful > 0) return { event: 'completed_with_errors' };
  const dominant = dominantReason(tally);
  if (dominant === undefined) {
    return {
      event: 'failed',
      failureReasonType: 'validation_failure',
      failureReason: `All ${failed} items failed; see each item's reason in the export queue, fix them and export again.`,
    };
  }
  const example = tally.exampleMessages[dominant] ?? '';
  return {
    event: 'failed',
    failureReasonType: jobReasonFor(dominant),
    failureReason: truncateUserMessage(
      `All ${failed} items failed (${tally.failuresByReason[dominant]} with ${dominant}), e.g.: ${example}`,
    ),
  };
}

function dominantReason(tally: JobTally): ItemFailureReason | undefined {
  let best: ItemFailureReason | undefined;
  for (const [reason, count] of Object.entries(tally.failuresByReason) as [ItemFailureReason, number][]) {
    if (best === undefined || count > (tally.failuresByReason[best] ?? 0)) best = reason;
  }
  return best;
}

function jobReasonFor(reason: ItemFailureReason): JobFailureReason {
  const escalated = escalateItemReason(reason);
  if (escalated !== undefined) return escalated;
  if (reason === 'missing_configuration' || reason === 'invalid_configuration') return reason;
  return 'validation_failure';
}
