/**
 * node:http adapter: a real loopback HTTP server feeding the request core.
 */
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { RequestCore } from './request-handler';

/** A listening sandbox server. */
export interface ListeningServer {
  /** Base URL, e.g. `http://127.0.0.1:4010`. */
  url: string;
  /** Stops accepting connections and closes idle keep-alive sockets. */
  close(): Promise<void>;
}

async function readBody(req: IncomingMessage): Promise<string | undefined> {
  if (req.method === 'GET' || req.method === 'HEAD') return undefined;
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

/**
 * Starts a server on `host:port` (default 127.0.0.1, port 0 = any free port).
 *
 * @param onUrl called with the base URL once known (before any request is served).
 * @throws the listen error (e.g. EADDRINUSE) through the returned promise.
 */
export function startNodeServer(
  core: RequestCore,
  o: { port?: number | undefined; host?: string | undefined } = {},
  onUrl?: (url: string) => void,
): Promise<ListeningServer> {
  const host = o.host ?? '127.0.0.1';
  let baseUrl = '';
  const server = createServer((req, res) => {
    readBody(req)
      .then((body) => {
        const headers: Record<string, string | undefined> = {};
        for (const [key, value] of Object.entries(req.headers)) {
          headers[key] = Array.isArray(value) ? value.join(', ') : value;
        }
        return core({ method: req.method ?? 'GET', url: req.url ?? '/', headers, body }, baseUrl);
      })
      .then((response) => {
        const headers = { ...response.headers };
        if (response.body !== undefined && headers['content-length'] === undefined) {
          headers['content-length'] = String(
            typeof response.body === 'string' ? Buffer.byteLength(response.body) : response.body.byteLength,
          );
        }
        res.writeHead(response.status, headers);
        res.end(req.method === 'HEAD' ? undefined : response.body);
      })
      .catch((error: unknown) => {
        res.writeHead(500, { 'content-type': 'application/json;charset=UTF-8' });
        res.end(JSON.stringify({ type: 'INTERNAL_SERVER_ERROR', message: String(error) }));
      });
  });
  server.keepAliveTimeout = 5_000;
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(o.port ?? 0, host, () => {
      server.off('error', reject);
      const { port } = server.address() as AddressInfo;
      baseUrl = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
      onUrl?.(baseUrl);
      resolve({
        url: baseUrl,
        close: () =>
          new Promise<void>((done, fail) => {
            server.close((error) => (error ? fail(error) : done()));
            server.closeIdleConnections();
          }),
      });
    });
  });
}
