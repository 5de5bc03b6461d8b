import { delay, HttpResponse, http } from 'msw';
import { describe, expect, it } from 'vitest';
import { PleoApiError } from '../../src/index';
import { BASE_URL } from '../support/fake-pleo';
import { makeJob } from '../support/fixtures';
import { server, useFakePleo } from '../support/msw-server';

const { fake, client } = useFakePleo();

const exception = (status: number, type: string, headers: Record<string, string> = {}) =>
  HttpResponse.json({ type, message: `${type} from test` }, { status, headers });

/** Answers GET /v3/export-jobs/:jobId with `responses` in order (then the fake's real answer). */
function sequence(...responses: (() => Response | Promise<Response>)[]) {
  let calls = 0;
  server.use(
    http.get(`${BASE_URL}/v3/export-jobs/:jobId`, () => {
      const next = responses[calls];
      calls += 1;
      return next?.();
    }),
  );
  return { calls: () => calls };
}

async function failure(promise: Promise<unknown>): Promise<PleoApiError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!PleoApiError.isInstance(error)) throw new Error(`expected a PleoApiError, got ${String(error)}`);
  return error;
}

describe('retries', () => {
  it('retries a 429 after the Retry-After delay (seconds) instead of its own backoff, then succeeds', async () => {
    const job = makeJob();
    fake().jobs.push(job);
    const calls = sequence(() => exception(429, 'TOO_MANY_REQUESTS', { 'retry-after': '0' }));
    const delays: number[] = [];
    const pleo = client({
      retry: { retries: 3, minDelayMs: 40, maxDelayMs: 200, onRetry: ({ delayMs }) => delays.push(delayMs) },
    });

    await expect(pleo.getJob(job.id)).resolves.toMatchObject({ id: job.id });
    expect(calls.calls()).toBe(2);
    expect(delays).toEqual([0]);
  });

  it('accepts Retry-After as an HTTP date', async () => {
    const job = makeJob();
    fake().jobs.push(job);
    sequence(() =>
      exception(429, 'TOO_MANY_REQUESTS', { 'retry-after': new Date(Date.now() - 5000).toUTCString() }),
    );
    const delays: number[] = [];
    const pleo = client({ retry: { minDelayMs: 40, onRetry: ({ delayMs }) => delays.push(delayMs) } });
    await expect(pleo.getJob(job.id)).resolves.toMatchObject({ id: job.id });
    expect(delays).toEqual([0]);
  });

  it('uses exponential backoff when there is no Retry-After', async () => {
    const job = makeJob();
    fake().jobs.push(job);
    sequence(
      () => exception(503, 'SERVICE_UNAVAILABLE'),
      () => exception(500, 'INTERNAL_SERVER_ERROR'),
    );
    const delays: number[] = [];
    const pleo = client({
      retry: { retries: 3, minDelayMs: 5, maxDelayMs: 50, onRetry: ({ delayMs }) => delays.push(delayMs) },
    });
    await expect(pleo.getJob(job.id)).resolves.toMatchObject({ id: job.id });
    expect(delays).toHaveLength(2);
    for (const wait of delays) {
      expect(wait).toBeGreaterThan(0);
      expect(wait).toBeLessThanOrEqual(50);
    }
  });

  it('maps 429 past the budget to pleo_rate_limit', async () => {
    const calls = sequence(
      ...Array.from({ length: 5 }, () => () => exception(429, 'TOO_MANY_REQUESTS', { 'retry-after': '0' })),
    );
    const error = await failure(client({ retry: { retries: 2, minDelayMs: 1 } }).getJob(makeJob().id));
    expect(calls.calls()).toBe(3);
    expect(error).toMatchObject({
      status: 429,
      failureReasonType: 'pleo_rate_limit',
      retryable: true,
      attempts: 3,
    });
    expect(error.message).toContain('after 3 attempts');
  });

  it('does not wait out a Retry-After longer than maxDelayMs: fails at once with retryAfterMs', async () => {
    const calls = sequence(() => exception(429, 'TOO_MANY_REQUESTS', { 'retry-after': '120' }));
    const error = await failure(client({ retry: { retries: 3, maxDelayMs: 20 } }).getJob(makeJob().id));
    expect(calls.calls()).toBe(1);
    expect(error).toMatchObject({ failureReasonType: 'pleo_rate_limit', retryAfterMs: 120_000, attempts: 1 });
  });

  it('maps 5xx past the budget to service_unreachable', async () => {
    const calls = sequence(...Array.from({ length: 5 }, () => () => exception(502, 'BAD_GATEWAY')));
    const error = await failure(
      client({ retry: { retries: 2, minDelayMs: 1, maxDelayMs: 5 } }).getJob(makeJob().id),
    );
    expect(calls.calls()).toBe(3);
    expect(error).toMatchObject({
      status: 502,
      failureReasonType: 'service_unreachable',
      retryable: true,
      attempts: 3,
    });
  });

  it('maps a 504 past the budget to service_timeout', async () => {
    sequence(...Array.from({ length: 2 }, () => () => exception(504, 'GATEWAY_TIMEOUT')));
    const error = await failure(
      client({ retry: { retries: 1, minDelayMs: 1, maxDelayMs: 5 } }).getJob(makeJob().id),
    );
    expect(error).toMatchObject({ status: 504, failureReasonType: 'service_timeout' });
  });

  it('maps network errors past the budget to service_unreachable', async () => {
    const calls = sequence(...Array.from({ length: 3 }, () => () => HttpResponse.error()));
    const error = await failure(
      client({ retry: { retries: 2, minDelayMs: 1, maxDelayMs: 5 } }).getJob(makeJob().id),
    );
    expect(calls.calls()).toBe(3);
    expect(error).toMatchObject({
      status: undefined,
      failureReasonType: 'service_unreachable',
      retryable: true,
    });
    expect(error.message).toMatch(/could not be reached/);
  });

  it('recovers from a network error within the budget', async () => {
    const job = makeJob();
    fake().jobs.push(job);
    sequence(() => HttpResponse.error());
    await expect(client().getJob(job.id)).resolves.toMatchObject({ id: job.id });
  });

  it('maps a per-attempt timeout past the budget to service_timeout', async () => {
    const calls = sequence(
      ...Array.from({ length: 2 }, () => async () => {
        await delay(1_000);
        return exception(500, 'TOO_LATE');
      }),
    );
    const error = await failure(
      client({ timeoutMs: 15, retry: { retries: 1, minDelayMs: 1, maxDelayMs: 5 } }).getJob(makeJob().id),
    );
    expect(calls.calls()).toBe(2);
    expect(error).toMatchObject({ failureReasonType: 'service_timeout', retryable: true, attempts: 2 });
    expect(error.message).toMatch(/timed out after 15 ms/);
  });

  it('does not retry other 4xx answers', async () => {
    const calls = sequence(() => exception(400, 'MISSING_CONTRA_ACCOUNTS'));
    const error = await failure(client({ retry: { retries: 3, minDelayMs: 1 } }).getJob(makeJob().id));
    expect(calls.calls()).toBe(1);
    expect(error).toMatchObject({
      status: 400,
      type: 'MISSING_CONTRA_ACCOUNTS',
      retryable: false,
      failureReasonType: undefined,
    });
  });

  it('makes a single attempt with retries: 0', async () => {
    const calls = sequence(
      () => exception(503, 'SERVICE_UNAVAILABLE'),
      () => exception(503, 'SERVICE_UNAVAILABLE'),
    );
    await failure(client({ retry: { retries: 0 } }).getJob(makeJob().id));
    expect(calls.calls()).toBe(1);
  });

  it('rejects a 200 body that does not match the schema with the field path', async () => {
    sequence(() => HttpResponse.json({ data: { ...makeJob(), status: 'archived' } }));
    const error = await failure(client().getJob(makeJob().id));
    expect(error.message).toMatch(/data\.status/);
    expect(error.retryable).toBe(false);
  });
});
