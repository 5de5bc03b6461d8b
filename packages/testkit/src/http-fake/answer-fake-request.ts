import type { IncomingMessage, ServerResponse } from 'node:http';
import { getResponse, type RequestHandler } from 'msw';

/**
 * Internal header of a deferred answer: the epoch ms (fractional) at which a transport may send it. An
 * ERP fake that leaves its latency wait to the transport (e.g. the Xero fake's `deferLatency`) sets it;
 * {@link answerFakeRequest} removes it, so it never reaches the client.
 */
export const FAKE_ANSWER_AT_HEADER = 'x-ledgerport-fake-answer-at';

/** One HTTP request as a transport hands it to {@link answerFakeRequest}. */
export interface FakeHttpRequest {
  readonly method: string;
  /** Absolute URL. */
  readonly url: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly body?: Uint8Array | undefined;
}

/**
 * A fake's answer to one HTTP request: `none` when no handler matches, `network-error` when the fake
 * injects a dropped connection (msw `HttpResponse.error()`), otherwise status, headers and body bytes,
 * with `answerAt` (epoch ms) when the fake deferred its latency to the transport.
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
 * Runs one HTTP request through msw `handlers` (an ERP fake's, via msw's `getResponse`) and reads the
 * whole answer. `beforeHandling` sees the fetch `Request` first, so a transport can remember when it
 * arrived (a fake's `receivedAt`).
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
  const due = headers[FAKE_ANSWER_AT_HEADER];
  delete headers[FAKE_ANSWER_AT_HEADER];
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
 * network error destroys the socket; no route is a JSON 404 naming the request.
 *
 * Node timers have millisecond granularity, measure from the event loop's cached time (so they can fire
 * early) and usually fire up to a millisecond late: the answer waits on a timer until about 2 ms before
 * its time, then on `setImmediate` turns, so it leaves within a loop turn after `answerAt` — never before
 * (a fake counting a call in flight until then would see the next call as concurrent).
 */
export function writeFakeAnswer(req: IncomingMessage, res: ServerResponse, answer: FakeHttpAnswer): void {
  if (answer.kind === 'none') {
    res.writeHead(404, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ Title: 'No fake route', Detail: `${req.method} ${req.url}` }));
    return;
  }
  if (answer.kind === 'network-error') {
    req.socket.destroy();
    return;
  }
  const { answerAt } = answer;
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
