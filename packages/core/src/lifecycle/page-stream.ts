/**
 * Groups an async stream into arrays of at most `size` elements, reading ahead by one group so the
 * next page's HTTP request and JSON/zod parse overlap with the processing of the current one. Holds at
 * most two groups in memory. Closing the returned iterator closes the source.
 */
export async function* inPages<T>(source: AsyncIterable<T>, size: number): AsyncGenerator<T[]> {
  const iterator = source[Symbol.asyncIterator]();
  const readGroup = async (): Promise<T[]> => {
    const group: T[] = [];
    while (group.length < size) {
      const next = await iterator.next();
      if (next.done === true) break;
      group.push(next.value);
    }
    return group;
  };
  let pending = readGroup();
  pending.catch(() => undefined);
  let completed = false;
  try {
    for (;;) {
      const group = await pending;
      if (group.length === 0) {
        completed = true;
        return;
      }
      if (group.length < size) {
        completed = true;
        yield group;
        return;
      }
      pending = readGroup();
      pending.catch(() => undefined);
      yield group;
    }
  } finally {
    if (!completed) {
      await pending.catch(() => undefined);
      await iterator.return?.();
    }
  }
}
