import type { RateLimits } from '@ledgerport/core';
import PQueue from 'p-queue';
import { parseRetryAfter } from '../errors/parse-retry-after';

/**
 * How a tenant's window budget is spent. Both count a call when it *starts* (a sliding window of start
 * times, one window + `safetyMarginMs` long), which is what an ERP counting arrivals sees when the
 * margin covers the jitter between a start here and the arrival there:
 * - `'burst'` (default): up to `requests` calls start back to back; the next one waits until the oldest
 *   start in the window is a window (+ margin) old. Fits APIs whose calls are few and batched (Xero:
 *   60 / min, 5 concurrent).
 * - `'even'`: starts are spaced evenly, `(window + margin) / requests` apart, so no burst; any window still
 *   holds at most `requests` starts. Reaches `window / (window + margin)` of the ceiling whatever the
 *   latency. Fits APIs counted per short sliding window where every call is a round trip (Fortnox: 25 / 5 s).
 */
export type RateLimitPacing = 'burst' | 'even';

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
   * Wall-clock slack in ms added to every (scaled) window, never scaled itself: it covers the jitter
   * between a call's start here and its arrival at the ERP (and the two clocks' view of the window).
   * Default 0.
   */
  readonly safetyMarginMs?: number;
  /** How the window budget is spent; see {@link RateLimitPacing}. Default `'burst'`. */
  readonly pacing?: RateLimitPacing;
}

/** Live numbers of one tenant's limiter, for tests and metrics. */
export interface TenantRateLimiterStats {
  /** Calls inside their task (the ERP request) right now. */
  readonly running: number;
  /** Calls waiting: for a concurrency slot, a window or day start, or the end of a pause. */
  readonly queued: number;
  /** Calls the limiter may still start in the current sliding window. */
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
   * budget for one window (or day) when other processes share the tenant; a 429's `Retry-After` pauses
   * the tenant.
   */
  observe(tenant: string, status: number, headers: Headers): void;
  /** Starts no call for `tenant` during the next `ms` milliseconds. */
  pause(tenant: string, ms: number): void;
  stats(tenant: string): Promise<TenantRateLimiterStats>;
  /** Stops every queue and timer; calls still waiting reject with an `AbortError`. */
  disconnect(): Promise<void>;
}

/** Start times (epoch ms) of one budget, oldest first, pruned to the last `span` ms on every read. */
class StartLog {
  private readonly times: number[] = [];
  private head = 0;
  constructor(private readonly span: number) {}
  record(at: number): void {
    this.times.push(at);
  }
  /** Starts within the last `span` ms before `now`. */
  count(now: number): number {
    while (this.head < this.times.length && (this.times[this.head] ?? 0) <= now - this.span) this.head++;
    if (this.head > 1024 && this.head > this.times.length / 2) {
      this.times.splice(0, this.head);
      this.head = 0;
    }
    return this.times.length - this.head;
  }
}

/** Borrowed starts not taken yet, per budget (so two headers in a row do not borrow twice). */
interface Borrowing {
  pending: number;
}

interface TenantState {
  /** `maxConcurrent` and the window budget (p-queue sliding window of start times). */
  readonly calls: PQueue;
  /** Start times of `calls`, for `stats` and for lowering the budget from headers. */
  readonly callStarts: StartLog;
  readonly callBorrowing: Borrowing;
  /** The daily budget; `undefined` without a daily cap. */
  readonly day: PQueue | undefined;
  readonly dayStarts: StartLog;
  readonly dayBorrowing: Borrowing;
  pausedUntil: number;
  resumeTimer: NodeJS.Timeout | undefined;
  /** Calls inside `task` right now. */
  running: number;
}

const DAY_MS = 86_400_000;
/** Budget taken by a header's lower figure runs before waiting calls. */
const BORROW_PRIORITY = 1;

/**
 * Per-tenant rate limiter configured from `manifest.rateLimits` (issue #3), on p-queue (a well-kept
 * library): per tenant one queue holds `maxConcurrent` and the window budget as p-queue's `strict`
 * sliding window of start times (`intervalCap: requests` per `windowMs / timeScale + safetyMarginMs`, or
 * one start per a window's share with `pacing: 'even'`); with `perDay`, a second queue holds the daily
 * budget (its start is taken inside the call's window slot: over the daily cap a call waits there, where
 * no call of the tenant could start anyway). Scheduling costs microseconds per call (p-queue starts a task
 * in the same turn when the budget allows).
 *
 * A header lowering the budget (`X-MinLimit-Remaining: 3` while the local budget says 10) takes the
 * difference as no-op starts ahead of waiting calls, so they leave the window (and the budget comes back)
 * one window later. A 429 pauses the tenant's queue for `Retry-After` (or one window): waiting calls do not
 * start, so they take no window start while paused. A call aborted while waiting never starts and takes
 * nothing; one aborted while waiting for the daily budget has taken its window start (it leaves the
 * window one window later).
 * @throws RangeError when `timeScale`, `requests`, `windowMs` or `perDay` is not a positive number.
 */
export function createTenantRateLimiter(options: TenantRateLimiterOptions): TenantRateLimiter {
  const scale = options.timeScale ?? 1;
  if (!(scale > 0)) throw new RangeError('createTenantRateLimiter: timeScale must be a positive number.');
  const { requests, windowMs, maxConcurrent, perDay } = options.rateLimits;
  if (!(Number.isInteger(requests) && requests >= 1)) {
    throw new RangeError('createTenantRateLimiter: rateLimits.requests must be an integer ≥ 1.');
  }
  if (!(windowMs > 0)) throw new RangeError('createTenantRateLimiter: rateLimits.windowMs must be > 0 ms.');
  if (perDay !== undefined && !(Number.isInteger(perDay) && perDay >= 1)) {
    throw new RangeError('createTenantRateLimiter: rateLimits.perDay must be an integer ≥ 1 when set.');
  }
  if (maxConcurrent !== undefined && !(Number.isInteger(maxConcurrent) && maxConcurrent >= 1)) {
    throw new RangeError(
      'createTenantRateLimiter: rateLimits.maxConcurrent must be an integer ≥ 1 when set.',
    );
  }
  const margin = options.safetyMarginMs ?? 0;
  const pacing = options.pacing ?? 'burst';
  const windowSpan = windowMs / scale + margin;
  const daySpan = DAY_MS / scale + margin;
  const windowHeader = (options.windowRemainingHeader ?? 'x-minlimit-remaining').toLowerCase();
  const dayHeader = (options.dayRemainingHeader ?? 'x-daylimit-remaining').toLowerCase();
  const tenants = new Map<string, TenantState>();

  const stateOf = (tenant: string): TenantState => {
    let state = tenants.get(tenant);
    if (state === undefined) {
      state = {
        calls: new PQueue({
          concurrency: maxConcurrent ?? Number.POSITIVE_INFINITY,
          strict: true,
          ...(pacing === 'even'
            ? { interval: windowSpan / requests, intervalCap: 1 }
            : { interval: windowSpan, intervalCap: requests }),
        }),
        callStarts: new StartLog(windowSpan),
        callBorrowing: { pending: 0 },
        day:
          perDay === undefined
            ? undefined
            : new PQueue({ strict: true, interval: daySpan, intervalCap: perDay }),
        dayStarts: new StartLog(daySpan),
        dayBorrowing: { pending: 0 },
        pausedUntil: 0,
        resumeTimer: undefined,
        running: 0,
      };
      tenants.set(tenant, state);
    }
    return state;
  };

  /** Resumes the tenant's queue once the pause is over (re-arming if the pause was extended). */
  const armResume = (state: TenantState) => {
    if (state.resumeTimer !== undefined) clearTimeout(state.resumeTimer);
    const wait = state.pausedUntil - Date.now();
    if (wait <= 0) {
      state.resumeTimer = undefined;
      state.calls.start();
      return;
    }
    state.resumeTimer = setTimeout(() => armResume(state), wait);
    // Held open only while calls wait for the pause to end (re-held in `schedule`).
    if (state.calls.size === 0) state.resumeTimer.unref();
  };

  const pause = (tenant: string, ms: number) => {
    const state = stateOf(tenant);
    const until = Date.now() + ms;
    if (until <= state.pausedUntil) return;
    state.pausedUntil = until;
    state.calls.pause();
    armResume(state);
  };

  /** Takes `count` starts of `queue`'s budget now (ahead of waiting calls); they leave it one span later. */
  const borrow = (queue: PQueue, log: StartLog, borrowing: Borrowing, count: number) => {
    borrowing.pending += count;
    for (let i = 0; i < count; i++) {
      void queue
        .add(
          async () => {
            borrowing.pending--;
            log.record(Date.now());
          },
          { priority: BORROW_PRIORITY },
        )
        .catch(() => undefined); // cleared by disconnect
    }
  };

  return {
    schedule<T>(tenant: string, task: () => Promise<T>, signal?: AbortSignal): Promise<T> {
      signal?.throwIfAborted();
      const state = stateOf(tenant);
      state.resumeTimer?.ref();
      /** Runs in the tenant's queue: a concurrency slot and a window start are taken. */
      const run = async (): Promise<T> => {
        state.callStarts.record(Date.now());
        if (state.day !== undefined) {
          const dayStarts = state.dayStarts;
          await state.day.add(
            async () => {
              dayStarts.record(Date.now());
            },
            signal === undefined ? {} : { signal },
          );
        }
        // Paused after this call left the queue (a 429 answered in the same turn): it waits, merely late.
        for (;;) {
          const wait = state.pausedUntil - Date.now();
          if (wait <= 0) break;
          await sleep(wait, signal);
        }
        signal?.throwIfAborted();
        state.running++;
        try {
          return await task();
        } finally {
          state.running--;
        }
      };
      return state.calls.add(run, signal === undefined ? {} : { signal });
    },

    observe(tenant, status, headers) {
      const state = stateOf(tenant);
      const now = Date.now();
      const lower = (
        queue: PQueue | undefined,
        log: StartLog,
        borrowing: Borrowing,
        budget: number | undefined,
        header: string,
      ) => {
        const raw = headers.get(header);
        if (queue === undefined || budget === undefined || raw === null || !/^\d+$/.test(raw.trim())) return;
        const local = Math.max(0, budget - log.count(now) - borrowing.pending);
        const borrowed = local - Number(raw);
        if (borrowed > 0) borrow(queue, log, borrowing, borrowed);
      };
      lower(state.calls, state.callStarts, state.callBorrowing, requests, windowHeader);
      lower(state.day, state.dayStarts, state.dayBorrowing, perDay, dayHeader);
      if (status === 429) {
        // Retry-After is wall-clock time as the server sent it (a time-compressing fake sends compressed seconds).
        pause(tenant, parseRetryAfter(headers.get('retry-after')) ?? windowSpan);
      }
    },

    pause,

    async stats(tenant) {
      const state = stateOf(tenant);
      const now = Date.now();
      return {
        running: state.running,
        queued: state.calls.size + state.calls.pending - state.running,
        windowRemaining: Math.max(0, requests - state.callStarts.count(now)),
        dayRemaining: perDay === undefined ? null : Math.max(0, perDay - state.dayStarts.count(now)),
        pausedUntil: state.pausedUntil,
      };
    },

    async disconnect() {
      for (const state of tenants.values()) {
        if (state.resumeTimer !== undefined) clearTimeout(state.resumeTimer);
        state.calls.pause();
        state.calls.clear();
        state.day?.pause();
        state.day?.clear();
      }
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
