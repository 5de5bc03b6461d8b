/**
 * The sandbox's notion of "now": job expiry (3600 s after `lastUpdatedAt`) and receipt URL expiry
 * (24 h after an export item was fetched) are computed from it, so tests can move time instead of
 * waiting.
 */
export interface SandboxClock {
  /** The current instant. */
  now(): Date;
  /**
   * Moves the clock forward by `ms` milliseconds; throws `RangeError` unless `ms` is finite and ≥ 0. With an injected `now` function the
   * offset is added to what that function returns.
   */
  advance(ms: number): void;
}

/**
 * Creates a clock reading `base()` (default: the system clock) plus an offset that `advance` grows.
 *
 * @throws RangeError when `advance` gets a negative or non-finite number of milliseconds.
 */
export function createSandboxClock(base: () => Date = () => new Date()): SandboxClock {
  let offsetMs = 0;
  return {
    now: () => new Date(base().getTime() + offsetMs),
    advance(ms: number) {
      if (!Number.isFinite(ms) || ms < 0) {
        throw new RangeError(`clock.advance(ms): ms must be a finite number ≥ 0, got ${ms}`);
      }
      offsetMs += ms;
    },
  };
}

/**
 * Formats an instant the way the Export API does (`YYYY-MM-DDTHH:mm:ssZ`, UTC, whole seconds).
 */
export function formatApiDateTime(date: Date): string {
  return `${date.toISOString().slice(0, 19)}Z`;
}
