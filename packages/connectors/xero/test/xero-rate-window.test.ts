import { describe, expect, it } from 'vitest';
import { RateWindow } from '../src/testing/index';

const limits = { perMinute: 60, concurrent: 5, perDay: 5000 };

describe('RateWindow (the fake’s per-tenant Xero limits)', () => {
  it('counts a call in flight from its arrival until its answer time, set in advance or on answering', () => {
    const window = new RateWindow(limits, 1);
    const tickets = [0, 1, 2, 3, 4].map((i) => window.admit(i));
    for (const t of tickets) {
      expect(t.ok).toBe(true);
      if (t.ok) t.release(100); // answers held until t = 100 (deferred latency)
    }
    expect(tickets.map((t) => (t.ok ? t.inFlight : 0))).toEqual([1, 2, 3, 4, 5]);
    const sixth = window.admit(50);
    expect(sixth).toMatchObject({ ok: false, problem: 'concurrent' });
    const afterAnswers = window.admit(100);
    expect(afterAnswers).toMatchObject({ ok: true, inFlight: 1 });
  });

  it('keeps an unreleased call in flight and refuses the 61st arrival of a sliding minute (scaled)', () => {
    const window = new RateWindow({ ...limits, concurrent: 100 }, 10); // 60 per 6 s
    const open = window.admit(0);
    expect(open.ok).toBe(true);
    for (let i = 1; i < 60; i++) {
      const t = window.admit(i * 10);
      if (t.ok) t.release(i * 10 + 1);
    }
    expect(window.admit(5_999)).toMatchObject({ ok: false, problem: 'minute' });
    const later = window.admit(6_000); // the first arrival left the window
    expect(later).toMatchObject({ ok: true, inFlight: 2 }); // the unreleased first call is still in flight
    expect(window.remaining(6_000).minute).toBe(0);
  });
});
