import type { RateLimits } from '@ledgerport/core';
import Bottleneck from 'bottleneck';
import { parseRetryAfter } from '../errors/parse-retry-after';

/**
 * How a tenant's window budget is paced:
 * - `'window-after-finish'` (default): up to `requests` calls start back to back; each call's token comes
 *   back one window (+ `safetyMarginMs`) after the call *finished*. Robust to any network or event-loop
 *   delay (the ERP counted the call before it answered), at the cost of one call duration per window.
 *   Fits APIs whose calls are few and batched (Xero: 60 / min, 5 concurrent).
 * - `'even'`: starts are spaced evenly, `(window + safetyMarginMs) / requests` apart (Bottleneck
 *   `minTime`), and each token comes back one window (+ margin) after the call *started*: a sliding window
 *   counted by start time, with no burst. Reaches `window / (window + margin)` of the ceiling whatever the
 *   latency. Fits APIs counted per sliding window where every call is a round trip (Fortnox: 25 / 5 s).
 */
export type RateLimitPacing = 'window-after-finish' | 'even';

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
  /**
   * Minimum spacing between request starts in ms (Bottleneck `minTime`). Default 0; with
   * `pacing: 'even'` the default is `(window + safetyMarginMs) / requests` and a larger value wins.
   */
  readonly minTimeMs?: number;
  /**
   * Wall-clock slack in ms added to every (scaled) window before a token returns, never scaled: the
   * jitter between a call's start here and its arrival at the ERP does not shrink when a fake compresses
   * time. Default 0.
   */
  readonly safetyMarginMs?: number;
  /** How the window budget is paced; see {@link RateLimitPacing}. Default `'window-after-finish'`. */
  readonly pacing?: RateLimitPacing;
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
  /** `maxConcurrent`, `minTime` and the window reservoir (`requests` tokens). */
  readonly window: Bottleneck;
  /** The daily reservoir (`perDay` tokens); `undefined` without a daily cap. */
  readonly day: Bottleneck | undefined;
  pausedUntil: number;
  /** Calls inside `task` right now. */
  running: number;
}

const DAY_MS = 86_400_000;

/**
 * Per-tenant rate limiter configured from `manifest.rateLimits` (issue #3), on Bottleneck (a well-kept
 * library): per tenant one Bottleneck holds `maxConcurrent`, the spacing of starts (`minTime`) and a
 * reservoir of `requests` window tokens; with `perDay`, a second Bottleneck holds the daily reservoir
 * (a no-op job takes a call's day token beside its window job, so their scheduling overlaps; over the
 * daily cap a call waits in its window slot, where no call of the tenant could start anyway).
 *
 * A token is taken when Bottleneck admits a call and returned with `incrementReservoir` one window
 * (`windowMs / timeScale + safetyMarginMs`) after the call finished (`pacing: 'window-after-finish'`) or
 * started (`pacing: 'even'`, where `minTime` spaces starts a window's share apart) — unlike Bottleneck's
 * fixed `reservoirRefreshInterval`, which can allow two windows' worth of calls across a boundary. Daily
 * tokens return a day (+ margin) after the call finished. A call aborted before it started returns its
 * tokens at once. Server headers only ever lower the budget, for one window (or day).
 *
 * Bottleneck yields to a timer (`setTimeout(0)`) in each datastore step, so a call start costs ≈ 1–3 ms
 * of scheduling; the p-limit variant used before saved that but was hand-written pacing.
 * @throws RangeError when `timeScale`, `requests` or `windowMs` is not a positive number.
 */
export function createTenantRateLimiter(options: TenantRateLimiterOptions): TenantRateLimiter {
  const scale = options.timeScale ?? 1;
  if (!(scale > 0)) throw new RangeError('createTenantRateLimiter: timeScale must be a positive number.');
  const { requests, windowMs, maxConcurrent, perDay } = options.rateLimits;
  if (!(Number.isInteger(requests) && requests >= 1)) {
    throw new RangeError('createTenantRateLimiter: rateLimits.requests must be an integer ≥ 1.');
  }
  if (!(windowMs > 0)) throw new RangeError('createTenantRateLimiter: rateLimits.windowMs must be > 0 ms.');
  const margin = options.safetyMarginMs ?? 0;
  const pacing = options.pacing ?? 'window-after-finish';
  const windowSpan = windowMs / scale + margin;
  const daySpan = DAY_MS / scale + margin;
  const minTime = Math.max(options.minTimeMs ?? 0, pacing === 'even' ? windowSpan / requests : 0);
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

  /**
   * Gives `count` tokens back to `limiter`'s reservoir `ms` milliseconds from now by the wall clock (at
   * once when `ms` ≤ 0). A Node timer armed late in a long event-loop turn measures from the loop's cached
   * time and can fire early by that turn's length, so the timer re-arms until `Date.now()` has passed the
   * due time: a token never comes back before its window is over.
   */
  const refillAfter = (limiter: Bottleneck, ms: number, count = 1) => {
    const due = Date.now() + ms;
    const arm = (wait: number) => {
      if (wait <= 0) {
        void limiter.incrementReservoir(count);
        return;
      }
      const timer = setTimeout(() => {
        timers.delete(timer);
        arm(due - Date.now());
      }, wait);
      timer.unref?.();
      timers.add(timer);
    };
    arm(ms);
  };

  const stateOf = (tenant: string): TenantState => {
    let state = tenants.get(tenant);
    if (state === undefined) {
      state = {
        window: new Bottleneck({ maxConcurrent: maxConcurrent ?? null, minTime, reservoir: requests }),
        day: perDay === undefined ? undefined : new Bottleneck({ reservoir: perDay }),
        pausedUntil: 0,
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
      const { window, day } = state;
      // The day token: a no-op job of the day Bottleneck takes one from its reservoir. It is registered
      // beside the window job (not nested in it), so the two Bottlenecks' scheduling steps overlap.
      const dayToken = day?.schedule(() => Promise.resolve());
      dayToken?.catch(() => undefined); // a stopped limiter: the window job sees it through `await`
      /** Runs inside the window limiter: Bottleneck has taken the window token. */
      const run = async (): Promise<T> => {
        try {
          // Over the daily cap the call waits here, in its window slot: no call of the tenant could start.
          if (dayToken !== undefined) await abortable(dayToken, signal);
          // A pause (429): the tokens are taken, the call is merely late.
          for (;;) {
            const wait = state.pausedUntil - Date.now();
            if (wait <= 0) break;
            await sleep(wait, signal);
          }
          signal?.throwIfAborted();
        } catch (error) {
          // Never started: the ERP did not count it. The day token comes back whenever it was taken.
          refillAfter(window, 0);
          if (day !== undefined)
            void dayToken?.then(
              () => refillAfter(day, 0),
              () => undefined,
            );
          throw error;
        }
        const startedAt = Date.now();
        state.running++;
        try {
          return await task();
        } finally {
          state.running--;
          const finishedAt = Date.now();
          const from = pacing === 'even' ? startedAt : finishedAt;
          refillAfter(window, from + windowSpan - finishedAt);
          if (day !== undefined) refillAfter(day, daySpan);
        }
      };
      hold();
      const scheduled = window.schedule(run).finally(release);
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
      const lower = (limiter: Bottleneck | undefined, header: string, span: number) => {
        const raw = headers.get(header);
        if (limiter === undefined || raw === null || !/^\d+$/.test(raw.trim())) return;
        const remaining = Number(raw);
        void limiter.currentReservoir().then((current) => {
          const borrowed = (current ?? 0) - remaining;
          if (current === null || borrowed <= 0) return;
          void limiter.incrementReservoir(-borrowed);
          refillAfter(limiter, span, borrowed);
        });
      };
      lower(state.window, windowHeader, windowSpan);
      lower(state.day, dayHeader, daySpan);
      if (status === 429) {
        // Retry-After is wall-clock time as the server sent it (a time-compressing fake sends compressed seconds).
        pause(tenant, parseRetryAfter(headers.get('retry-after')) ?? windowSpan);
      }
    },

    pause,

    async stats(tenant) {
      const state = stateOf(tenant);
      const counts = state.window.counts();
      return {
        running: state.running,
        // Admitted by Bottleneck but not inside `task` yet (minTime spacing, a pause) count as queued.
        queued: counts.RECEIVED + counts.QUEUED + counts.RUNNING + counts.EXECUTING - state.running,
        windowRemaining: await state.window.currentReservoir(),
        dayRemaining: state.day === undefined ? null : await state.day.currentReservoir(),
        pausedUntil: state.pausedUntil,
      };
    },

    async disconnect() {
      if (keepAlive !== undefined) clearInterval(keepAlive);
      keepAlive = undefined;
      for (const timer of timers) clearTimeout(timer);
      timers.clear();
      const limiters = [...tenants.values()].flatMap((s) =>
        s.day === undefined ? [s.window] : [s.window, s.day],
      );
      tenants.clear();
      await Promise.all(
        limiters.map((limiter) => limiter.stop({ dropWaitingJobs: true }).catch(() => undefined)),
      );
      await Promise.all(limiters.map((limiter) => limiter.disconnect()));
    },
  };
}

/** `promise`, or a rejection with `signal.reason` as soon as `signal` aborts. */
function abortable<T>(promise: Promise<T>, signal: AbortSignal | undefined): Promise<T> {
  if (signal === undefined) return promise;
  signal.throwIfAborted();
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(
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
