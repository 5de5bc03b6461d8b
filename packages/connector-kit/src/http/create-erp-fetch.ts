import type { Logger } from '@ledgerport/core';
import { type $Fetch, type FetchContext, type FetchOptions, ofetch } from 'ofetch';
import { describeRequestForLog, type HeadersLike } from '../redaction/redact-http';

/** Default per-request timeout: 30 s. */
export const DEFAULT_ERP_TIMEOUT_MS = 30_000;

/** Options of {@link createErpFetch}. */
export interface ErpFetchOptions {
  /** ERP API base URL, e.g. `https://api.xero.com/api.xro/2.0`. */
  readonly baseURL: string;
  /** Headers on every request; a function is called per request (e.g. to add a fresh bearer token). */
  readonly headers?: HeadersLike | (() => HeadersLike | Promise<HeadersLike>);
  /** Per-request timeout in ms (default {@link DEFAULT_ERP_TIMEOUT_MS}); fails with a `TimeoutError`. */
  readonly timeoutMs?: number;
  /** Cancels every request (pass `ctx.signal`); combined with the timeout and any per-call signal. */
  readonly signal?: AbortSignal;
  /** Gets one redacted `debug` line per response / request error (method, path, status, ms). */
  readonly logger?: Logger;
  /** Secret values to scrub from the log lines (tokens, keys). */
  readonly secretValues?: readonly string[];
  /** Called before each request (after headers are set). */
  readonly onRequest?: (context: FetchContext) => void | Promise<void>;
  /** Called with every response, including error statuses (e.g. to feed rate-limit headers to a limiter). */
  readonly onResponse?: (context: FetchContext & { response: Response }) => void | Promise<void>;
  /** The `fetch` to use (default: the global one at call time, which msw intercepts). */
  readonly fetch?: typeof globalThis.fetch;
}

/**
 * An ofetch instance preset for an ERP edge (issue #3, connector-kit):
 * - ofetch's own retries are OFF (`retry: false`): core retries typed errors, connectors never do;
 * - every request gets `AbortSignal.any([options.signal, perCallSignal, AbortSignal.timeout(timeoutMs)])`,
 *   so a canceled job rejects promptly with the signal's reason and a slow ERP fails with a `TimeoutError`
 *   (ofetch's own `timeout` is ignored whenever a signal is given, hence this);
 * - JSON by default (`Accept: application/json`), errors as ofetch `FetchError` (`status`, `data`,
 *   `response.headers`) for `classifyHttpError`;
 * - redacted debug logging, never headers or bodies.
 */
export function createErpFetch(options: ErpFetchOptions): $Fetch {
  const timeoutMs = options.timeoutMs ?? DEFAULT_ERP_TIMEOUT_MS;
  const secrets = options.secretValues ?? [];
  const started = new WeakMap<object, number>();
  const log = (context: FetchContext, status: number | string) => {
    if (options.logger === undefined) return;
    const begun = started.get(context.options);
    options.logger.debug('erp http', {
      ...describeRequestForLog(context.request, context.options.method ?? 'GET', secrets),
      status,
      ...(begun === undefined ? {} : { ms: Math.round(performance.now() - begun) }),
    });
  };
  const defaults: FetchOptions = {
    baseURL: options.baseURL,
    retry: false,
    headers: { accept: 'application/json' },
    async onRequest(context) {
      if (options.headers !== undefined) {
        const extra = new Headers(
          typeof options.headers === 'function' ? await options.headers() : options.headers,
        );
        for (const [name, value] of extra) {
          if (!context.options.headers.has(name) || name === 'accept')
            context.options.headers.set(name, value);
        }
      }
      const signals: AbortSignal[] = [AbortSignal.timeout(timeoutMs)];
      if (options.signal !== undefined) signals.push(options.signal);
      if (context.options.signal) signals.push(context.options.signal);
      context.options.signal = AbortSignal.any(signals);
      started.set(context.options, performance.now());
      await options.onRequest?.(context);
    },
    async onResponse(context) {
      log(context, context.response.status);
      await options.onResponse?.(context);
    },
    onRequestError(context) {
      log(context, context.error.name);
    },
  };
  return ofetch.create(defaults, options.fetch === undefined ? {} : { fetch: options.fetch });
}
