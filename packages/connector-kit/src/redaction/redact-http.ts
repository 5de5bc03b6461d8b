import { REDACTED, redactSecrets, redactText } from '@ledgerport/core';

/** Anything `new Headers(…)` accepts. */
export type HeadersLike = ConstructorParameters<typeof Headers>[0];

/** Query parameters whose values are always redacted in logged URLs (OAuth codes, tokens, keys). */
const SECRET_QUERY_PARAMS = new Set([
  'code',
  'access_token',
  'refresh_token',
  'client_secret',
  'token',
  'apikey',
  'api_key',
  'key',
  'signature',
  'sig',
]);

/**
 * A URL safe to log: values of secret-looking query parameters become `[REDACTED]`, user info is
 * dropped, and every secret value is scrubbed from what remains.
 * @param url - absolute or relative URL.
 */
export function redactUrl(url: string, secretValues: readonly string[] = []): string {
  let out = url;
  try {
    const parsed = new URL(url, 'http://relative.invalid');
    parsed.username = '';
    parsed.password = '';
    for (const name of [...parsed.searchParams.keys()]) {
      if (SECRET_QUERY_PARAMS.has(name.toLowerCase())) parsed.searchParams.set(name, REDACTED);
    }
    out =
      parsed.origin === 'http://relative.invalid' ? `${parsed.pathname}${parsed.search}` : parsed.toString();
  } catch {
    // not a URL: fall through to value scrubbing
  }
  return redactText(decodeURIComponent(out), secretValues);
}

/**
 * Headers as a plain object safe to log: `Authorization`, cookies, API keys and any header holding a
 * secret value are redacted (through core's `redactSecrets`).
 */
export function redactHeaders(
  headers: HeadersLike | undefined,
  secretValues: readonly string[] = [],
): Record<string, string> {
  const plain = Object.fromEntries(new Headers(headers ?? {}));
  return redactSecrets(plain, secretValues) as Record<string, string>;
}

/**
 * The fields of one request log line: `{ method, url }` with the URL redacted by {@link redactUrl}.
 * Bodies and headers are deliberately not logged.
 */
export function describeRequestForLog(
  request: Request | string | URL,
  method: string,
  secretValues: readonly string[] = [],
): { method: string; url: string } {
  const url = typeof request === 'string' ? request : request instanceof URL ? request.href : request.url;
  return { method: method.toUpperCase(), url: redactUrl(url, secretValues) };
}

/** Deep-redacts a request/response body or error for logging (core's `redactSecrets`). */
export function redactForLog<T>(
  value: T,
  secretValues: readonly string[] = [],
  secretKeys: readonly string[] = [],
): T {
  return redactSecrets(value, secretValues, secretKeys) as T;
}
