import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { getResponse } from 'msw';
import { createXeroFake, type XeroFake, type XeroFakeOptions } from './create-xero-fake';

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

async function readBody(req: IncomingMessage): Promise<Buffer | undefined> {
  if (req.method === 'GET' || req.method === 'HEAD') return undefined;
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/**
 * Serves a {@link createXeroFake} over real HTTP (node:http → the fake's msw handlers through msw's
 * `getResponse`), so a runner end-to-end test or a benchmark can run Xero in another process. URLs:
 * accounting API `{url}/api.xro/2.0`, `/Connections` at `{url}`, token endpoint `{url}/identity/connect/token`.
 * A fake network error closes the socket; a timeout fault never answers. The fake's `latencyMs` counts
 * from the moment the HTTP request arrives (before its body is read), so reading, parsing and
 * validating a large body happen within the latency, as in a real Xero, not on top of it.
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
    readBody(req)
      .then(async (body) => {
        const headers = new Headers();
        for (const [key, value] of Object.entries(req.headers)) {
          if (value !== undefined) headers.set(key, Array.isArray(value) ? value.join(', ') : value);
        }
        const request = new Request(`${baseUrl}${req.url ?? '/'}`, {
          method: req.method ?? 'GET',
          headers,
          ...(body === undefined ? {} : { body }),
        });
        arrivals.set(request, receivedAt);
        // Let the event loop take in (and stamp) requests that arrived with this one before this one's
        // processing runs: the fake is one thread, a real Xero is not, so processing must not delay
        // another request's arrival time — all of it happens within each request's latency.
        await new Promise<void>((resolve) => setImmediate(resolve));
        const response = await getResponse([...(fake?.handlers ?? [])], request);
        if (response === undefined) {
          res.writeHead(404, { 'content-type': 'application/json' });
          res.end(JSON.stringify({ Title: 'No Xero fake route', Detail: `${req.method} ${req.url}` }));
          return;
        }
        if (response.type === 'error') {
          req.socket.destroy();
          return;
        }
        const bytes = Buffer.from(await response.arrayBuffer());
        const out: Record<string, string> = {};
        response.headers.forEach((value, key) => {
          out[key] = value;
        });
        out['content-length'] = String(bytes.byteLength);
        res.writeHead(response.status, out);
        res.end(bytes);
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
  fake = createXeroFake({ receivedAt: (request) => arrivals.get(request), ...options, ...urls });
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
