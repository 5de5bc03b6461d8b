import type { ItemFailureReason } from '@ledgerport/core';

/** One row of the HTTP-status → item-failure table. */
export interface HttpReasonRow {
  readonly reason: ItemFailureReason;
  readonly retryable: boolean;
  /** User-safe message template; `{status}` and `{system}` are substituted. */
  readonly message: string;
}

/** Keys of the table: an HTTP status, or a transport failure. */
export type HttpFailureKey = number | 'network' | 'timeout' | 'default4xx' | 'default5xx';

/**
 * The default HTTP answer → `ItemError` table every API connector shares (the "Standard HTTP → item
 * failure-reason matrix" of issue #3, asserted by `@ledgerport/testkit`'s error suite):
 *
 * | answer | reason | retryable |
 * |---|---|---|
 * | 401 (after one refresh) | accounting_system_authentication_failure | no |
 * | 403 | authorization_failure | no |
 * | 404 | invalid_configuration | no |
 * | 409, 400, 422 | accounting_system_validation_failure | no |
 * | 429 | accounting_system_rate_limit (+ Retry-After) | yes |
 * | 500, 502, 503, 504, other 5xx | accounting_system_unreachable | yes |
 * | network error | accounting_system_unreachable | yes |
 * | timeout | accounting_system_timeout | yes |
 *
 * Connectors override single rows through `classifyHttpError(error, overrides)`.
 */
export const DEFAULT_HTTP_REASON_TABLE: Readonly<Record<string, HttpReasonRow>> = Object.freeze({
  '400': {
    reason: 'accounting_system_validation_failure',
    retryable: false,
    message:
      '{system} rejected the entry as invalid (HTTP 400). Check the entry and the configuration in {system}.',
  },
  '401': {
    reason: 'accounting_system_authentication_failure',
    retryable: false,
    message: '{system} rejected the credentials (HTTP 401). Reconnect the integration to {system}.',
  },
  '403': {
    reason: 'authorization_failure',
    retryable: false,
    message:
      'The connected {system} user or app lacks permission for this operation (HTTP 403). Grant access or reconnect with the required scopes.',
  },
  '404': {
    reason: 'invalid_configuration',
    retryable: false,
    message:
      '{system} did not find the requested resource (HTTP 404). Check the configured organisation, company or base URL.',
  },
  '409': {
    reason: 'accounting_system_validation_failure',
    retryable: false,
    message: '{system} reported a conflict with existing data (HTTP 409). Check the document in {system}.',
  },
  '422': {
    reason: 'accounting_system_validation_failure',
    retryable: false,
    message:
      '{system} rejected the entry as invalid (HTTP 422). Check the entry and the configuration in {system}.',
  },
  '429': {
    reason: 'accounting_system_rate_limit',
    retryable: true,
    message: '{system} rate limit reached (HTTP 429). The export retries automatically later.',
  },
  '500': {
    reason: 'accounting_system_unreachable',
    retryable: true,
    message: '{system} had an internal error (HTTP 500). The export retries automatically.',
  },
  '502': {
    reason: 'accounting_system_unreachable',
    retryable: true,
    message: '{system} is unreachable (HTTP 502). The export retries automatically.',
  },
  '503': {
    reason: 'accounting_system_unreachable',
    retryable: true,
    message: '{system} is unavailable (HTTP 503). The export retries automatically.',
  },
  '504': {
    reason: 'accounting_system_unreachable',
    retryable: true,
    message: '{system} did not answer in time (HTTP 504). The export retries automatically.',
  },
  network: {
    reason: 'accounting_system_unreachable',
    retryable: true,
    message: 'Could not connect to {system} (network error). The export retries automatically.',
  },
  timeout: {
    reason: 'accounting_system_timeout',
    retryable: true,
    message: '{system} did not answer before the timeout. The export retries automatically.',
  },
  default4xx: {
    reason: 'accounting_system_validation_failure',
    retryable: false,
    message: '{system} rejected the request (HTTP {status}).',
  },
  default5xx: {
    reason: 'accounting_system_unreachable',
    retryable: true,
    message: '{system} failed (HTTP {status}). The export retries automatically.',
  },
});

/** Row overrides by key (`409`, `'network'`, …); a partial row merges over the default row. */
export type HttpReasonOverrides = Partial<Record<HttpFailureKey, Partial<HttpReasonRow>>>;
