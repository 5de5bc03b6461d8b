/**
 * One msw server per test file, failing on any request no handler answers
 * (`onUnhandledFrame: 'error'`, msw 3), with a fresh {@link createFakePleo} per test.
 */
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, beforeEach } from 'vitest';
import { createPleoClient, type PleoClient, type PleoClientOptions } from '../../src/index';
import { API_KEY, BASE_URL, createFakePleo, type FakePleo } from './fake-pleo';

export const server = setupServer();

/** Registers lifecycle hooks; returns getters for the current fake and a client factory. */
export function useFakePleo(options: { defaultPageSize?: number } = {}) {
  let fake: FakePleo;
  beforeAll(() => server.listen({ onUnhandledFrame: 'error' }));
  beforeEach(() => {
    fake = createFakePleo(options);
    server.resetHandlers(...fake.handlers);
  });
  afterEach(() => server.resetHandlers());
  afterAll(() => server.close());
  return {
    fake: () => fake,
    client: (overrides: Partial<PleoClientOptions> = {}): PleoClient =>
      createPleoClient({
        baseUrl: BASE_URL,
        auth: { type: 'apiKey', apiKey: API_KEY },
        retry: { retries: 2, minDelayMs: 1, maxDelayMs: 20 },
        ...overrides,
      }),
  };
}

/** Collects an async iterable (tests only; the client itself never collects pages). */
export async function collect<T>(iterable: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const value of iterable) out.push(value);
  return out;
}
