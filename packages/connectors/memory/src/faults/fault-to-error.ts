import { DEFAULT_HTTP_REASON_TABLE, type HttpReasonRow } from '@ledgerport/connector-kit';
import { escalateItemReason, ItemError, JobError, type JobFailureReason } from '@ledgerport/core';
import type { MemoryFault } from './memory-fault';

const SYSTEM = 'The in-memory ledger';

function row(fault: MemoryFault): { row: HttpReasonRow; status: number | undefined } {
  const table = DEFAULT_HTTP_REASON_TABLE;
  if (fault.kind === 'network') return { row: table.network!, status: undefined };
  if (fault.kind === 'timeout') return { row: table.timeout!, status: undefined };
  const exact = table[String(fault.status)];
  const fallback = fault.status >= 500 ? table.default5xx! : table.default4xx!;
  return { row: exact ?? fallback, status: fault.status };
}

function message(template: string, status: number | undefined): string {
  return template.replaceAll('{system}', SYSTEM).replaceAll('{status}', String(status ?? ''));
}

/**
 * The `ItemError` an HTTP connector would throw for `fault`, from connector-kit's
 * `DEFAULT_HTTP_REASON_TABLE` (401 → `accounting_system_authentication_failure`, 429 →
 * `accounting_system_rate_limit` with `retryAfterMs` = `retryAfterSeconds` × 1000, 5xx and network →
 * `accounting_system_unreachable`, timeout → `accounting_system_timeout`, …).
 */
export function faultToItemError(fault: MemoryFault): ItemError {
  const { row: r, status } = row(fault);
  const retryAfterMs =
    fault.kind === 'http' && r.retryable && fault.retryAfterSeconds !== undefined
      ? fault.retryAfterSeconds * 1000
      : undefined;
  return new ItemError(r.reason, message(r.message, status), {
    retryable: r.retryable,
    retryAfterMs,
    details: { kind: fault.kind, ...(status === undefined ? {} : { status }) },
  });
}

/**
 * The `JobError` for a fault met by a job-level call (`authenticate`, job-level `validate`): systemic
 * reasons keep their name (`escalateItemReason`), a 404 is `invalid_configuration`, any other
 * rejection is `validation_failure`.
 */
export function faultToJobError(fault: MemoryFault): JobError {
  const item = faultToItemError(fault);
  const reason: JobFailureReason =
    escalateItemReason(item.reason) ??
    (item.reason === 'invalid_configuration' ? 'invalid_configuration' : 'validation_failure');
  return new JobError(reason, item.message, {
    retryable: item.retryable,
    retryAfterMs: item.retryAfterMs,
    details: item.details,
  });
}
