/** Xero's per-tenant limits as the fake enforces them (developer.xero.com/faq/limits). */
export interface FakeRateLimits {
  readonly perMinute: number;
  readonly concurrent: number;
  readonly perDay: number;
}

/** Why a call was refused; the value of `X-Rate-Limit-Problem`. */
export type RateProblem = 'minute' | 'concurrent' | 'day';

/**
 * Sliding-window accounting of one tenant's calls: at most `perMinute` arrivals in any window of
 * `60 s / timeScale`, `perDay` in `24 h / timeScale`, `concurrent` in flight. Refused calls are not counted.
 */
export class RateWindow {
  private readonly minute: number[] = [];
  private readonly day: number[] = [];
  private inFlight = 0;
  constructor(
    private readonly limits: FakeRateLimits,
    private readonly timeScale: number,
  ) {}

  private get minuteMs(): number {
    return 60_000 / this.timeScale;
  }
  private get dayMs(): number {
    return 86_400_000 / this.timeScale;
  }

  /** Admits a call at `now` or says which limit it breaks and how long (ms) until it would pass. */
  admit(now: number): { ok: true } | { ok: false; problem: RateProblem; retryAfterMs: number } {
    prune(this.minute, now - this.minuteMs);
    prune(this.day, now - this.dayMs);
    if (this.inFlight >= this.limits.concurrent)
      return { ok: false, problem: 'concurrent', retryAfterMs: 1_000 / this.timeScale };
    if (this.day.length >= this.limits.perDay) {
      return { ok: false, problem: 'day', retryAfterMs: (this.day[0] ?? now) + this.dayMs - now };
    }
    if (this.minute.length >= this.limits.perMinute) {
      return { ok: false, problem: 'minute', retryAfterMs: (this.minute[0] ?? now) + this.minuteMs - now };
    }
    this.minute.push(now);
    this.day.push(now);
    this.inFlight++;
    return { ok: true };
  }

  /** Marks an admitted call finished. */
  release(): void {
    this.inFlight = Math.max(0, this.inFlight - 1);
  }

  remaining(now: number): { minute: number; day: number } {
    prune(this.minute, now - this.minuteMs);
    prune(this.day, now - this.dayMs);
    return { minute: this.limits.perMinute - this.minute.length, day: this.limits.perDay - this.day.length };
  }
}

function prune(times: number[], olderThan: number): void {
  while (times.length > 0 && (times[0] ?? 0) <= olderThan) times.shift();
}
