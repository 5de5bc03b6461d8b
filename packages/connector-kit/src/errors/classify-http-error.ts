import { ItemError, LedgerportError } from '@ledgerport/core';
import {
  DEFAULT_HTTP_REASON_TABLE,
  type HttpFailureKey,
  type HttpReasonOverrides,
  type HttpReasonRow,
} from './http-reason-table';
import { parseRetryAfter } from './parse-retry-after';

/** Options of {@link classifyHttpError}. */
export interface ClassifyHttpErrorOptions {
  /** ERP name used in messages, e.g. `Xero`. Default `the accounting system`. */
  readonly system?: string;
  /** Current time, for HTTP-date `Retry-After` values. */
  readonly now?: Date;
  /** Extra (secret-free) diagnostic details merged into the error's `details`. */
  readonly details?: Record<string, unknown>;
  /** Replaces the row's message (e.g. the ERP's own validation message, already user-safe). */
  readonly message?: string;
}

/** What {@link describeHttpFailure} found out about a thrown value. */
export interface HttpFailure {
  readonly key: HttpFailureKey;
  /** HTTP status, when the ERP answered. */
  readonly status: number | undefined;
  /** Response headers, when the ERP answered. */
  readonly headers: Headers | undefined;
  /** Parsed response body (ofetch `error.data`), when any. */
  readonly data: unknown;
}

/**
 * Works out which row of the table a thrown value belongs to: an ofetch `FetchError` with a status,
 * a timeout (`TimeoutError` anywhere in the cause chain), or a network failure (anything else).
 */
export function describeHttpFailure(error: unknown): HttpFailure {
  const e = error as { status?: unknown; response?: { headers?: unknown }; data?: unknown } | null;
  const status = typeof e?.status === 'number' ? e.status : undefined;
  const headers = e?.response?.headers instanceof Headers ? e.response.headers : undefined;
  if (status !== undefined) {
    return { key: statusKey(status), status, headers, data: e?.data };
  }
  return {
    key: isTimeout(error) ? 'timeout' : 'network',
    status: undefined,
    headers: undefined,
    data: undefined,
  };
}

/**
 * Turns an HTTP failure (ofetch `FetchError`, fetch `TypeError`, `TimeoutError`) into the `ItemError`
 * of connector-kit's default table ({@link DEFAULT_HTTP_REASON_TABLE}), with `overrides` replacing
 * single rows (e.g. `{ 404: { reason: 'account_unknown' } }`). A 429's `Retry-After` (seconds or
 * HTTP-date) becomes `retryAfterMs`. A `LedgerportError` passes through unchanged.
 *
 * Abort is not a failure reason: use {@link rethrowHttpError} in connectors, which rethrows the
 * signal's reason when `ctx.signal` is aborted.
 *
 * @returns an `ItemError` whose `details` hold `{ status?, kind }` (no URLs, headers or bodies, so no secrets).
 */
export function classifyHttpError(
  error: unknown,
  overrides: HttpReasonOverrides = {},
  options: ClassifyHttpErrorOptions = {},
): ItemError {
  if (LedgerportError.isInstance(error) && error.scope === 'item') return error as ItemError;
  const failure = describeHttpFailure(error);
  const row = resolveRow(failure, overrides);
  const system = options.system ?? 'the accounting system';
  const retryAfterMs =
    failure.headers === undefined
      ? undefined
      : parseRetryAfter(failure.headers.get('retry-after'), options.now);
  const message = (options.message ?? row.message)
    .replaceAll('{system}', system)
    .replaceAll('{status}', String(failure.status ?? ''));
  return new ItemError(row.reason, capitalize(message), {
    retryable: row.retryable,
    retryAfterMs: row.retryable ? retryAfterMs : undefined,
    details: {
      kind: failure.key,
      ...(failure.status === undefined ? {} : { status: failure.status }),
      ...options.details,
    },
    cause: error,
  });
}

/** Options of {@link rethrowHttpError}. */
export interface RethrowHttpErrorOptions extends ClassifyHttpErrorOptions {
  /** The job's signal (`ctx.signal`): when aborted, its reason is rethrown instead of a failure reason. */
  readonly signal?: AbortSignal;
  readonly overrides?: HttpReasonOverrides;
}

/**
 * The `catch` clause of every connector HTTP call: rethrows the abort reason when `signal` is aborted,
 * a `LedgerportError` as is, and anything else as {@link classifyHttpError}'s `ItemError`.
 * @throws always.
 */
export function rethrowHttpError(error: unknown, options: RethrowHttpErrorOptions = {}): never {
  if (options.signal?.aborted) throw options.signal.reason ?? error;
  if (LedgerportError.isInstance(error)) throw error;
  throw classifyHttpError(error, options.overrides, options);
}

function resolveRow(failure: HttpFailure, overrides: HttpReasonOverrides): HttpReasonRow {
  const exact = failure.status === undefined ? failure.key : failure.status;
  const base =
    DEFAULT_HTTP_REASON_TABLE[String(exact)] ??
    DEFAULT_HTTP_REASON_TABLE[String(failure.key)] ??
    (DEFAULT_HTTP_REASON_TABLE.default5xx as HttpReasonRow);
  const override = overrides[exact] ?? (exact === failure.key ? undefined : overrides[failure.key]);
  return { ...base, ...override };
}

function statusKey(status: number): HttpFailureKey {
  if (DEFAULT_HTTP_REASON_TABLE[String(status)] !== undefined) return status;
  return status >= 500 ? 'default5xx' : 'default4xx';
}

function isTimeout(error: unknown): boolean {
  let current: unknown = error;
  for (let depth = 0; depth < 5 && current !== null && typeof current === 'object'; depth++) {
    const c = current as { name?: unknown; cause?: unknown; code?: unknown };
    if (c.name === 'TimeoutError' || c.code === 'UND_ERR_HEADERS_TIMEOUT' || c.code === 'ETIMEDOUT')
      return true;
    current = c.cause;
  }
  return false;
}

function capitalize(text: string): string {
  return text.length === 0 ? text : text[0]?.toUpperCase() + text.slice(1);
}
