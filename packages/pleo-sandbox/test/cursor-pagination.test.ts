import { describe, expect, it } from 'vitest';
import { decodeCursor, encodeCursor, paginate, parsePageRequest } from '../src/http/cursor-pagination';

const request = (query: string, defaultLimit = 10) =>
  parsePageRequest(new URLSearchParams(query), defaultLimit);
const everyThird = { size: 30, total: 10, matches: (i: number) => i % 3 === 0 };

describe('cursor pagination core', () => {
  it('cursors are base32 (^[A-Z2-7=~]+$) and round-trip', () => {
    for (const position of [0, 1, 9, 99_999, 2 ** 40]) {
      const cursor = encodeCursor(position);
      expect(cursor).toMatch(/^[A-Z2-7=~]+$/);
      expect(decodeCursor(cursor, 'after')).toBe(position);
    }
  });

  it('pages an unfiltered list forwards and backwards', () => {
    const list = { size: 7, total: 7 };
    const first = paginate(list, request('limit=3'));
    expect(first.positions).toEqual([0, 1, 2]);
    expect(first.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: false, total: 7 });
    const last = paginate(list, request(`limit=3&after=${encodeCursor(5)}`));
    expect(last.positions).toEqual([6]);
    expect(last.pageInfo).toMatchObject({ hasNextPage: false, hasPreviousPage: true });
    const back = paginate(list, request(`limit=3&before=${encodeCursor(6)}`));
    expect(back.positions).toEqual([3, 4, 5]);
    expect(back.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: true });
    const beyond = paginate(list, request('offset=50'));
    expect(beyond.positions).toEqual([]);
    expect(beyond.pageInfo).toMatchObject({ hasNextPage: false, hasPreviousPage: true });
    expect(beyond.pageInfo.endCursor).toBeUndefined();
  });

  it('pages a filtered list, with offset counting matches', () => {
    const first = paginate(everyThird, request('limit=4'));
    expect(first.positions).toEqual([0, 3, 6, 9]);
    expect(first.pageInfo.hasNextPage).toBe(true);
    const next = paginate(everyThird, request(`limit=4&after=${first.pageInfo.endCursor}`));
    expect(next.positions).toEqual([12, 15, 18, 21]);
    const tail = paginate(everyThird, request(`limit=4&after=${next.pageInfo.endCursor}`));
    expect(tail.positions).toEqual([24, 27]);
    expect(tail.pageInfo).toMatchObject({ hasNextPage: false, hasPreviousPage: true });
    expect(paginate(everyThird, request('limit=2&offset=3')).positions).toEqual([9, 12]);
    const back = paginate(everyThird, request(`limit=3&before=${encodeCursor(12)}`));
    expect(back.positions).toEqual([3, 6, 9]);
    expect(back.pageInfo).toMatchObject({ hasPreviousPage: true, hasNextPage: true });
  });

  it('an empty result has no cursors and no next page', () => {
    const page = paginate({ size: 5, total: 0, matches: () => false }, request(''));
    expect(page).toEqual({
      positions: [],
      pageInfo: expect.objectContaining({ hasNextPage: false, hasPreviousPage: false, total: 0 }),
    });
    expect(page.pageInfo.startCursor).toBeUndefined();
  });

  it('limit: default, 0 means default, clamped to 1000; echoed with the other parameters', () => {
    expect(request('').limit).toBe(10);
    expect(request('limit=0', 25).limit).toBe(25);
    expect(request('limit=99999').limit).toBe(1000);
    expect(request('job_id=x&sorting_keys=date&sorting_order=DESC').echo).toEqual({
      parameters: { job_id: ['x'] },
      limit: 10,
      sortingKeys: ['date'],
      sortingOrder: ['DESC'],
    });
    expect(() => request('sorting_order=SIDEWAYS')).toThrow(/sorting_order/);
    expect(() => request('sorting_keys=a&sorting_keys=b&sorting_order=ASC')).toThrow(/same length/);
    expect(() => request('limit=1.5')).toThrow(/limit/);
    expect(() => request('offset=-2')).toThrow(/offset/);
  });
});
