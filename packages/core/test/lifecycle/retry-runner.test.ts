import { describe, expect, it } from 'vitest';
import { ItemError } from '../../src/errors/ledgerport-error';
import { createRetryRunner } from '../../src/lifecycle/retry-runner';

const settings = { maxAttempts: 4, budgetMs: 1_000, minDelayMs: 1, maxDelayMs: 4 };
const never = new AbortController().signal;
const rateLimit = (retryAfterMs?: number) =>
  new ItemError('accounting_system_rate_limit', 'slow down', { retryable: true, retryAfterMs });

function failing(times: number, error: () => unknown) {
  let calls = 0;
  const fn = async () => {
    calls += 1;
    if (calls <= times) throw error();
    return 'ok';
  };
  return { fn, calls: () => calls };
}

describe('createRetryRunner', () => {
  it('retries retryable Ledgerport errors and returns the first success', async () => {
    const runner = createRetryRunner(settings);
    const op = failing(2, () => rateLimit());
    await expect(runner.run(op.fn, never)).resolves.toBe('ok');
    expect(op.calls()).toBe(3);
  });

  it('gives up after maxAttempts and rethrows the last error', async () => {
    const runner = createRetryRunner(settings);
    const op = failing(10, () => rateLimit());
    await expect(runner.run(op.fn, never)).rejects.toMatchObject({ reason: 'accounting_system_rate_limit' });
    expect(op.calls()).toBe(4);
  });

  it('does not retry errors that are not retryable, nor unknown throws', async () => {
    const runner = createRetryRunner(settings);
    const rejected = failing(1, () => new ItemError('account_unknown', 'no such account'));
    await expect(runner.run(rejected.fn, never)).rejects.toMatchObject({ reason: 'account_unknown' });
    expect(rejected.calls()).toBe(1);
    const unknown = failing(1, () => new Error('boom'));
    await expect(runner.run(unknown.fn, never)).rejects.toThrow('boom');
    expect(unknown.calls()).toBe(1);
  });

  it('waits at least retryAfterMs and charges it to the job budget', async () => {
    const runner = createRetryRunner(settings);
    const op = failing(1, () => rateLimit(30));
    await runner.run(op.fn, never);
    expect(runner.spentMs).toBeGreaterThanOrEqual(30);
  });

  it('does not wait for a Retry-After longer than what is left of the budget', async () => {
    const runner = createRetryRunner({ ...settings, budgetMs: 100 });
    const op = failing(1, () => rateLimit(5_000));
    await expect(runner.run(op.fn, never)).rejects.toMatchObject({ retryAfterMs: 5_000 });
    expect(op.calls()).toBe(1);
    expect(runner.spentMs).toBe(0);
  });

  it('shares the budget across operations: once spent, nothing is retried', async () => {
    const runner = createRetryRunner({ ...settings, budgetMs: 20 });
    await runner.run(failing(1, () => rateLimit(20)).fn, never);
    const later = failing(1, () => rateLimit());
    await expect(runner.run(later.fn, never)).rejects.toMatchObject({
      reason: 'accounting_system_rate_limit',
    });
    expect(later.calls()).toBe(1);
  });

  it('never retries an unknown-outcome timeout when told the post is not idempotent', async () => {
    const runner = createRetryRunner(settings);
    const timeout = () => new ItemError('accounting_system_timeout', 'no answer', { retryable: true });
    const unsafe = failing(1, timeout);
    await expect(runner.run(unsafe.fn, never, { unknownOutcomeIsFinal: true })).rejects.toMatchObject({
      reason: 'accounting_system_timeout',
    });
    expect(unsafe.calls()).toBe(1);
    const safe = failing(1, timeout);
    await expect(runner.run(safe.fn, never)).resolves.toBe('ok');
    expect(safe.calls()).toBe(2);
  });

  it('retries other errors through the isRetryable predicate (receipt downloads)', async () => {
    const runner = createRetryRunner(settings);
    const op = failing(2, () => new TypeError('fetch failed'));
    await expect(runner.run(op.fn, never, { isRetryable: (e) => e instanceof TypeError })).resolves.toBe(
      'ok',
    );
    expect(op.calls()).toBe(3);
  });

  it('rejects with the abort reason while waiting for a long Retry-After, without calling again', {
    timeout: 2_000,
  }, async () => {
    const runner = createRetryRunner({ ...settings, budgetMs: 60_000 });
    const controller = new AbortController();
    const op = failing(1, () => {
      setTimeout(() => controller.abort(new Error('shutting down')), 5);
      return rateLimit(30_000);
    });
    await expect(runner.run(op.fn, controller.signal)).rejects.toThrow('shutting down');
    expect(op.calls()).toBe(1);
  });

  it('does not start an operation on an already aborted signal', async () => {
    const runner = createRetryRunner(settings);
    const op = failing(0, () => undefined);
    await expect(runner.run(op.fn, AbortSignal.abort(new Error('gone')))).rejects.toThrow('gone');
    expect(op.calls()).toBe(0);
  });
});
