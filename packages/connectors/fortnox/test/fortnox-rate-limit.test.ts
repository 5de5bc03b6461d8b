import { ItemError } from '@ledgerport/core';
import { describe, expect, it } from 'vitest';
import { createSlidingWindowLimiter } from '../src/index';
import { entryNamed, withId } from './support/entries';
import { setupFortnoxTest } from './support/fortnox-test-setup';

const SCALE = 10; // the fake enforces 25 requests per 500 ms
const t = setupFortnoxTest({ timeScale: SCALE });

describe('sliding-window limiter', () => {
  it('never starts more than `requests` calls in any window, FIFO', async () => {
    const limiter = createSlidingWindowLimiter({ requests: 5, windowMs: 1000, timeScale: 20, marginMs: 0 });
    const starts: number[] = [];
    const order: number[] = [];
    await Promise.all(
      Array.from({ length: 17 }, (_, i) =>
        limiter.schedule('k', async () => {
          starts.push(performance.now());
          order.push(i);
        }),
      ),
    );
    expect(order).toEqual(Array.from({ length: 17 }, (_, i) => i));
    for (let i = 5; i < starts.length; i++) {
      // the 6th start after any start is at least one window (50 ms) later
      expect((starts[i] ?? 0) - (starts[i - 5] ?? 0)).toBeGreaterThanOrEqual(49);
    }
    limiter.disconnect();
  });

  it('rejects a queued call promptly when its signal aborts, and runs the others', async () => {
    const limiter = createSlidingWindowLimiter({ requests: 1, windowMs: 60_000 });
    const ran: string[] = [];
    await limiter.schedule('k', async () => ran.push('first'));
    const controller = new AbortController();
    const queued = limiter.schedule('k', async () => ran.push('aborted'), controller.signal);
    controller.abort(new Error('job canceled'));
    await expect(queued).rejects.toThrow('job canceled');
    expect(ran).toEqual(['first']);
    limiter.disconnect();
  });

  it('keeps keys (access tokens) independent', async () => {
    const limiter = createSlidingWindowLimiter({ requests: 1, windowMs: 60_000 });
    await limiter.schedule('tenant-a', async () => {});
    await expect(limiter.schedule('tenant-b', async () => 'ran')).resolves.toBe('ran');
    expect(limiter.stats('tenant-a').startedInWindow).toBe(1);
    limiter.disconnect();
  });
});

describe('Fortnox 25 requests / 5 s against the enforcing fake (time compressed ×10)', () => {
  it('40 concurrent posts: every one booked, no call answered 429', async () => {
    // The default 150 ms wall-clock margin keeps this robust on a loaded CI machine.
    const connector = t.connector({ rateLimitTimeScale: SCALE });
    const ctx = t.ctx(connector);
    const base = entryNamed('card-purchase-zero-tax-sek');
    const results = await Promise.all(
      Array.from({ length: 40 }, (_, i) => connector.postEntry(ctx, withId(base, `rl-${i}`))),
    );
    expect(new Set(results.map((r) => r.externalId)).size).toBe(40);
    expect(t.fake.rateLimitedCount()).toBe(0);
    expect(t.fake.vouchers()).toHaveLength(40);
  });

  it('without the limiter the fake answers 429, which fails the item retryably with Retry-After', async () => {
    const unlimited = createSlidingWindowLimiter({ requests: 10_000, windowMs: 1 });
    const connector = t.connector({ limiter: unlimited, rateLimitTimeScale: SCALE });
    const ctx = t.ctx(connector);
    const base = entryNamed('card-purchase-zero-tax-sek');
    const outcomes = await Promise.allSettled(
      Array.from({ length: 40 }, (_, i) => connector.postEntry(ctx, withId(base, `burst-${i}`))),
    );
    const rejected = outcomes.filter((o): o is PromiseRejectedResult => o.status === 'rejected');
    expect(t.fake.rateLimitedCount()).toBeGreaterThan(0);
    expect(rejected.length).toBeGreaterThan(0);
    for (const { reason } of rejected) {
      expect(ItemError.isInstance(reason) && reason.reason).toBe('accounting_system_rate_limit');
      expect((reason as ItemError).retryable).toBe(true);
      expect((reason as ItemError).retryAfterMs).toBeGreaterThanOrEqual(1000);
    }
    unlimited.disconnect();
  });
});
