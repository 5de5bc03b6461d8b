import type { RateLimits } from '@ledgerport/core';
import pLimit, { type LimitFunction } from 'p-limit';
import { parseRetryAfter } from '../errors/parse-retry-after';
import { TokenBudget } from './token-budget';

/** Options of {@link createTenantRateLimiter}. */
export interface TenantRateLimiterOptions {
  /** The connector's `manifest.rateLimits` (per tenant). */
  readonly rateLimits: RateLimits;
  /**
   * Divides every window (minute, day) by this factor, for ERP fakes that compress time (a fake
   * enforcing "60 calls per 6 s" pairs with `timeScale: 10`). Default 1.
   */
  readonly timeScale?: number;
  /** Response header holding the calls left in the current short window. Default `x-minlimit-remaining`. */
  readonly windowRemainingHeader?: string;
  /** Response header holding the calls left today. Default `x-daylimit-remaining`. */
  readonly dayRemainingHeader?: string;
  /** Minimum spacing between request starts in ms. Default 0. */
  readonly minTimeMs?: number;
  /** Extra wait before a token returns, in ms (after the call finished and one window passed). Default 0. */
  readonly safetyMarginMs?: number;
}

/** Live numbers of one tenant's limiter, for tests and metrics. */
export interface TenantRateLimiterStats {
  readonly running: number;
  readonly queued: number;
  /** Calls the limiter may still start in the current window. */
  readonly windowRemaining: number | null;
  /** Calls the limiter may still start today, when a daily cap is set. */
  readonly dayRemaining: number | null;
  /** Epoch ms until which the tenant is paused (after a 429), or 0. */
  readonly pausedUntil: number;
}

/** A per-tenant limiter shared by every call a connector makes to one ERP. */
export interface TenantRateLimiter {
  /**
   * Runs `task` when the tenant's budget allows: at most `maxConcurrent` at once, at most `requests`
   * started in any sliding `windowMs` (and `perDay` per day), never during a pause. Rejects promptly
   * with `signal.reason` when `signal` aborts while queued.
   */
  schedule<T>(tenant: string, task: () => Promise<T>, signal?: AbortSignal): Promise<T>;
  /**
   * Feeds a response's headers back: `X-MinLimit-Remaining` / `X-DayLimit-Remaining` lower the local
   * budget when other processes share the tenant; a 429's `Retry-After` pauses the tenant.
   */
  observe(tenant: string, status: number, headers: Headers): void;
  /** Starts no call for `tenant` during the next `ms` milliseconds. */
  pause(tenant: string, ms: number): void;
  stats(tenant: string): Promise<TenantRateLimiterStats>;
  /** Stops every limiter and timer (pending token refills are dropped). */
  disconnect(): Promise<void>;
}

interface TenantState {
  /** At most `maxConcurrent` calls hold a slot (p-limit, FIFO); a slot is held from start to finish. */
  readonly slots: LimitFunction;
  /** Tokens of the sliding short window (`requests`). */
  readonly window: TokenBudget;
  /** Tokens of the day (`perDay`); `undefined` without a daily cap. */
  readonly day: TokenBudget | undefined;
  pausedUntil: number;
  /** Earliest start of the next call (`minTimeMs` spacing). */
  nextStartAt: number;
  /** Calls inside `task` right now. */
  running: number;
}

const DAY_MS = 86_400_000;

/**
 * Per-tenant rate limiter configured from `manifest.rateLimits`: p-limit (a well-kept library) bounds
 * the calls in flight to `maxConcurrent`, FIFO; two {@link TokenBudget}s bound the starts per sliding
 * window (`requests` per `windowMs`) and per day (`perDay`).
 *
 * A token is taken when a call starts and handed back `windowMs + safetyMarginMs` after that call
 * *finished*. The ERP counted the call when it arrived, which is before it answered, so every sliding
 * window the ERP sees holds at most `requests` calls whatever the network or event-loop delays — unlike
 * a fixed reservoir refresh, which can allow two windows' worth of calls across a boundary. The cost is
 * one call duration per window (≈ 1.6 % at 100 ms per call and 60 calls per 6 s). Server headers only
 * ever lower the budget, for one window.
 *
 * Starting a queued call costs no timer and no extra event-loop turn (microtasks only): when a call
 * finishes, the next one starts in the same tick, so `maxConcurrent` calls stay in flight back to back.
 * (Bottleneck, used before, yields a `setTimeout(0)` in each of its datastore steps — ≈ 2–3 ms per call
 * start, which at 5 × 100 ms calls was ≈ 3 % of the ceiling per round.)
 */
export function createTenantRateLimiter(options: TenantRateLimiterOptions): TenantRateLimiter {
  const scale = options.timeScale ?? 1;
  if (!(scale > 0)) throw new RangeError('createTenantRateLimiter: timeScale must be a positive number.');
  const { requests, windowMs, maxConcurrent, perDay } = options.rateLimits;
  const windowLength = windowMs / scale;
  const dayLength = DAY_MS / scale;
  const minTime = options.minTimeMs ?? 0;
  const windowHeader = (options.windowRemainingHeader ?? 'x-minlimit-remaining').toLowerCase();
  const dayHeader = (options.dayRemainingHeader ?? 'x-daylimit-remaining').toLowerCase();
  const tenants = new Map<string, TenantState>();
  const timers = new Set<NodeJS.Timeout>();
  // Refill timers are unref'd so an idle limiter never holds a process open; while calls wait in a
  // queue, one ref'd handle keeps the event loop alive until their tokens come back.
  let waiting = 0;
  let keepAlive: NodeJS.Timeout | undefined;
  const hold = () => {
    waiting++;
    keepAlive ??= setInterval(() => {}, 1 << 30);
  };
  const release = () => {
    waiting--;
    if (waiting === 0 && keepAlive !== undefined) {
      clearInterval(keepAlive);
      keepAlive = undefined;
    }
  };

  const margin = options.safetyMarginMs ?? 0;
  /** Gives `count` tokens back to `budget` after `ms` milliseconds. */
  const refillAfter = (budget: TokenBudget, ms: number, count = 1) => {
    const timer = setTimeout(
      () => {
        timers.delete(timer);
        budget.add(count);
      },
      Math.max(0, ms),
    );
    timer.unref?.();
    timers.add(timer);
  };

  const stateOf = (tenant: string): TenantState => {
    let state = tenants.get(tenant);
    if (state === undefined) {
      state = {
        slots: pLimit(maxConcurrent ?? Number.POSITIVE_INFINITY),
        window: new TokenBudget(requests),
        day: perDay === undefined ? undefined : new TokenBudget(perDay),
        pausedUntil: 0,
        nextStartAt: 0,
        running: 0,
      };
      tenants.set(tenant, state);
    }
    return state;
  };

  const pause = (tenant: string, ms: number) => {
    const state = stateOf(tenant);
    state.pausedUntil = Math.max(state.pausedUntil, Date.now() + ms);
  };

  return {
    schedule<T>(tenant: string, task: () => Promise<T>, signal?: AbortSignal): Promise<T> {
      signal?.throwIfAborted();
      const state = stateOf(tenant);
      const run = async (): Promise<T> => {
        signal?.throwIfAborted();
        // Window and day tokens, FIFO; a call waiting here holds its slot (no call could start anyway).
        await state.window.take(signal);
        try {
          await state.day?.take(signal);
        } catch (error) {
          state.window.add(1); // never started: the ERP did not count it
          throw error;
        }
        try {
          // A pause (429) or the minimum spacing: tokens are already taken, the call is merely late.
          for (;;) {
            const wait = Math.max(state.pausedUntil, state.nextStartAt) - Date.now();
            if (wait <= 0) break;
            await sleep(wait, signal);
          }
          signal?.throwIfAborted();
          if (minTime > 0) state.nextStartAt = Date.now() + minTime;
        } catch (error) {
          state.window.add(1);
          state.day?.add(1);
          throw error;
        }
        state.running++;
        try {
          return await task();
        } finally {
          state.running--;
          const untilBack = windowLength + margin;
          refillAfter(state.window, untilBack);
          if (state.day !== undefined) refillAfter(state.day, dayLength + margin);
        }
      };
      hold();
      const scheduled = state.slots(run).finally(release);
      if (signal === undefined) return scheduled;
      return new Promise<T>((resolve, reject) => {
        const onAbort = () => reject(signal.reason);
        signal.addEventListener('abort', onAbort, { once: true });
        scheduled.then(
          (value) => {
            signal.removeEventListener('abort', onAbort);
            resolve(value);
          },
          (error: unknown) => {
            signal.removeEventListener('abort', onAbort);
            reject(error);
          },
        );
      });
    },

    observe(tenant, status, headers) {
      const state = stateOf(tenant);
      // Lowering borrows tokens for one window (or day): the calls the server counted (other processes,
      // or a header older than our own refills) leave its window by then, so the tokens come back.
      const lower = (budget: TokenBudget | undefined, header: string, length: number) => {
        const raw = headers.get(header);
        if (budget === undefined || raw === null || !/^\d+$/.test(raw.trim())) return;
        const borrowed = budget.available - Number(raw);
        if (borrowed <= 0) return;
        budget.add(-borrowed);
        refillAfter(budget, length + margin, borrowed);
      };
      lower(state.window, windowHeader, windowLength);
      lower(state.day, dayHeader, dayLength);
      if (status === 429) {
        // Retry-After is wall-clock time as the server sent it (a time-compressing fake sends compressed seconds).
        pause(tenant, parseRetryAfter(headers.get('retry-after')) ?? windowLength);
      }
    },

    pause,

    async stats(tenant) {
      const state = stateOf(tenant);
      return {
        running: state.running,
        queued: state.slots.pendingCount + (state.slots.activeCount - state.running),
        windowRemaining: state.window.available,
        dayRemaining: state.day?.available ?? null,
        pausedUntil: state.pausedUntil,
      };
    },

    async disconnect() {
      if (keepAlive !== undefined) clearInterval(keepAlive);
      keepAlive = undefined;
      for (const timer of timers) clearTimeout(timer);
      timers.clear();
      for (const state of tenants.values()) state.slots.clearQueue();
      tenants.clear();
    },
  };
}

function sleep(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
