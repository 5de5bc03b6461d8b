/**
 * One HTTP exchange with the Export API, with retries: ofetch does the request (its own retry is
 * off), cockatiel retries 429 / 5xx / network errors / timeouts with exponential backoff (decorrelated
 * jitter) that yields to the server's `Retry-After`. Errors become {@link PleoApiError}.
 */
import {
  DelegateBackoff,
  ExponentialBackoff,
  handleWhen,
  type IBackoff,
  type IRetryBackoffContext,
  retry,
} from 'cockatiel';
import { createFetch, type FetchResponse } from 'ofetch';
import { PleoApiError } from '../errors/pleo-api-error';
import { PleoInputError } from '../errors/pleo-input-error';
import type { ExportJobFailureReasonType } from '../schemas/enums';
import { exceptionInfoSchema } from '../schemas/exception-info';
import { type PleoAuth, redactSecrets, resolveAuthorization } from './auth';
import { parseRetryAfter } from './retry-after';

/** Retry budget for 429, 5xx, network errors and timeouts. */
export interface PleoRetryOptions {
  /** Retries after the first attempt (default 4; 0 disables retrying). */
  retries?: number;
  /** First backoff delay in ms (default 250). */
  minDelayMs?: number;
  /**
   * Longest single wait in ms (default 30 000). A `Retry-After` longer than this is not waited
   * out: the error is thrown at once (`pleo_rate_limit`, with `retryAfterMs`) so the caller can
   * reschedule.
   */
  maxDelayMs?: number;
  /** Called before each retry wait, e.g. for logging (the error message holds no secrets). */
  onRetry?: (event: { attempt: number; delayMs: number; error: PleoApiError }) => void;
}

/** Settings of {@link createTransport}. */
export interface TransportOptions {
  baseUrl: string;
  auth: PleoAuth;
  retry?: PleoRetryOptions | undefined;
  /** Per-attempt timeout in ms (default 30 000). */
  timeoutMs?: number | undefined;
  /** The fetch implementation (default: `globalThis.fetch`, looked up on every call). */
  fetch?: typeof globalThis.fetch | undefined;
}

/** A query value: repeated keys for arrays (`statuses=a&statuses=b`, OpenAPI form/explode). */
export type QueryValue = string | number | boolean | readonly string[] | undefined;

/** One request to send. `path` starts with `/v3/`. */
export interface TransportRequest {
  method: 'GET' | 'POST' | 'PUT';
  path: string;
  query?: Record<string, QueryValue>;
  body?: unknown;
}

/** A successful (2xx) response: status and parsed JSON body (`undefined` when empty). */
export interface TransportResponse {
  status: number;
  data: unknown;
}

/** Sends requests; throws {@link PleoApiError}. */
export interface Transport {
  request(request: TransportRequest): Promise<TransportResponse>;
}

const DEFAULT_RETRIES = 4;
const DEFAULT_MIN_DELAY_MS = 250;
const DEFAULT_MAX_DELAY_MS = 30_000;
const DEFAULT_TIMEOUT_MS = 30_000;

/** Creates a transport bound to one base URL and credential. */
export function createTransport(options: TransportOptions): Transport {
  const retries = nonNegativeInteger(options.retry?.retries ?? DEFAULT_RETRIES, 'retry.retries');
  const minDelayMs = nonNegativeInteger(
    options.retry?.minDelayMs ?? DEFAULT_MIN_DELAY_MS,
    'retry.minDelayMs',
  );
  const maxDelayMs = nonNegativeInteger(
    options.retry?.maxDelayMs ?? DEFAULT_MAX_DELAY_MS,
    'retry.maxDelayMs',
  );
  const timeoutMs = nonNegativeInteger(options.timeoutMs ?? DEFAULT_TIMEOUT_MS, 'timeoutMs');
  if (timeoutMs === 0)
    throw new PleoInputError('timeoutMs must be greater than 0 (milliseconds per attempt).');

  const fetchImpl = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
  const $fetch = createFetch({ fetch: fetchImpl });

  const exponential = new ExponentialBackoff({ initialDelay: minDelayMs, maxDelay: maxDelayMs });
  const backoff = new DelegateBackoff<IRetryBackoffContext<unknown>, IBackoff<unknown> | undefined>(
    (context, previous) => {
      const step = previous ? previous.next(context) : exponential.next();
      const error = 'error' in context.result ? context.result.error : undefined;
      const retryAfterMs = PleoApiError.isInstance(error) ? error.retryAfterMs : undefined;
      return { delay: retryAfterMs ?? step.duration, state: step };
    },
  );
  const policy = retry(
    handleWhen(
      (error) => PleoApiError.isInstance(error) && error.retryable && (error.retryAfterMs ?? 0) <= maxDelayMs,
    ),
    { maxAttempts: retries, backoff },
  );
  const onRetry = options.retry?.onRetry;
  if (onRetry) {
    policy.onRetry((event) => {
      if ('error' in event && PleoApiError.isInstance(event.error)) {
        onRetry({ attempt: event.attempt, delayMs: event.delay, error: event.error });
      }
    });
  }

  async function attempt(request: TransportRequest, attemptNumber: number): Promise<TransportResponse> {
    const operation = `${request.method} ${request.path}`;
    let secret: string | undefined;
    let authorization: string;
    try {
      const resolved = await resolveAuthorization(options.auth);
      authorization = resolved.header;
      secret = resolved.secret;
    } catch (error) {
      if (error instanceof PleoInputError) throw error;
      throw new PleoApiError({
        message: `Pleo API ${operation}: the access-token getter failed; check the OAuth token refresh.`,
        failureReasonType: 'authentication_failure',
        operation,
        attempts: attemptNumber,
        cause: error,
      });
    }
    const redact = (text: string) => (secret ? redactSecrets(text, [secret]) : text);

    const signal = AbortSignal.timeout(timeoutMs);
    let response: FetchResponse<unknown>;
    try {
      response = await $fetch.raw(request.path, {
        baseURL: options.baseUrl,
        method: request.method,
        query: toQuery(request.query),
        headers: {
          authorization,
          accept: 'application/json',
          ...(request.body === undefined ? {} : { 'content-type': 'application/json;charset=UTF-8' }),
        },
        ...(request.body === undefined ? {} : { body: request.body as Record<string, unknown> }),
        signal,
        retry: false,
        ignoreResponseError: true,
        responseType: 'json',
      });
    } catch (error) {
      const timedOut = signal.aborted;
      const cause = rootCause(error);
      const detail = redact(cause instanceof Error ? cause.message : String(cause));
      throw new PleoApiError({
        message: timedOut
          ? `Pleo API ${operation} timed out after ${timeoutMs} ms${attemptsSuffix(attemptNumber)}.`
          : `Pleo API ${operation} could not be reached (${detail})${attemptsSuffix(attemptNumber)}.`,
        failureReasonType: timedOut ? 'service_timeout' : 'service_unreachable',
        retryable: true,
        operation,
        attempts: attemptNumber,
        cause: timedOut ? undefined : cause,
      });
    }

    if (response.status >= 200 && response.status < 300) {
      return { status: response.status, data: response._data };
    }
    throw httpError(response, operation, attemptNumber, redact);
  }

  return {
    request(request) {
      return policy.execute((context) => attempt(request, context.attempt + 1));
    },
  };
}

function httpError(
  response: FetchResponse<unknown>,
  operation: string,
  attempts: number,
  redact: (text: string) => string,
): PleoApiError {
  const status = response.status;
  const body = exceptionInfoSchema.safeParse(response._data);
  const type = body.success ? body.data.type : undefined;
  const pleoMessage = body.success && body.data.message !== undefined ? redact(body.data.message) : undefined;
  const retryAfterMs = parseRetryAfter(response.headers.get('retry-after'));
  const { failureReasonType, retryable } = classifyStatus(status);
  const what = [type, pleoMessage].filter(Boolean).join(': ') || response.statusText || 'no error body';
  return new PleoApiError({
    message: `Pleo API ${operation} answered HTTP ${status} (${what})${attemptsSuffix(attempts)}.${hintFor(status)}`,
    status,
    type,
    pleoMessage,
    failureReasonType,
    retryable,
    retryAfterMs: retryable ? retryAfterMs : undefined,
    operation,
    attempts,
  });
}

/** HTTP status → job failure reason and retryability (see `PleoApiError`). */
function classifyStatus(status: number): {
  failureReasonType: ExportJobFailureReasonType | undefined;
  retryable: boolean;
} {
  if (status === 401) return { failureReasonType: 'authentication_failure', retryable: false };
  if (status === 403) return { failureReasonType: 'authorization_failure', retryable: false };
  if (status === 429) return { failureReasonType: 'pleo_rate_limit', retryable: true };
  if (status === 408 || status === 504) return { failureReasonType: 'service_timeout', retryable: true };
  if (status >= 500) return { failureReasonType: 'service_unreachable', retryable: true };
  return { failureReasonType: undefined, retryable: false };
}

function hintFor(status: number): string {
  if (status === 401) return ' Check the API key or OAuth access token (and the environment it belongs to).';
  if (status === 403)
    return ' The credential lacks a scope (export-jobs:read/write, export-items:read) or company access.';
  return '';
}

function attemptsSuffix(attempts: number): string {
  return attempts > 1 ? ` after ${attempts} attempts` : '';
}

function toQuery(query: Record<string, QueryValue> | undefined): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value === undefined) continue;
    out[key] = Array.isArray(value) ? [...value] : String(value);
  }
  return out;
}

function rootCause(error: unknown): unknown {
  let current = error;
  for (let depth = 0; depth < 5; depth++) {
    if (!(current instanceof Error) || current.cause === undefined) break;
    current = current.cause;
  }
  return current;
}

function nonNegativeInteger(value: number, field: string): number {
  if (!Number.isInteger(value) || value < 0) {
    throw new PleoInputError(`${field} must be a non-negative integer, got ${String(value)}.`, [
      { path: field, message: 'expected a non-negative integer' },
    ]);
  }
  return value;
}
