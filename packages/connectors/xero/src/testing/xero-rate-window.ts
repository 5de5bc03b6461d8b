/** Xero's per-tenant limits as the fake enforces them (developer.xero.com/faq/limits). */
export interface FakeRateLimits {
  readonly perMinute: number;
  readonly concurrent: number;
  readonly perDay: number;
}

/** Why a call was refused; the value of `X-Rate-Limit-Problem`. */
export type RateProblem = 'minute' | 'concurrent' | 'day';

/** An admitted call: in flight from its arrival until {@link RateTicket.release}'s time. */
export interface RateTicket {
  /** Calls of the tenant in flight when this one arrived, itself included. */
  readonly inFlight: number;
  /** The call's answer leaves at `at` (ms, the window's clock). */
  release(at: number): void;
}

/**
 * Sliding-window accounting of one tenant's calls, by arrival time: at most `perMinute` arrivals in any
 * window of `60 s / timeScale`, `perDay` in `24 h / timeScale`, and `concurrent` in flight — a call is in
 * flight from its arrival until its answer leaves (which may be set in advance, when a transport holds
 * the answer until its latency is over). Times are ms on one monotonic clock (e.g. `performance.now()`)
 * and calls are admitted in arrival order. Refused calls are not counted.
 */
export class RateWindow {
  private readonly minute: number[] = [];
  private readonly day: number[] = [];
  /** Answer times of admitted calls (`Infinity` until released). */
  private readonly open: { until: number }[] = [];
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

  /** Calls in flight at `at`. */
  private inFlightAt(at: number): number {
    for (let i = this.open.length - 1; i >= 0; i--) {
      if ((this.open[i]?.until ?? 0) <= at) this.open.splice(i, 1);
    }
    return this.open.length;
  }

  /** Admits a call arriving at `at` or says which limit it breaks and how long (ms) until it would pass. */
  admit(at: number): ({ ok: true } & RateTicket) | { ok: false; problem: RateProblem; retryAfterMs: number } {
    prune(this.minute, at - this.minuteMs);
    prune(this.day, at - this.dayMs);
    const running = this.inFlightAt(at);
    if (running >= this.limits.concurrent)
      return { ok: false, problem: 'concurrent', retryAfterMs: 1_000 / this.timeScale };
    if (this.day.length >= this.limits.perDay) {
      return { ok: false, problem: 'day', retryAfterMs: (this.day[0] ?? at) + this.dayMs - at };
    }
    if (this.minute.length >= this.limits.perMinute) {
      return { ok: false, problem: 'minute', retryAfterMs: (this.minute[0] ?? at) + this.minuteMs - at };
    }
    this.minute.push(at);
    this.day.push(at);
    const slot = { until: Number.POSITIVE_INFINITY };
    this.open.push(slot);
    return {
      ok: true,
      inFlight: running + 1,
      release: (when: number) => {
        slot.until = when;
      },
    };
  }

  remaining(at: number): { minute: number; day: number } {
    prune(this.minute, at - this.minuteMs);
    prune(this.day, at - this.dayMs);
    return { minute: this.limits.perMinute - this.minute.length, day: this.limits.perDay - this.day.length };
  }
}

function prune(times: number[], olderThan: number): void {
  while (times.length > 0 && (times[0] ?? 0) <= olderThan) times.shift();
}
