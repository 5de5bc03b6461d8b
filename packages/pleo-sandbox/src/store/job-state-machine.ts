/**
 * The export job lifecycle (Pleo docs "Export lifecycle"; spec `ExportJobStatus`,
 * `ExportJobEventType`, `POST /v3/export-job-events`):
 *
 * ```
 * pending ──started──► in_progress ──completed──────────────► completed
 *    │                     ├────────completed_with_errors──► completed_with_errors
 *    │                     └────────failed─────────────────► failed
 *    └──failed──► failed
 * ```
 * Every other (status, event) pair is illegal and answers 422 `INVALID_EXPORT_JOB_STATUS_CHANGE`.
 */
import type { ExportJobEventType, ExportJobStatus } from '@ledgerport/pleo';

const TRANSITIONS: Readonly<Record<ExportJobStatus, Partial<Record<ExportJobEventType, ExportJobStatus>>>> = {
  pending: { started: 'in_progress', failed: 'failed' },
  in_progress: { completed: 'completed', completed_with_errors: 'completed_with_errors', failed: 'failed' },
  completed: {},
  completed_with_errors: {},
  failed: {},
};

/** The status `event` moves a job in `status` to, or `undefined` when the transition is illegal. */
export function nextJobStatus(
  status: ExportJobStatus,
  event: ExportJobEventType,
): ExportJobStatus | undefined {
  return TRANSITIONS[status][event];
}

/** Whether the job is still running (`pending` or `in_progress`): items may be read and updated. */
export function isActiveJobStatus(status: ExportJobStatus): boolean {
  return status === 'pending' || status === 'in_progress';
}
