import { createTenantRateLimiter } from '@ledgerport/connector-kit';
import { ItemError } from '@ledgerport/core';
import { describe, expect, it } from 'vitest';
import { createFortnoxConnector } from '../src/index';
import { entryNamed, withId } from './support/entries';
import { setupFortnoxTest } from './support/fortnox-test-setup';

const SCALE = 10; // the fake enforces 25 requests per 500 ms
const t = setupFortnoxTest({ timeScale: SCALE });

describe("the Fortnox connector's limiter (connector-kit, even pacing)", () => {
  it('spaces starts (5 s + margin) / 25 apart and never starts 26 calls in one window', async () => {
    // Time compressed ×100: a 50 ms window + 10 ms margin, starts 2.4 ms apart.
    const connector = createFortnoxConnector({ rateLimitTimeScale: 100, rateLimitMarginMs: 10 });
    const starts: number[] = [];
    const order: number[] = [];
    await Promise.all(
      Array.from({ length: 60 }, (_, i) =>
        connector.limiter.schedule('k', async () => {
          starts.push(performance.now());
          order.push(i);
        }),
      ),
    );
    expect(order).toEqual(Array.from({ length: 60 }, (_, i) => i));
    for (let i = 25; i < starts.length; i++) {
      // the 26th start after any start is at least one window (50 ms) later
      expect((starts[i] ?? 0) - (starts[i - 25] ?? 0)).toBeGreaterThanOrEqual(49);
    }
    await connector.limiter.disconnect();
  });

  it('keeps keys (access tokens) independent', async () => {
    const connector = createFortnoxConnector();
    await connector.limiter.schedule('tenant-a', async () => {});
    await expect(connector.limiter.schedule('tenant-b', async () => 'ran')).resolves.toBe('ran');
    expect((await connector.limiter.stats('tenant-a')).windowRemaining).toBe(24);
    expect((await connector.limiter.stats('tenant-b')).windowRemaining).toBe(24);
    await connector.limiter.disconnect();
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
    const unlimited = createTenantRateLimiter({ rateLimits: { requests: 10_000, windowMs: 1 } });
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
    await unlimited.disconnect();
  });
});
