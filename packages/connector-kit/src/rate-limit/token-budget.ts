/**
 * A counted budget of call tokens with a FIFO of waiters: the per-window and per-day budgets of
 * {@link createTenantRateLimiter}. Taking a token that is there is synchronous (no timer, no extra
 * event-loop turn); a waiter is woken in the same tick its token comes back.
 */
export class TokenBudget {
  private readonly waiters: { readonly wake: () => void }[] = [];

  /** @param remaining - tokens available now (e.g. `requests` per window). */
  constructor(private remaining: number) {}

  /** Tokens left now (may be negative while a server header has lowered the budget). */
  get available(): number {
    return this.remaining;
  }

  /** Calls waiting for a token. */
  get waiting(): number {
    return this.waiters.length;
  }

  /**
   * Takes one token, waiting in FIFO order while none is left.
   * @throws `signal.reason` when `signal` aborts while waiting (the token is not taken).
   */
  take(signal?: AbortSignal): Promise<void> | undefined {
    if (this.remaining > 0 && this.waiters.length === 0) {
      this.remaining--;
      return undefined;
    }
    return new Promise<void>((resolve, reject) => {
      const waiter = {
        wake: () => {
          signal?.removeEventListener('abort', onAbort);
          this.remaining--;
          resolve();
        },
      };
      const onAbort = () => {
        const index = this.waiters.indexOf(waiter);
        if (index >= 0) this.waiters.splice(index, 1);
        reject(signal?.reason);
        this.drain(); // an aborted head must not block the ones behind it
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      this.waiters.push(waiter);
    });
  }

  /** Gives `count` tokens back (negative `count` lowers the budget) and wakes waiters it covers. */
  add(count: number): void {
    this.remaining += count;
    this.drain();
  }

  private drain(): void {
    while (this.remaining > 0) {
      const next = this.waiters.shift();
      if (next === undefined) return;
      next.wake();
    }
  }
}
