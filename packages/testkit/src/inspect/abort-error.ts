/**
 * True when `error` is the abort of `signal`: the signal's `reason` itself, a `DOMException` /
 * `Error` named `AbortError`, or an error whose `cause` chain (up to 5 levels) contains one of those.
 */
export function isAbortError(error: unknown, signal: AbortSignal): boolean {
  let current: unknown = error;
  for (let depth = 0; depth < 6 && current !== undefined && current !== null; depth++) {
    if (current === signal.reason) return true;
    if (typeof current === 'object' && (current as { name?: unknown }).name === 'AbortError') return true;
    current = typeof current === 'object' ? (current as { cause?: unknown }).cause : undefined;
  }
  return false;
}
