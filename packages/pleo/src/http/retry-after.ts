/** Parsing of the HTTP `Retry-After` header (RFC 9110 §10.2.3). */

/**
 * Milliseconds to wait according to a `Retry-After` value (RFC 9110 §10.2.3): either delay-seconds (`"120"`) or an
 * HTTP-date (`"Wed, 21 Oct 2026 07:28:00 GMT"`, measured against `now`; a past date gives 0).
 * Returns `undefined` for a missing or unparsable value; never throws. Delay-seconds become
 * `seconds × 1000`; the result is always a non-negative integer count of milliseconds.
 */
export function parseRetryAfter(
  value: string | null | undefined,
  now: number = Date.now(),
): number | undefined {
  if (value == null) return undefined;
  const trimmed = value.trim();
  if (trimmed === '') return undefined;
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1000;
  // An HTTP-date always names the weekday and month; this rejects "-5", "1.5" and similar.
  if (!/[a-z]/i.test(trimmed)) return undefined;
  const date = Date.parse(trimmed);
  if (Number.isNaN(date)) return undefined;
  return Math.max(0, date - now);
}
