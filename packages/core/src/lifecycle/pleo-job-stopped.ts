import { type ExportJobV3, PleoApiError, type PleoClient } from '@ledgerport/pleo';
import type { JobFailureReason } from '../errors/failure-reasons';
import { JobError } from '../errors/ledgerport-error';

/**
 * Pleo refused a state change because the job is no longer open (422
 * `EXPORT_JOB_STATUS_UNPROCESSABLE` / `INVALID_EXPORT_JOB_STATUS_CHANGE`, pleo-export-api.md §2.1, §3.1):
 * it expired (`job_expired`), the user canceled it (`canceled_by_user`), or it was finished elsewhere.
 * The lifecycle stops at once and reports nothing more.
 */
export class PleoJobClosedError extends Error {
  override readonly name = 'PleoJobClosedError';
  constructor(
    /** The job as Pleo now describes it. */
    readonly job: ExportJobV3 | undefined,
    readonly reason: JobFailureReason,
    message: string,
  ) {
    super(message);
  }
}

const CLOSED_TYPES = new Set(['export_job_status_unprocessable', 'invalid_export_job_status_change']);

/** True for Pleo's 422 answers that mean "this job is finished / cannot change any more". */
export function isJobClosedAnswer(error: unknown): boolean {
  return (
    PleoApiError.isInstance(error) &&
    error.status === 422 &&
    (error.type === undefined || CLOSED_TYPES.has(error.type.toLowerCase()))
  );
}

/**
 * Turns an error thrown by a Pleo call into what the lifecycle acts on: a {@link PleoJobClosedError}
 * (after re-reading the job to learn why it closed) or a {@link JobError} with the client's
 * `failureReasonType` (`pleo_rate_limit`, `service_unreachable`, `service_timeout`, …; default
 * `service_unreachable`). Other errors are returned unchanged.
 */
export async function classifyPleoError(pleo: PleoClient, jobId: string, error: unknown): Promise<unknown> {
  if (error instanceof PleoJobClosedError || JobError.isInstance(error)) return error;
  if (isJobClosedAnswer(error)) return jobClosedFromPleo(pleo, jobId);
  if (PleoApiError.isInstance(error)) {
    const reason: JobFailureReason = error.failureReasonType ?? 'service_unreachable';
    return new JobError(reason, pleoFailureMessage(reason, error.status), { cause: error });
  }
  return error;
}

/** Re-reads the job and describes why it is closed. */
export async function jobClosedFromPleo(pleo: PleoClient, jobId: string): Promise<PleoJobClosedError> {
  let job: ExportJobV3 | undefined;
  try {
    job = await pleo.getJob(jobId);
  } catch {
    job = undefined;
  }
  const reason: JobFailureReason = job?.failureReasonType ?? 'job_expired';
  const message =
    job?.failureReason ??
    (reason === 'canceled_by_user'
      ? 'The export job was canceled in Pleo.'
      : 'The export job expired or was closed in Pleo before it finished; export the remaining items again.');
  return new PleoJobClosedError(job, reason, message);
}

function pleoFailureMessage(reason: JobFailureReason, status: number | undefined): string {
  const suffix = status === undefined ? '' : ` (HTTP ${status})`;
  switch (reason) {
    case 'pleo_rate_limit':
      return `Pleo kept rate-limiting the export${suffix}; the export will work again once the limit resets.`;
    case 'authentication_failure':
      return `Pleo rejected the integration's credentials${suffix}: renew the Pleo API key or token.`;
    case 'authorization_failure':
      return `The integration lacks the Pleo export scopes${suffix}: grant export:read and export:write.`;
    case 'service_timeout':
      return `Pleo did not answer in time${suffix}; export again later.`;
    default:
      return `Pleo could not be reached${suffix}; export again later.`;
  }
}
