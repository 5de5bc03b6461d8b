import type { RateLimits } from '@ledgerport/core';
import Bottleneck from 'bottleneck';
import { parseRetryAfter } from '../errors/parse-retry-after';

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
  /** Minimum spacing between request starts in ms (Bottleneck `minTime`). Default 0. */
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
  readonly window: Bottleneck;
  /** Daily budget left (`perDay` minus calls started in the last day); `undefined` without a daily cap. */
  dayRemaining: number | undefined;
  /** Calls waiting for a daily token. */
  readonly dayWaiters: (() => void)[];
  pausedUntil: number;
}

const DAY_MS = 86_400_000;

/**
 * Per-tenant rate limiter from Bottleneck (a well-kept library), configured from `manifest.rateLimits`.
 *
 * Each tenant gets a Bottleneck with `maxConcurrent` and a reservoir of `requests` tokens. A token is
 * taken when a call starts and handed back `windowMs + safetyMarginMs` after that call *finished*. The
 * ERP counted the call when it arrived, which is before it answered, so every sliding window the ERP
 * sees holds at most `requests` calls whatever the network or event-loop delays — unlike Bottleneck's
 * fixed reservoir refresh, which can allow two windows' worth of calls across a boundary. The cost is
 * one call duration per window (≈ 1.6 % at 100 ms per call and 60 calls per 6 s). A daily cap
 * (`perDay`) works the same way with a plain counter (a second Bottleneck would double the per-call
 * scheduling cost). Server headers only ever lower the budget, for one window.
 */
export function createTenantRateLimiter(options: TenantRateLimiterOptions): TenantRateLimiter {
  const scale = options.timeScale ?? 1;
  if (!(scale > 0)) throw new RangeError('createTenantRateLimiter: timeScale must be a positive number.');
  const { requests, windowMs, maxConcurrent, perDay } = options.rateLimits;
  const windowLength = windowMs / scale;
  const dayLength = DAY_MS / scale;
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
  /** Returns one token to `limiter` at `finishedAt + window + margin`. */
  const refill = (limiter: Bottleneck, finishedAt: number, window: number) => {
    const timer = setTimeout(
      () => {
        timers.delete(timer);
        void limiter.incrementReservoir(1);
      },
      Math.max(0, finishedAt + window + margin - Date.now()),
    );
    timer.unref?.();
    timers.add(timer);
  };

  /** Gives `count` daily tokens back at `finishedAt + day + margin` (or after `after` ms) and wakes waiters. */
  const refillDay = (state: TenantState, finishedAt: number, count = 1, after?: number) => {
    const timer = setTimeout(
      () => {
        timers.delete(timer);
        state.dayRemaining = (state.dayRemaining ?? 0) + count;
        for (let i = 0; i < count; i++) state.dayWaiters.shift()?.();
      },
      after ?? Math.max(0, finishedAt + dayLength + margin - Date.now()),
    );
    timer.unref?.();
    timers.add(timer);
  };

  const takeDayToken = async (state: TenantState, signal: AbortSignal | undefined) => {
    if (state.dayRemaining === undefined) return;
    while (state.dayRemaining <= 0) {
      await new Promise<void>((resolve, reject) => {
        const onAbort = () => reject(signal?.reason);
        signal?.addEventListener('abort', onAbort, { once: true });
        state.dayWaiters.push(() => {
          signal?.removeEventListener('abort', onAbort);
          resolve();
        });
      });
    }
    state.dayRemaining--;
  };

  const stateOf = (tenant: string): TenantState => {
    let state = tenants.get(tenant);
    if (state === undefined) {
      state = {
        window: new Bottleneck({
          maxConcurrent: maxConcurrent ?? null,
          reservoir: requests,
          minTime: options.minTimeMs ?? 0,
        }),
        dayRemaining: perDay,
        dayWaiters: [],
        pausedUntil: 0,
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
        const wait = state.pausedUntil - Date.now();
        if (wait > 0) await sleep(wait, signal);
        signal?.throwIfAborted();
        await takeDayToken(state, signal);
        try {
          return await task();
        } finally {
          const finishedAt = Date.now();
          refill(state.window, finishedAt, windowLength);
          if (state.dayRemaining !== undefined) refillDay(state, finishedAt);
        }
      };
      hold();
      const scheduled = state.window.schedule(run).finally(release);
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
      // Lowering borrows tokens for one window: the calls the server counted (other processes, or a
      // header older than our own refills) leave its window by then, so the tokens come back.
      const lower = (limiter: Bottleneck | undefined, header: string, window: number) => {
        const raw = headers.get(header);
        if (limiter === undefined || raw === null || !/^\d+$/.test(raw.trim())) return;
        const remaining = Number(raw);
        void limiter.currentReservoir().then((current) => {
          if (current === null || remaining >= current) return;
          const borrowed = current - remaining;
          void limiter.incrementReservoir(-borrowed);
          const timer = setTimeout(() => {
            timers.delete(timer);
            void limiter.incrementReservoir(borrowed);
          }, window + margin);
          timer.unref?.();
          timers.add(timer);
        });
      };
      lower(state.window, windowHeader, windowLength);
      const dayRaw = headers.get(dayHeader);
      if (state.dayRemaining !== undefined && dayRaw !== null && /^\d+$/.test(dayRaw.trim())) {
        const borrowed = state.dayRemaining - Number(dayRaw);
        if (borrowed > 0) {
          state.dayRemaining -= borrowed;
          refillDay(state, Date.now(), borrowed, dayLength + margin);
        }
      }
      if (status === 429) {
        // Retry-After is wall-clock time as the server sent it (a time-compressing fake sends compressed seconds).
        pause(tenant, parseRetryAfter(headers.get('retry-after')) ?? windowLength);
      }
    },

    pause,

    async stats(tenant) {
      const state = stateOf(tenant);
      const counts = state.window.counts();
      return {
        running: (counts.RUNNING ?? 0) + (counts.EXECUTING ?? 0),
        queued: (counts.QUEUED ?? 0) + (counts.RECEIVED ?? 0),
        windowRemaining: await state.window.currentReservoir(),
        dayRemaining: state.dayRemaining ?? null,
        pausedUntil: state.pausedUntil,
      };
    },

    async disconnect() {
      if (keepAlive !== undefined) clearInterval(keepAlive);
      keepAlive = undefined;
      for (const timer of timers) clearTimeout(timer);
      timers.clear();
      await Promise.all([...tenants.values()].map((s) => s.window.disconnect()));
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
