/**
 * Pleo's failure-reason enums, re-exported under the names the core uses. Both are derived from
 * `components.schemas.ExportJobFailureReasonType` and `ExportJobItemFailureReasonType` of the
 * Pleo Export API spec (`../shared/specs/pleo/export-openapi.yml`), via `@ledgerport/pleo`.
 */
import {
  type ExportJobFailureReasonType,
  type ExportJobItemFailureReasonType,
  exportJobFailureReasonTypeSchema,
  exportJobItemFailureReasonTypeSchema,
} from '@ledgerport/pleo';

/** One of the 15 job-level reasons sent with a `failed` job event (`failureReasonType`; Export API spec `ExportJobFailureReasonType`, pleo-export-api.md §5.1). */
export type JobFailureReason = ExportJobFailureReasonType;
/** One of the 18 item-level reasons sent with a `failed` job item (`failureReasonType`; Export API spec `ExportJobItemFailureReasonType`, pleo-export-api.md §5.2). */
export type ItemFailureReason = ExportJobItemFailureReasonType;

/** All job-level reasons, in spec order. */
export const JOB_FAILURE_REASONS: readonly JobFailureReason[] = exportJobFailureReasonTypeSchema.options;
/** All item-level reasons, in spec order. */
export const ITEM_FAILURE_REASONS: readonly ItemFailureReason[] =
  exportJobItemFailureReasonTypeSchema.options;

/**
 * Item reasons that say the accounting system as a whole is unusable, not this entry: the lifecycle
 * escalates them to a job failure (architecture.md, "Errors").
 */
export const SYSTEMIC_ITEM_REASONS = {
  accounting_system_authentication_failure: 'accounting_system_authentication_failure',
  authorization_failure: 'authorization_failure',
  accounting_system_unreachable: 'accounting_system_unreachable',
  accounting_system_rate_limit: 'accounting_system_rate_limit',
  accounting_system_timeout: 'accounting_system_timeout',
} as const satisfies Partial<Record<ItemFailureReason, JobFailureReason>>;

/** The job reason a systemic item reason escalates to, or `undefined` when the reason is entry-specific. */
export function escalateItemReason(reason: ItemFailureReason): JobFailureReason | undefined {
  return (SYSTEMIC_ITEM_REASONS as Partial<Record<ItemFailureReason, JobFailureReason>>)[reason];
}
