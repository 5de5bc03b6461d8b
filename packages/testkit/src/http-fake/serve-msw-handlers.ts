import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { RequestHandler } from 'msw';
import { answerFakeRequest, flatHeaders, readRequestBody, writeFakeAnswer } from './answer-fake-request';

/** msw request handlers served over real loopback HTTP. */
export interface ServedHandlers {
  /** Base URL, e.g. `http://127.0.0.1:4321`. */
  readonly url: string;
  close(): Promise<void>;
}

/** When a request arrived at the server, in `performance.now()` ms (before its body was read). */
export type ReceivedAt = (request: Request) => number | undefined;

/**
 * Serves an ERP fake's msw handlers over node:http on a loopback port (each request → msw's
 * `getResponse`), so a connector in another process, a demo or a benchmark talks to the fake over real
 * HTTP. `handlersFor` receives the server's base URL (known only once it listens) and a `receivedAt`
 * lookup (when each request arrived, for fakes whose latency counts from arrival). An unmatched request
 * is answered 404 naming it; an msw `HttpResponse.error()` destroys the socket; a handler that never
 * answers leaves the request open (a timeout fault); an answer carrying `FAKE_ANSWER_AT_HEADER` is
 * held until that time.
 *
 * @throws the listen error (e.g. `EADDRINUSE` for a taken `port`).
 */
export async function serveMswHandlers(
  handlersFor: (baseUrl: string, receivedAt: ReceivedAt) => readonly RequestHandler[],
  options: { readonly host?: string; readonly port?: number } = {},
): Promise<ServedHandlers> {
  const host = options.host ?? '127.0.0.1';
  let handlers: readonly RequestHandler[] = [];
  let baseUrl = '';
  const arrivals = new WeakMap<Request, number>();
  const server = createServer((req, res) => {
    const arrivedAt = performance.now();
    readRequestBody(req)
      .then(async (body) => {
        // Let the event loop take in (and stamp) requests that arrived with this one before this one's
        // processing runs: the fake is one thread, a real ERP is not.
        await new Promise<void>((resolve) => setImmediate(resolve));
        const answer = await answerFakeRequest(
          handlers,
          {
            method: req.method ?? 'GET',
            url: `${baseUrl}${req.url ?? '/'}`,
            headers: flatHeaders(req),
            body,
          },
          (request) => arrivals.set(request, arrivedAt),
        );
        writeFakeAnswer(req, res, answer);
      })
      .catch((error: unknown) => {
        res.writeHead(500, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ Title: 'Fake failure', Detail: String(error) }));
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
  handlers = handlersFor(baseUrl, (request) => arrivals.get(request));
  return {
    url: baseUrl,
    close: () =>
      new Promise<void>((done, fail) => {
        server.close((error) => (error ? fail(error) : done()));
        server.closeAllConnections();
      }),
  };
}
