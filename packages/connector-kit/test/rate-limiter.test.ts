import { afterEach, describe, expect, it } from 'vitest';
import { createTenantRateLimiter, type TenantRateLimiter } from '../src/index';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('createTenantRateLimiter', () => {
  let limiter: TenantRateLimiter | undefined;
  afterEach(async () => {
    await limiter?.disconnect();
  });

  it('never runs more than maxConcurrent calls of one tenant at once, tenants independent', async () => {
    limiter = createTenantRateLimiter({ rateLimits: { requests: 1000, windowMs: 60_000, maxConcurrent: 2 } });
    const running = new Map<string, number>();
    const peak = new Map<string, number>();
    const call = (tenant: string) =>
      limiter?.schedule(tenant, async () => {
        running.set(tenant, (running.get(tenant) ?? 0) + 1);
        peak.set(tenant, Math.max(peak.get(tenant) ?? 0, running.get(tenant) ?? 0));
        await sleep(5);
        running.set(tenant, (running.get(tenant) ?? 0) - 1);
      });
    await Promise.all([
      ...Array.from({ length: 8 }, () => call('a')),
      ...Array.from({ length: 8 }, () => call('b')),
    ]);
    expect(peak.get('a')).toBe(2);
    expect(peak.get('b')).toBe(2);
  });

  it('starts at most `requests` calls per sliding window, returning tokens a window after each call', async () => {
    limiter = createTenantRateLimiter({ rateLimits: { requests: 3, windowMs: 60_000 }, timeScale: 600 }); // 100 ms window
    const starts: number[] = [];
    const t0 = performance.now();
    await Promise.all(
      Array.from({ length: 7 }, () =>
        limiter?.schedule('t', async () => {
          starts.push(performance.now() - t0);
        }),
      ),
    );
    expect(starts).toHaveLength(7);
    for (let i = 3; i < starts.length; i++) {
      expect((starts[i] ?? 0) - (starts[i - 3] ?? 0)).toBeGreaterThanOrEqual(95);
    }
  });

  it('lowers the budget from X-MinLimit-Remaining and pauses on a 429 Retry-After', async () => {
    limiter = createTenantRateLimiter({ rateLimits: { requests: 60, windowMs: 60_000, maxConcurrent: 5 } });
    limiter.observe('t', 200, new Headers({ 'x-minlimit-remaining': '4' }));
    await sleep(5);
    expect((await limiter.stats('t')).windowRemaining).toBe(4);
    limiter.observe('t', 429, new Headers({ 'retry-after': '30' }));
    const stats = await limiter.stats('t');
    expect(stats.pausedUntil).toBeGreaterThan(Date.now() + 29_000);
  });

  it('gives tokens lowered by a header back after one window (no permanent leak)', async () => {
    limiter = createTenantRateLimiter({ rateLimits: { requests: 60, windowMs: 60_000 }, timeScale: 600 }); // 100 ms
    limiter.observe('t', 200, new Headers({ 'x-minlimit-remaining': '0' }));
    await sleep(5);
    expect((await limiter.stats('t')).windowRemaining).toBe(0);
    await sleep(150);
    expect((await limiter.stats('t')).windowRemaining).toBe(60);
  });

  it('applies a daily cap as a second budget: the calls after the cap wait for the next day (scaled)', async () => {
    // timeScale 28,800: a "day" lasts 3 s. No timing assertion: the order of events proves the cap.
    limiter = createTenantRateLimiter({
      rateLimits: { requests: 60, windowMs: 60_000, perDay: 2 },
      timeScale: 28_800,
    });
    await limiter.schedule('t', async () => undefined);
    expect((await limiter.stats('t')).dayRemaining).toBe(1);
    const started = [false, false, false];
    const calls = [0, 1, 2].map((i) =>
      limiter?.schedule('t', async () => {
        started[i] = true;
      }),
    );
    await calls[0];
    expect((await limiter.stats('t')).dayRemaining).toBe(0);
    expect(started).toEqual([true, false, false]);
    await Promise.all(calls);
    expect(started).toEqual([true, true, true]);
  });

  it('rejects a queued call promptly with the abort reason and never runs it', async () => {
    limiter = createTenantRateLimiter({ rateLimits: { requests: 1, windowMs: 60_000 } });
    await limiter.schedule('t', async () => undefined);
    const controller = new AbortController();
    let ran = false;
    const queued = limiter.schedule(
      't',
      async () => {
        ran = true;
      },
      controller.signal,
    );
    const reason = new Error('canceled');
    controller.abort(reason);
    await expect(queued).rejects.toBe(reason);
    expect(ran).toBe(false);
  });

  it('starts a queued call in the same tick a slot frees, before any timer or I/O callback', async () => {
    // Event order, not elapsed time: a limiter that yields to a timer per job start (as Bottleneck does)
    // lets the setImmediate callback run first.
    limiter = createTenantRateLimiter({ rateLimits: { requests: 100, windowMs: 60_000, maxConcurrent: 1 } });
    const events: string[] = [];
    let finishFirst: () => void = () => undefined;
    const first = limiter.schedule(
      't',
      () =>
        new Promise<void>((resolve) => {
          finishFirst = resolve;
        }),
    );
    const second = limiter.schedule('t', async () => {
      events.push('second started');
    });
    await new Promise((resolve) => setImmediate(resolve));
    expect(events).toEqual([]); // one slot: the second call waits for the first
    finishFirst();
    setImmediate(() => events.push('macrotask'));
    await Promise.all([first, second]);
    await new Promise((resolve) => setImmediate(resolve));
    expect(events).toEqual(['second started', 'macrotask']);
  });

  it('a queued call aborted while waiting for a token does not hold up the calls behind it', async () => {
    limiter = createTenantRateLimiter({ rateLimits: { requests: 1, windowMs: 60_000 }, timeScale: 600 }); // 100 ms
    await limiter.schedule('t', async () => undefined);
    const controller = new AbortController();
    const aborted = limiter.schedule('t', async () => 'aborted ran', controller.signal);
    const behind = limiter.schedule('t', async () => 'behind ran');
    controller.abort(new Error('canceled'));
    await expect(aborted).rejects.toThrow('canceled');
    await expect(behind).resolves.toBe('behind ran');
    expect((await limiter.stats('t')).running).toBe(0);
  });

  it('waits out a pause before starting calls', async () => {
    limiter = createTenantRateLimiter({ rateLimits: { requests: 60, windowMs: 60_000 } });
    limiter.pause('t', 80);
    const t0 = performance.now();
    await limiter.schedule('t', async () => undefined);
    expect(performance.now() - t0).toBeGreaterThanOrEqual(75);
  });
});
