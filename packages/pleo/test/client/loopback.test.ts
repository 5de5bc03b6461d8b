/**
 * The client over real HTTP on loopback (no msw): a node:http server answering like the Export API,
 * and a closed port for connection errors.
 */
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPleoClient, PleoApiError } from '../../src/index';
import { makeJob } from '../support/fixtures';

const API_KEY = 'loopback-key-4f3e2d1c';
const job = makeJob();
const seen: { url: string | undefined; authorization: string | undefined }[] = [];
let server: Server;
let baseUrl: string;

function listen(
  handler: (request: IncomingMessage) => { status: number; body?: unknown; headers?: Record<string, string> },
) {
  const instance = createServer((request, response) => {
    seen.push({ url: request.url, authorization: request.headers.authorization });
    const { status, body, headers } = handler(request);
    response.writeHead(status, { 'content-type': 'application/json;charset=UTF-8', ...headers });
    response.end(body === undefined ? undefined : JSON.stringify(body));
  });
  return new Promise<Server>((resolve) => instance.listen(0, '127.0.0.1', () => resolve(instance)));
}

beforeAll(async () => {
  let rateLimited = false;
  server = await listen((request) => {
    if (request.headers.authorization !== `Basic ${Buffer.from(`${API_KEY}:`).toString('base64')}`) {
      return { status: 401, body: { type: 'UNAUTHORIZED', message: 'Unauthorized' } };
    }
    if (request.url === `/v3/export-jobs/${job.id}`) {
      if (!rateLimited) {
        rateLimited = true;
        return { status: 429, headers: { 'retry-after': '0' }, body: { type: 'TOO_MANY_REQUESTS' } };
      }
      return { status: 200, body: { data: job } };
    }
    return { status: 404, body: { type: 'EXPORT_NOT_FOUND', message: 'Export job not found.' } };
  });
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe('over loopback HTTP', () => {
  it('authenticates, retries a 429 and parses the job', async () => {
    const pleo = createPleoClient({
      baseUrl,
      auth: { type: 'apiKey', apiKey: API_KEY },
      retry: { minDelayMs: 1 },
    });
    await expect(pleo.getJob(job.id)).resolves.toMatchObject({ id: job.id, status: 'pending' });
    expect(seen.filter((request) => request.url === `/v3/export-jobs/${job.id}`)).toHaveLength(2);
  });

  it('maps a refused connection to service_unreachable after the budget', async () => {
    const closed = await listen(() => ({ status: 200 }));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const pleo = createPleoClient({
      baseUrl: `http://127.0.0.1:${port}`,
      auth: { type: 'apiKey', apiKey: API_KEY },
      retry: { retries: 1, minDelayMs: 1, maxDelayMs: 5 },
    });
    const error = await pleo.getJob(job.id).catch((e: unknown) => e);
    expect(PleoApiError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ failureReasonType: 'service_unreachable', attempts: 2 });
    expect(String(error)).not.toContain(API_KEY);
  });
});
