/**
 * Parses an HTTP `Retry-After` header (RFC 9110 §10.2.3) into a wait in milliseconds.
 *
 * - delay-seconds (`"120"`, `"1.5"` is tolerated) → seconds × 1000;
 * - HTTP-date (`"Wed, 21 Oct 2026 07:28:00 GMT"`) → the time from `now` until then, floored at 0.
 *
 * @param header - the raw header value; `null`/`undefined`/empty → `undefined`.
 * @param now - the current time (inject the context's clock in tests).
 * @returns milliseconds to wait (≥ 0), or `undefined` when absent or unparseable.
 */
export function parseRetryAfter(
  header: string | null | undefined,
  now: Date = new Date(),
): number | undefined {
  if (header === null || header === undefined) return undefined;
  const value = header.trim();
  if (value === '') return undefined;
  if (/^\d+(\.\d+)?$/.test(value)) return Math.round(Number(value) * 1000);
  if (!/[a-z]/i.test(value)) return undefined; // not an HTTP-date (Date.parse accepts bare years)
  const at = Date.parse(value);
  if (Number.isNaN(at)) return undefined;
  return Math.max(0, at - now.getTime());
}
