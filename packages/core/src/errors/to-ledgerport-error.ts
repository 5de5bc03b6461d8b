import { redactSecrets, redactText } from '../security/redact';
import {
  escalateItemReason,
  ITEM_FAILURE_REASONS,
  type ItemFailureReason,
  JOB_FAILURE_REASONS,
  type JobFailureReason,
} from './failure-reasons';
import { formatFieldPath } from './field-path';
import { ItemError, JobError, type LedgerportError } from './ledgerport-error';

/** Options for {@link toLedgerportError}. */
export interface ToLedgerportErrorOptions {
  /** Secret values (API keys, tokens) to scrub from the message and details. */
  readonly secrets?: readonly string[];
}

/**
 * Turns anything thrown into a typed {@link LedgerportError} of the requested scope, so the lifecycle can
 * always report a Pleo `failureReasonType` (architecture.md, "Errors"; export-openapi.yml
 * `ExportJobFailureReasonType` / `ExportJobItemFailureReasonType`).
 *
 * Rules:
 * - a Ledgerport error of the same scope is returned unchanged;
 * - an {@link ItemError} asked for as a job error escalates via {@link escalateItemReason} (systemic ERP
 *   reasons), else keeps its reason when the job enum has it (`invalid_configuration`, `validation_failure`…),
 *   else becomes `integration_unusable`; a {@link JobError} asked for as an item error keeps its reason when
 *   the item enum has it, else becomes `unexpected_failure`;
 * - an `AbortError` (e.g. `AbortSignal.abort()`'s reason) → job `canceled_by_user` / item
 *   `unexpected_failure`; a `TimeoutError` (`AbortSignal.timeout()`) → job `service_timeout` / item
 *   `accounting_system_timeout`, both retryable;
 * - a zod error (has `issues[]`) → `validation_failure` naming the first issue's field path;
 * - anything else → item `unexpected_failure`, or job `integration_unusable` (the job enum has no
 *   "unexpected" value; `service_unreachable` would wrongly say Pleo could not reach us).
 *
 * The message is user-safe: secrets from `options.secrets` and `Bearer …` tokens are scrubbed and it is cut
 * to 500 characters by the error constructor. Details hold the redacted original name/message/code.
 */
export function toLedgerportError(error: unknown, scope: 'job', options?: ToLedgerportErrorOptions): JobError;
export function toLedgerportError(
  error: unknown,
  scope?: 'item',
  options?: ToLedgerportErrorOptions,
): ItemError;
export function toLedgerportError(
  error: unknown,
  scope?: 'job' | 'item',
  options?: ToLedgerportErrorOptions,
): LedgerportError;
export function toLedgerportError(
  error: unknown,
  scope: 'job' | 'item' = 'item',
  options: ToLedgerportErrorOptions = {},
): LedgerportError {
  const secrets = options.secrets ?? [];
  if (ItemError.isInstance(error)) return scope === 'item' ? error : itemToJob(error);
  if (JobError.isInstance(error)) return scope === 'job' ? error : jobToItem(error);

  const name = errorName(error);
  const rawMessage = scrub(errorMessage(error), secrets);
  const details = redactSecrets(
    { name, message: rawMessage, ...(errorCode(error) === undefined ? {} : { code: errorCode(error) }) },
    secrets,
  ) as Record<string, unknown>;
  const base = { details, cause: error };

  if (name === 'AbortError') {
    return scope === 'job'
      ? new JobError('canceled_by_user', 'The export was canceled before it finished.', base)
      : new ItemError(
          'unexpected_failure',
          'Posting this entry was aborted before it finished; export it again.',
          {
            ...base,
            retryable: true,
          },
        );
  }
  if (name === 'TimeoutError') {
    return scope === 'job'
      ? new JobError('service_timeout', 'Ledgerport timed out while exporting; retry the export.', {
          ...base,
          retryable: true,
        })
      : new ItemError(
          'accounting_system_timeout',
          'The accounting system did not answer in time; the entry will be retried.',
          { ...base, retryable: true },
        );
  }
  const issues = zodIssues(error);
  if (issues !== undefined) {
    const first = issues[0];
    const field = first === undefined ? '' : formatFieldPath(first.path);
    const message = `Invalid data${field === '' ? '' : ` at ${field}`}: ${scrub(first?.message ?? rawMessage, secrets)}`;
    const opts = field === '' ? base : { ...base, field };
    return scope === 'job'
      ? new JobError('validation_failure', message, opts)
      : new ItemError('validation_failure', message, opts);
  }
  const suffix = rawMessage === '' ? '' : `: ${rawMessage}`;
  return scope === 'job'
    ? new JobError(
        'integration_unusable',
        `Ledgerport hit an unexpected error${suffix}. Retry the export; if it keeps failing, contact support.`,
        base,
      )
    : new ItemError(
        'unexpected_failure',
        `Unexpected error while exporting this entry${suffix}. Export it again; if it keeps failing, contact support.`,
        base,
      );
}

/**
 * Whether retrying the operation that threw `error` later may succeed: true only for Ledgerport errors
 * marked `retryable` (429, 5xx, timeouts, network errors per connector-kit's HTTP table). Unknown throws
 * are not retryable.
 */
export function isRetryable(error: unknown): boolean {
  return (ItemError.isInstance(error) || JobError.isInstance(error)) && error.retryable;
}

function itemToJob(error: ItemError): JobError {
  const escalated = escalateItemReason(error.reason);
  const same = (JOB_FAILURE_REASONS as readonly string[]).includes(error.reason)
    ? (error.reason as JobFailureReason)
    : undefined;
  return new JobError(escalated ?? same ?? 'integration_unusable', error.message, copyOptions(error));
}

function jobToItem(error: JobError): ItemError {
  const same = (ITEM_FAILURE_REASONS as readonly string[]).includes(error.reason)
    ? (error.reason as ItemFailureReason)
    : undefined;
  return new ItemError(same ?? 'unexpected_failure', error.message, copyOptions(error));
}

function copyOptions(error: LedgerportError) {
  return {
    retryable: error.retryable,
    retryAfterMs: error.retryAfterMs,
    details: error.details,
    ...(error.field === undefined ? {} : { field: error.field }),
    cause: error,
  };
}

function errorName(error: unknown): string {
  if (typeof error === 'object' && error !== null && typeof (error as { name?: unknown }).name === 'string') {
    return (error as { name: string }).name;
  }
  return typeof error;
}

function errorMessage(error: unknown): string {
  if (typeof error === 'string') return error;
  if (typeof error === 'object' && error !== null) {
    const message = (error as { message?: unknown }).message;
    if (typeof message === 'string') return message;
  }
  if (error === undefined || error === null || typeof error === 'object') return '';
  return String(error);
}

function errorCode(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const code = (error as { code?: unknown }).code;
  return typeof code === 'string' ? code : undefined;
}

function zodIssues(error: unknown): readonly { path: readonly PropertyKey[]; message: string }[] | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const issues = (error as { issues?: unknown }).issues;
  if (!Array.isArray(issues)) return undefined;
  return issues.filter(
    (issue): issue is { path: PropertyKey[]; message: string } =>
      typeof issue === 'object' &&
      issue !== null &&
      Array.isArray(issue.path) &&
      typeof issue.message === 'string',
  );
}

/** Scrubs secret values and bearer/basic credentials from free text, and keeps it to one short line. */
function scrub(text: string, secrets: readonly string[]): string {
  return redactText(text, secrets)
    .replace(/\b(Bearer|Basic)\s+[A-Za-z0-9._~+/=-]+/gi, '$1 [REDACTED]')
    .replace(/([?&](?:access_token|token|api_key|apikey|key|client_secret|code)=)[^&\s]+/gi, '$1[REDACTED]')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, 300);
}
