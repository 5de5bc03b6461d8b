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

  it('starts at most `requests` calls in any sliding window of start times', async () => {
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

  it('a call aborted while over the daily cap rejects promptly, never runs and takes no day start', async () => {
    limiter = createTenantRateLimiter({ rateLimits: { requests: 10, windowMs: 60_000, perDay: 1 } });
    await limiter.schedule('t', async () => undefined);
    const controller = new AbortController();
    let ran = false;
    const capped = limiter.schedule(
      't',
      async () => {
        ran = true;
      },
      controller.signal,
    );
    await sleep(20); // admitted by the window limiter, waiting for a day token
    expect((await limiter.stats('t')).windowRemaining).toBe(8);
    controller.abort(new Error('canceled'));
    await expect(capped).rejects.toThrow('canceled');
    await sleep(20);
    expect(ran).toBe(false);
    const stats = await limiter.stats('t');
    // Its window start was taken when it entered its slot (it leaves the window one window later).
    expect(stats.windowRemaining).toBe(8);
    expect(stats.dayRemaining).toBe(0);
    expect(stats.running).toBe(0);
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

  it("pacing 'even' spaces starts a window's share apart and keeps any window within `requests`", async () => {
    // 5 per 1 s scaled ×20 = 5 per 50 ms: starts at least 10 ms apart, the 6th at least 50 ms after the 1st.
    limiter = createTenantRateLimiter({
      rateLimits: { requests: 5, windowMs: 1000, maxConcurrent: 10 },
      timeScale: 20,
      pacing: 'even',
    });
    const starts: number[] = [];
    const order: number[] = [];
    await Promise.all(
      Array.from({ length: 17 }, (_, i) =>
        limiter?.schedule('t', async () => {
          starts.push(performance.now());
          order.push(i);
          await sleep(15); // longer than the spacing: calls overlap, tokens count from the start
        }),
      ),
    );
    expect(order).toEqual(Array.from({ length: 17 }, (_, i) => i));
    // Spaced, not a burst: the first five starts span about four spacings (a burst would start them at once).
    expect((starts[4] ?? 0) - (starts[0] ?? 0)).toBeGreaterThanOrEqual(35);
    for (let i = 5; i < starts.length; i++) {
      expect((starts[i] ?? 0) - (starts[i - 5] ?? 0)).toBeGreaterThanOrEqual(49);
    }
  });

  it("pacing 'burst' starts a window's budget back to back, then waits for the oldest start to leave the window", async () => {
    limiter = createTenantRateLimiter({ rateLimits: { requests: 3, windowMs: 60_000 }, timeScale: 600 }); // 100 ms
    const events: string[] = [];
    const calls = [0, 1, 2, 3].map((i) => limiter?.schedule('t', async () => events.push(`start ${i}`)));
    await Promise.all(calls.slice(0, 3));
    expect(events).toEqual(['start 0', 'start 1', 'start 2']); // no spacing between the first three
    expect((await limiter.stats('t')).windowRemaining).toBe(0);
    await calls[3];
    expect(events).toEqual(['start 0', 'start 1', 'start 2', 'start 3']);
  });

  it('rejects invalid limits with a message naming the field', () => {
    expect(() => createTenantRateLimiter({ rateLimits: { requests: 0, windowMs: 1000 } })).toThrow(
      /rateLimits\.requests/,
    );
    expect(() => createTenantRateLimiter({ rateLimits: { requests: 5, windowMs: 0 } })).toThrow(
      /rateLimits\.windowMs/,
    );
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

  it('starts calls the budget allows without waiting for a timer (no scheduling delay per call)', async () => {
    limiter = createTenantRateLimiter({
      rateLimits: { requests: 60, windowMs: 60_000, maxConcurrent: 5, perDay: 5000 },
    });
    let started = 0;
    const calls = Array.from({ length: 5 }, () =>
      limiter?.schedule('t', async () => {
        started++;
        await sleep(5);
      }),
    );
    // Before any timer or I/O callback runs, every call the budget allows is inside its task.
    await new Promise((resolve) => setImmediate(resolve));
    expect(started).toBe(5);
    await Promise.all(calls);
  });

  it('calls waiting through a 429 pause take no window start while paused', async () => {
    limiter = createTenantRateLimiter({ rateLimits: { requests: 3, windowMs: 60_000 }, timeScale: 600 }); // 100 ms
    limiter.observe('t', 429, new Headers({ 'retry-after': '0.15' }));
    const events: string[] = [];
    const calls = [0, 1, 2].map((i) => limiter?.schedule('t', async () => events.push(`start ${i}`)));
    await sleep(60);
    expect(events).toEqual([]);
    expect((await limiter.stats('t')).windowRemaining).toBe(3);
    await Promise.all(calls);
    expect(events).toEqual(['start 0', 'start 1', 'start 2']);
  });

  it('a lower header figure seen twice borrows the difference once', async () => {
    limiter = createTenantRateLimiter({ rateLimits: { requests: 60, windowMs: 60_000, maxConcurrent: 1 } });
    const headers = new Headers({ 'x-minlimit-remaining': '10' });
    limiter.observe('t', 200, headers);
    limiter.observe('t', 200, headers);
    await sleep(5);
    expect((await limiter.stats('t')).windowRemaining).toBe(10);
  });

  it('waits out a pause before starting calls', async () => {
    limiter = createTenantRateLimiter({ rateLimits: { requests: 60, windowMs: 60_000 } });
    limiter.pause('t', 80);
    const t0 = performance.now();
    await limiter.schedule('t', async () => undefined);
    expect(performance.now() - t0).toBeGreaterThanOrEqual(75);
  });
});
