import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { getResponse, type RequestHandler } from 'msw';
import {
  createXeroFake,
  XERO_FAKE_ANSWER_AT_HEADER,
  type XeroFake,
  type XeroFakeOptions,
} from './create-xero-fake';

/** A Xero fake behind a real loopback HTTP server. */
export interface XeroFakeServer {
  /** Base URL, e.g. `http://127.0.0.1:4321`. */
  readonly url: string;
  readonly fake: XeroFake;
  /** The connector config fields pointing at this server. */
  readonly urls: {
    readonly apiBaseUrl: string;
    readonly connectionsBaseUrl: string;
    readonly identityBaseUrl: string;
  };
  close(): Promise<void>;
}

/** One HTTP request as a transport hands it to {@link answerFakeRequest}. */
export interface FakeHttpRequest {
  readonly method: string;
  /** Absolute URL. */
  readonly url: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly body?: Uint8Array | undefined;
}

/**
 * The fake's answer to one HTTP request: `none` when no handler matches, `network-error` when the fake
 * injects a dropped connection, otherwise status, headers and body bytes, with `answerAt` (epoch ms) when
 * the fake deferred its latency to the transport (`deferLatency`; the header is removed).
 */
export type FakeHttpAnswer =
  | { readonly kind: 'none' }
  | { readonly kind: 'network-error' }
  | {
      readonly kind: 'answer';
      readonly status: number;
      readonly headers: Record<string, string>;
      readonly body: Uint8Array;
      readonly answerAt: number | undefined;
    };

/**
 * Runs one HTTP request through msw `handlers` (a fake's) and reads the whole answer. `request` is
 * handed to `beforeHandling` first, so a transport can remember when it arrived (see `receivedAt`).
 */
export async function answerFakeRequest(
  handlers: readonly RequestHandler[],
  request: FakeHttpRequest,
  beforeHandling?: (request: Request) => void,
): Promise<FakeHttpAnswer> {
  const fetchRequest = new Request(request.url, {
    method: request.method,
    headers: request.headers,
    ...(request.body === undefined ? {} : { body: request.body }),
  });
  beforeHandling?.(fetchRequest);
  const response = await getResponse([...handlers], fetchRequest);
  if (response === undefined) return { kind: 'none' };
  if (response.type === 'error') return { kind: 'network-error' };
  const body = new Uint8Array(await response.arrayBuffer());
  const headers: Record<string, string> = {};
  response.headers.forEach((value, key) => {
    headers[key] = value;
  });
  const due = headers[XERO_FAKE_ANSWER_AT_HEADER];
  delete headers[XERO_FAKE_ANSWER_AT_HEADER];
  headers['content-length'] = String(body.byteLength);
  return {
    kind: 'answer',
    status: response.status,
    headers,
    body,
    answerAt: due === undefined ? undefined : Number(due),
  };
}

/** Reads a Node request's body (`undefined` for GET / HEAD). */
export async function readRequestBody(req: IncomingMessage): Promise<Uint8Array | undefined> {
  if (req.method === 'GET' || req.method === 'HEAD') return undefined;
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/** A Node request's headers as one string per name. */
export function flatHeaders(req: IncomingMessage): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const [key, value] of Object.entries(req.headers)) {
    if (value !== undefined) headers[key] = Array.isArray(value) ? value.join(', ') : value;
  }
  return headers;
}

/**
 * Writes `answer` to `res`: not before its `answerAt` (epoch ms) when the fake deferred its latency; a
 * network error closes the socket; no route is a JSON 404.
 */
export function writeFakeAnswer(req: IncomingMessage, res: ServerResponse, answer: FakeHttpAnswer): void {
  if (answer.kind === 'none') {
    res.writeHead(404, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ Title: 'No Xero fake route', Detail: `${req.method} ${req.url}` }));
    return;
  }
  if (answer.kind === 'network-error') {
    req.socket.destroy();
    return;
  }
  const { answerAt } = answer;
  // Node timers have millisecond granularity, measure from the event loop's cached time (so they can
  // fire early) and usually fire up to a millisecond late. The answer waits on a timer until about 2 ms
  // before its time, then on `setImmediate` turns, so it leaves within a loop turn after `answerAt` —
  // never before it (the fake counts the call in flight until then: an early answer would let the next
  // call look concurrent), and not a millisecond late on every call (which the latency would not say).
  const send = () => {
    const wait = answerAt === undefined ? 0 : answerAt - (performance.timeOrigin + performance.now());
    if (wait > 2) setTimeout(send, wait - 2);
    else if (wait > 0) setImmediate(send);
    else {
      res.writeHead(answer.status, answer.headers);
      res.end(answer.body);
    }
  };
  send();
}

/**
 * Serves a {@link createXeroFake} over real HTTP (node:http → the fake's msw handlers through msw's
 * `getResponse`), so a runner end-to-end test or a benchmark can run Xero in another process. URLs:
 * accounting API `{url}/api.xro/2.0`, `/Connections` at `{url}`, token endpoint `{url}/identity/connect/token`.
 * A fake network error closes the socket; a timeout fault never answers. The fake's `latencyMs` counts
 * from the moment the HTTP request arrives (before its body is read), so reading, parsing and
 * validating a large body happen within the latency, as in a real Xero, not on top of it; the server
 * holds each answer until its time (`deferLatency`).
 */
export async function startXeroFakeServer(
  options: Omit<XeroFakeOptions, 'apiBaseUrl' | 'connectionsBaseUrl' | 'identityBaseUrl'> & {
    readonly port?: number;
    readonly host?: string;
  } = {},
): Promise<XeroFakeServer> {
  const host = options.host ?? '127.0.0.1';
  let fake: XeroFake | undefined;
  let baseUrl = '';
  // When each request came in (before its body was read), so the fake's latency counts from arrival.
  const arrivals = new WeakMap<Request, number>();
  const server = createServer((req, res) => {
    const receivedAt = performance.now();
    readRequestBody(req)
      .then(async (body) => {
        // Let the event loop take in (and stamp) requests that arrived with this one before this one's
        // processing runs: the fake is one thread, a real Xero is not.
        await new Promise<void>((resolve) => setImmediate(resolve));
        const answer = await answerFakeRequest(
          fake?.handlers ?? [],
          {
            method: req.method ?? 'GET',
            url: `${baseUrl}${req.url ?? '/'}`,
            headers: flatHeaders(req),
            body,
          },
          (request) => arrivals.set(request, receivedAt),
        );
        writeFakeAnswer(req, res, answer);
      })
      .catch((error: unknown) => {
        res.writeHead(500, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ Title: 'Xero fake failure', Detail: String(error) }));
      });
  });
  server.keepAliveTimeout = 5_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  baseUrl = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
  const urls = {
    apiBaseUrl: `${baseUrl}/api.xro/2.0`,
    connectionsBaseUrl: baseUrl,
    identityBaseUrl: `${baseUrl}/identity`,
  };
  fake = createXeroFake({
    receivedAt: (request) => arrivals.get(request),
    deferLatency: true,
    ...options,
    ...urls,
  });
  return {
    url: baseUrl,
    fake,
    urls,
    close: () =>
      new Promise<void>((done, fail) => {
        server.close((error) => (error ? fail(error) : done()));
        server.closeAllConnections();
      }),
  };
}
