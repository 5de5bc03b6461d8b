/**
 * `PleoApiError`: every failure of a Pleo Export API call (HTTP error, network error, timeout,
 * unexpected response body). Error bodies follow `ExceptionInfo` of `export-openapi.yml`.
 */
import type { ExportJobFailureReasonType } from '../schemas/enums';

const brand = Symbol.for('@ledgerport/pleo/PleoApiError');

/** Constructor fields of {@link PleoApiError}. */
export interface PleoApiErrorInit {
  /** Human-readable message; never contains credentials. */
  message: string;
  /** HTTP status, or undefined for network errors and timeouts. */
  status?: number | undefined;
  /** Pleo's `ExceptionInfo.type` (e.g. `EXPORT_NOT_FOUND`), as sent. */
  type?: string | undefined;
  /** Pleo's `ExceptionInfo.message`, as sent (credentials redacted). */
  pleoMessage?: string | undefined;
  /** The job failure reason this error maps to when it ends a job (see class docs). */
  failureReasonType?: ExportJobFailureReasonType | undefined;
  /** Whether repeating the same request later may succeed (429, 5xx, network, timeout). */
  retryable?: boolean;
  /** Server-requested wait before retrying (`Retry-After`), in milliseconds. */
  retryAfterMs?: number | undefined;
  /** `METHOD /path` of the failed call (no query string, no credentials). */
  operation?: string | undefined;
  /** Number of HTTP attempts made, including retries. */
  attempts?: number;
  cause?: unknown;
}

/**
 * A failed Pleo Export API call.
 *
 * - `status`: HTTP status (`undefined` for network errors/timeouts).
 * - `type`: Pleo's `ExceptionInfo.type` — upper case in the spec (`EXPORT_NOT_FOUND`), lower case in
 *   Pleo's error-type docs; compare with {@link isPleoErrorType}, which ignores case.
 * - `failureReasonType`: the `ExportJobFailureReasonType` to send if this error ends the job:
 *   401 → `authentication_failure`, 403 → `authorization_failure`, 429 past the retry budget →
 *   `pleo_rate_limit`, 5xx / network error past the budget → `service_unreachable`, timeout (or
 *   408/504) past the budget → `service_timeout`; `undefined` for other 4xx (the caller decides).
 * - `retryable`: true for 429, 5xx, network errors and timeouts (already retried by the client
 *   with backoff when thrown from it; a later attempt may still succeed).
 *
 * The message names the operation, status and Pleo's `type`/`message`; it never contains the API
 * key or token.
 */
export class PleoApiError extends Error {
  override readonly name = 'PleoApiError';
  readonly status: number | undefined;
  readonly type: string | undefined;
  readonly pleoMessage: string | undefined;
  readonly failureReasonType: ExportJobFailureReasonType | undefined;
  readonly retryable: boolean;
  readonly retryAfterMs: number | undefined;
  readonly operation: string | undefined;
  readonly attempts: number;
  readonly [brand] = true;

  constructor(init: PleoApiErrorInit) {
    super(init.message, init.cause === undefined ? undefined : { cause: init.cause });
    this.status = init.status;
    this.type = init.type;
    this.pleoMessage = init.pleoMessage;
    this.failureReasonType = init.failureReasonType;
    this.retryable = init.retryable ?? false;
    this.retryAfterMs = init.retryAfterMs;
    this.operation = init.operation;
    this.attempts = init.attempts ?? 1;
  }

  /** True for any `PleoApiError`, also across duplicate copies of this package (realm-safe brand). */
  static isInstance(error: unknown): error is PleoApiError {
    return typeof error === 'object' && error !== null && (error as Record<symbol, unknown>)[brand] === true;
  }
}

/**
 * True when `error` is a {@link PleoApiError} whose Pleo `type` equals `type`, ignoring case:
 * `isPleoErrorType(e, 'export_not_found')` matches `EXPORT_NOT_FOUND`.
 */
export function isPleoErrorType(error: unknown, type: string): error is PleoApiError {
  return PleoApiError.isInstance(error) && error.type?.toLowerCase() === type.toLowerCase();
}
