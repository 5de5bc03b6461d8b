import { describe, expect, it } from 'vitest';
import { parseRetryAfter } from '../src/index';

describe('parseRetryAfter', () => {
  const now = new Date('2026-11-23T12:00:00Z');
  it.each([
    ['0', 0],
    ['60', 60_000],
    [' 5 ', 5_000],
    ['1.5', 1_500],
    ['Mon, 23 Nov 2026 12:01:00 GMT', 60_000],
    ['Mon, 23 Nov 2026 11:00:00 GMT', 0],
  ])('%s → %i ms', (header, ms) => {
    expect(parseRetryAfter(header, now)).toBe(ms);
  });
  it.each([null, undefined, '', 'soon', '-3'])('%s → undefined', (header) => {
    expect(parseRetryAfter(header, now)).toBeUndefined();
  });
});
