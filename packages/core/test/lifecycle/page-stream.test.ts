import { describe, expect, it } from 'vitest';
import { inPages } from '../../src/lifecycle/page-stream';

async function* numbers(count: number, log: string[]) {
  try {
    for (let i = 0; i < count; i += 1) {
      log.push(`read ${i}`);
      yield i;
    }
  } finally {
    log.push('closed');
  }
}

describe('inPages', () => {
  it('groups a stream into pages of the given size, the last one shorter', async () => {
    const pages: number[][] = [];
    for await (const page of inPages(numbers(7, []), 3)) pages.push(page);
    expect(pages).toEqual([[0, 1, 2], [3, 4, 5], [6]]);
  });

  it('yields nothing for an empty stream and one page for an exact multiple', async () => {
    const empty: number[][] = [];
    for await (const page of inPages(numbers(0, []), 3)) empty.push(page);
    expect(empty).toEqual([]);
    const exact: number[][] = [];
    for await (const page of inPages(numbers(3, []), 3)) exact.push(page);
    expect(exact).toEqual([[0, 1, 2]]);
  });

  it('reads at most one page ahead and closes the source when the consumer stops', async () => {
    const log: string[] = [];
    for await (const page of inPages(numbers(100, log), 10)) {
      expect(page[0]).toBe(0);
      break;
    }
    expect(log.filter((l) => l.startsWith('read')).length).toBeLessThanOrEqual(20);
    expect(log.at(-1)).toBe('closed');
  });

  it('propagates a source error to the consumer', async () => {
    async function* broken() {
      yield 1;
      throw new Error('page 2 failed');
    }
    const consume = async () => {
      for await (const _ of inPages(broken(), 1)) {
        // consume
      }
    };
    await expect(consume()).rejects.toThrow('page 2 failed');
  });
});
