/**
 * Fortnox's limit as the fake enforces it: at most `requests` arrivals in any sliding window of
 * `windowMs / timeScale` per client id + tenant (spec `info` "Rate limits", erp-apis.md §3). Refused calls
 * are not counted.
 */
export class FortnoxRateWindow {
  private readonly arrivals: number[] = [];
  constructor(
    private readonly requests: number,
    private readonly windowMs: number,
  ) {}

  /** Admits a call arriving at `now`, or says how long (ms) until one would pass. */
  admit(now: number): { ok: true } | { ok: false; retryAfterMs: number } {
    while (this.arrivals.length > 0 && (this.arrivals[0] ?? 0) <= now - this.windowMs) this.arrivals.shift();
    if (this.arrivals.length >= this.requests) {
      return { ok: false, retryAfterMs: (this.arrivals[0] ?? now) + this.windowMs - now };
    }
    this.arrivals.push(now);
    return { ok: true };
  }
}
