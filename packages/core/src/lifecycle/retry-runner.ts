import { setTimeout as sleep } from 'node:timers/promises';
import { DelegateBackoff, handleWhen, type IRetryBackoffContext, type RetryPolicy, retry } from 'cockatiel';
import { LedgerportError } from '../errors/ledgerport-error';

/** Retry settings of one job run (see `RunExportJobOptions.retry`). */
export interface RetrySettings {
  /** Attempts per operation, the first one included. Default 5. */
  readonly maxAttempts: number;
  /** Total time (ms) the job may spend waiting between retries, over all operations. Default 10 minutes. */
  readonly budgetMs: number;
  /** First backoff delay (ms), doubled per attempt with full jitter. Default 500. */
  readonly minDelayMs: number;
  /** Longest computed backoff (ms); a longer `Retry-After` is still honoured within the budget. Default 30 s. */
  readonly maxDelayMs: number;
}

/** Defaults of {@link RetrySettings}. */
export const DEFAULT_RETRY_SETTINGS: RetrySettings = {
  maxAttempts: 5,
  budgetMs: 10 * 60_000,
  minDelayMs: 500,
  maxDelayMs: 30_000,
};

/** Options of one {@link RetryRunner.run} call. */
export interface RetryCallOptions {
  /**
   * When true, errors whose outcome is unknown (`accounting_system_timeout`: the write may have
   * happened) are not retried. Used for `idempotency: 'none'` connectors' posts.
   */
  readonly unknownOutcomeIsFinal?: boolean;
  /** Extra predicate for errors that are not `LedgerportError`s (e.g. a receipt download's network error). */
  readonly isRetryable?: (error: unknown) => boolean;
}

/** Runs operations with retries that share one per-job waiting budget. */
export interface RetryRunner {
  /**
   * Calls `fn` and retries it while it throws a retryable error (a `LedgerportError` with
   * `retryable: true`, or `options.isRetryable`), waiting `max(retryAfterMs, exponential backoff)`
   * between attempts, until `maxAttempts` or the job budget is used up; then rethrows the last error.
   * Rejects promptly with the signal's reason when `signal` aborts, also while waiting.
   */
  run<T>(fn: () => Promise<T>, signal: AbortSignal, options?: RetryCallOptions): Promise<T>;
  /** Milliseconds of the budget already spent waiting. */
  readonly spentMs: number;
}

/**
 * Creates the job's {@link RetryRunner}: the first attempt is a plain call; retries run on cockatiel's
 * `retry` policy. The budget is consumed by the
 * waits actually scheduled; a `Retry-After` longer than what is left of the budget is not waited for
 * (the error is rethrown at once, so the caller can fail the item or escalate, e.g. to
 * `accounting_system_rate_limit`).
 */
export function createRetryRunner(settings: RetrySettings): RetryRunner {
  let spentMs = 0;
  const remaining = () => Math.max(0, settings.budgetMs - spentMs);
  const retryAfterOf = (error: unknown) =>
    LedgerportError.isInstance(error) ? (error.retryAfterMs ?? 0) : 0;

  const shouldRetry = (error: unknown, options: RetryCallOptions): boolean => {
    if (remaining() <= 0 || retryAfterOf(error) > remaining()) return false;
    if (LedgerportError.isInstance(error)) {
      if (!error.retryable) return false;
      return !(options.unknownOutcomeIsFinal === true && error.reason === 'accounting_system_timeout');
    }
    return options.isRetryable?.(error) ?? false;
  };

  /** Delay before retry number `retry` (1-based): max(Retry-After, jittered exponential), within the budget. */
  const delayFor = (retry: number, error: unknown): number => {
    const exponential = Math.min(settings.maxDelayMs, settings.minDelayMs * 2 ** (retry - 1));
    const jittered = Math.round(exponential / 2 + (Math.random() * exponential) / 2);
    const delay = Math.min(Math.max(retryAfterOf(error), jittered), remaining());
    spentMs += delay;
    return delay;
  };

  /** cockatiel policy for retries 2…maxAttempts-1 (the first retry's wait is done by `run`). */
  const slowPathPolicy = (options: RetryCallOptions): RetryPolicy =>
    retry(
      handleWhen((error) => shouldRetry(error, options)),
      {
        maxAttempts: Math.max(0, settings.maxAttempts - 2),
        backoff: new DelegateBackoff<IRetryBackoffContext<unknown>>((context) =>
          delayFor(context.attempt + 1, 'error' in context.result ? context.result.error : undefined),
        ),
      },
    ).dangerouslyUnref();

  return {
    get spentMs() {
      return spentMs;
    },
    async run(fn, signal, options = {}) {
      signal.throwIfAborted();
      // Fast path: most calls succeed first time and allocate no policy, timer or abort listener.
      let firstError: unknown;
      try {
        return await fn();
      } catch (error) {
        if (signal.aborted || settings.maxAttempts <= 1 || !shouldRetry(error, options)) throw error;
        firstError = error;
      }
      await raceAbort(sleep(delayFor(1, firstError), undefined, { ref: false }), signal);
      const guarded = async () => {
        signal.throwIfAborted();
        return fn();
      };
      return raceAbort(slowPathPolicy(options).execute(guarded, signal), signal);
    },
  };
}

/** Resolves like `promise`, or rejects with the signal's reason as soon as `signal` aborts. */
function raceAbort<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
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
