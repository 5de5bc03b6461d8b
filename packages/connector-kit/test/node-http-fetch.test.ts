import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { HttpResponse, http } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { classifyHttpError, createErpFetch, createNodeHttpFetch } from '../src/index';

async function failureOf(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected the request to fail');
}

async function bodyOf(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

describe('createNodeHttpFetch over real loopback HTTP', () => {
  let server: Server;
  let base = '';
  const seen: {
    method: string | undefined;
    url: string | undefined;
    headers: IncomingMessage['headers'];
    body: string;
  }[] = [];
  beforeAll(async () => {
    server = createServer((req, res) => {
      void bodyOf(req).then((body) => {
        seen.push({ method: req.method, url: req.url, headers: req.headers, body });
        if (req.url?.startsWith('/slow')) return; // never answers
        if (req.url?.startsWith('/missing')) {
          res.writeHead(404, { 'content-type': 'application/json', 'x-request-id': 'r1' });
          res.end(JSON.stringify({ Title: 'Not found' }));
          return;
        }
        res.writeHead(201, { 'content-type': 'application/json', 'x-minlimit-remaining': '59' });
        res.end(JSON.stringify({ echoed: JSON.parse(body || 'null') }));
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });

  it('sends method, headers, query and a JSON body through ofetch, and returns status, headers and body', async () => {
    const $erp = createErpFetch({ baseURL: `${base}/api`, fetch: createNodeHttpFetch() });
    const response = await $erp.raw<{ echoed: unknown }>('/Journals', {
      method: 'PUT',
      query: { summarizeErrors: 'false' },
      headers: { 'idempotency-key': 'k-1' },
      body: { Journals: [{ Narration: 'Pleo — café' }] },
    });
    expect(response.status).toBe(201);
    expect(response.headers.get('x-minlimit-remaining')).toBe('59');
    expect(response._data).toEqual({ echoed: { Journals: [{ Narration: 'Pleo — café' }] } });
    const last = seen.at(-1);
    expect(last?.method).toBe('PUT');
    expect(last?.url).toBe('/api/Journals?summarizeErrors=false');
    expect(last?.headers?.['idempotency-key']).toBe('k-1');
    expect(last?.headers?.['content-length']).toBe(String(Buffer.byteLength(last?.body ?? '')));
  });

  it('keeps one connection alive across sequential calls', async () => {
    const fetch = createNodeHttpFetch();
    const ports = new Set<number>();
    const onConnection = (socket: { remotePort?: number }) => ports.add(socket.remotePort ?? 0);
    server.on('connection', onConnection);
    for (let i = 0; i < 3; i++) await (await fetch(`${base}/ok`, { method: 'GET' })).text();
    server.off('connection', onConnection);
    expect(ports.size).toBe(1);
  });

  it('an error status becomes an ofetch FetchError with status, headers and parsed data', async () => {
    const $erp = createErpFetch({ baseURL: base, fetch: createNodeHttpFetch() });
    const error = (await failureOf($erp('/missing'))) as { status?: number; data?: unknown };
    expect(error.status).toBe(404);
    expect(error.data).toEqual({ Title: 'Not found' });
    expect(classifyHttpError(error).reason).toBe('invalid_configuration');
  });

  it('rejects with the signal’s reason on abort and with a TimeoutError on the ERP fetch timeout', async () => {
    const fetch = createNodeHttpFetch();
    const controller = new AbortController();
    const pending = fetch(`${base}/slow`, { method: 'GET', signal: controller.signal });
    const reason = new Error('job canceled');
    controller.abort(reason);
    await expect(pending).rejects.toBe(reason);
    const $erp = createErpFetch({ baseURL: base, fetch, timeoutMs: 50 });
    const timeout = await failureOf($erp('/slow'));
    expect(classifyHttpError(timeout).reason).toBe('accounting_system_timeout');
  });

  it('a refused connection is a network failure, as with undici fetch (TypeError "fetch failed")', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    const error = await failureOf(createNodeHttpFetch()(`http://127.0.0.1:${port}/x`));
    expect(error).toBeInstanceOf(TypeError);
    expect((error as TypeError).message).toBe('fetch failed');
    const $erp = createErpFetch({ baseURL: `http://127.0.0.1:${port}`, fetch: createNodeHttpFetch() });
    expect(classifyHttpError(await failureOf($erp('/x'))).reason).toBe('accounting_system_unreachable');
  });

  it('refuses bodies it cannot send instead of sending something else', async () => {
    const error = await failureOf(
      createNodeHttpFetch()(`${base}/ok`, { method: 'PUT', body: new URLSearchParams({ a: '1' }) }),
    );
    expect(error).toBeInstanceOf(TypeError);
  });
});

describe('createNodeHttpFetch under msw (connector tests)', () => {
  const mock = setupServer(
    http.put('https://erp.test/api/Journals', async ({ request }) =>
      HttpResponse.json({ got: await request.json(), tenant: request.headers.get('xero-tenant-id') }),
    ),
  );
  beforeAll(() => mock.listen({ onUnhandledFrame: 'error' }));
  afterAll(() => mock.close());

  it('is intercepted like fetch (https included), so msw fakes answer it', async () => {
    const $erp = createErpFetch({ baseURL: 'https://erp.test/api', fetch: createNodeHttpFetch() });
    const answer = await $erp('/Journals', {
      method: 'PUT',
      headers: { 'xero-tenant-id': 't-1' },
      body: { a: 1 },
    });
    expect(answer).toEqual({ got: { a: 1 }, tenant: 't-1' });
  });
});
