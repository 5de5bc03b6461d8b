import { createMemoryLogger, ItemError } from '@ledgerport/core';
import { delay, HttpResponse, http } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { classifyHttpError, createErpFetch, rethrowHttpError } from '../src/index';

const BASE = 'https://erp.test/api';
const server = setupServer();
beforeAll(() => server.listen({ onUnhandledFrame: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

async function failureOf(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected the request to fail');
}

function respondWith(status: number, headers: Record<string, string> = {}) {
  server.use(http.get(`${BASE}/thing`, () => HttpResponse.json({ message: 'nope' }, { status, headers })));
}

describe('createErpFetch', () => {
  it('sends headers from a function, never retries by itself, and logs without secrets', async () => {
    let calls = 0;
    let seenAuth: string | null = null;
    server.use(
      http.get(`${BASE}/thing`, ({ request }) => {
        calls++;
        seenAuth = request.headers.get('authorization');
        return HttpResponse.json({ error: 'down' }, { status: 503 });
      }),
    );
    const logger = createMemoryLogger();
    const $erp = createErpFetch({
      baseURL: BASE,
      headers: async () => ({ authorization: 'Bearer sk-very-secret' }),
      logger,
      secretValues: ['sk-very-secret'],
    });
    const error = await failureOf($erp('/thing?access_token=sk-very-secret'));
    expect(calls).toBe(1);
    expect(seenAuth).toBe('Bearer sk-very-secret');
    expect(classifyHttpError(error).reason).toBe('accounting_system_unreachable');
    expect(JSON.stringify(logger.lines)).not.toContain('sk-very-secret');
    expect(logger.lines[0]?.fields).toMatchObject({ method: 'GET', status: 503 });
  });

  it('fails a slow answer with a TimeoutError classified as accounting_system_timeout', async () => {
    server.use(
      http.get(`${BASE}/thing`, async () => {
        await delay(500);
        return HttpResponse.json({});
      }),
    );
    const $erp = createErpFetch({ baseURL: BASE, timeoutMs: 50, signal: new AbortController().signal });
    const error = classifyHttpError(await failureOf($erp('/thing')));
    expect(error.reason).toBe('accounting_system_timeout');
    expect(error.retryable).toBe(true);
  });

  it('rejects with the signal reason when the job is aborted', async () => {
    server.use(
      http.get(`${BASE}/thing`, async () => {
        await delay(2_000);
        return HttpResponse.json({});
      }),
    );
    const controller = new AbortController();
    const $erp = createErpFetch({ baseURL: BASE, signal: controller.signal });
    const pending = failureOf($erp('/thing'));
    const reason = new Error('job canceled');
    setTimeout(() => controller.abort(reason), 10);
    const error = await pending;
    expect(() => rethrowHttpError(error, { signal: controller.signal })).toThrow(reason);
  });
});

describe('classifyHttpError: the default matrix', () => {
  const $erp = createErpFetch({ baseURL: BASE });
  const matrix: [number, string, boolean][] = [
    [400, 'accounting_system_validation_failure', false],
    [401, 'accounting_system_authentication_failure', false],
    [403, 'authorization_failure', false],
    [404, 'invalid_configuration', false],
    [409, 'accounting_system_validation_failure', false],
    [422, 'accounting_system_validation_failure', false],
    [429, 'accounting_system_rate_limit', true],
    [500, 'accounting_system_unreachable', true],
    [502, 'accounting_system_unreachable', true],
    [503, 'accounting_system_unreachable', true],
    [504, 'accounting_system_unreachable', true],
    [418, 'accounting_system_validation_failure', false],
    [507, 'accounting_system_unreachable', true],
  ];
  it.each(matrix)('HTTP %i → %s (retryable %s)', async (status, reason, retryable) => {
    respondWith(status);
    const error = classifyHttpError(await failureOf($erp('/thing')), {}, { system: 'Acme ERP' });
    expect(error).toBeInstanceOf(ItemError);
    expect(error.reason).toBe(reason);
    expect(error.retryable).toBe(retryable);
    expect(error.details).toMatchObject({ status });
    expect(error.message).not.toMatch(/\{system\}|\{status\}/);
  });

  it('reads Retry-After (seconds) on 429', async () => {
    respondWith(429, { 'retry-after': '7' });
    const error = classifyHttpError(await failureOf($erp('/thing')));
    expect(error.retryAfterMs).toBe(7_000);
  });

  it('reads Retry-After (HTTP-date) on 503 relative to now', async () => {
    const now = new Date('2026-11-23T12:00:00Z');
    respondWith(503, { 'retry-after': 'Mon, 23 Nov 2026 12:00:30 GMT' });
    const error = classifyHttpError(await failureOf($erp('/thing')), {}, { now });
    expect(error.retryAfterMs).toBe(30_000);
  });

  it('maps a network error to accounting_system_unreachable', async () => {
    server.use(http.get(`${BASE}/thing`, () => HttpResponse.error()));
    const error = classifyHttpError(await failureOf($erp('/thing')));
    expect(error.reason).toBe('accounting_system_unreachable');
    expect(error.retryable).toBe(true);
    expect(error.details).toMatchObject({ kind: 'network' });
  });

  it('lets a connector override one row and keeps the others', async () => {
    respondWith(404);
    const overridden = classifyHttpError(await failureOf($erp('/thing')), {
      404: { reason: 'account_unknown', message: 'No such account in {system}.' },
    });
    expect(overridden.reason).toBe('account_unknown');
    expect(overridden.retryable).toBe(false);
    expect(overridden.message).toBe('No such account in the accounting system.');
    respondWith(403);
    expect(
      classifyHttpError(await failureOf($erp('/thing')), { 404: { reason: 'account_unknown' } }).reason,
    ).toBe('authorization_failure');
  });

  it('passes an ItemError through unchanged', () => {
    const original = new ItemError('vendor_unknown', 'Vendor X is missing.');
    expect(classifyHttpError(original)).toBe(original);
  });
});
