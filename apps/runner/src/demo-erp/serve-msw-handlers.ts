import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { getResponse, type RequestHandler } from 'msw';

/** msw request handlers served over real loopback HTTP. */
export interface ServedHandlers {
  /** Base URL, e.g. `http://127.0.0.1:4321`. */
  readonly url: string;
  close(): Promise<void>;
}

async function readBody(req: IncomingMessage): Promise<Buffer | undefined> {
  if (req.method === 'GET' || req.method === 'HEAD') return undefined;
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/**
 * Serves an ERP fake's msw handlers over node:http on a loopback port (each request → msw's
 * `getResponse`), so a connector in another process (`ledgerport run` in a child process) or the demo
 * talks to the fake over real HTTP. `handlersFor` receives the server's base URL (known only once it
 * listens), so the fake can be created with its base URLs pointing at the server. An unmatched request
 * is answered 404 with a JSON body naming it; an msw `HttpResponse.error()` (a fake network fault)
 * destroys the socket; a handler that never answers leaves the request open (a timeout fault).
 *
 * @throws the listen error (e.g. `EADDRINUSE` for a taken `port`).
 */
export async function serveMswHandlers(
  handlersFor: (baseUrl: string) => readonly RequestHandler[],
  options: { readonly host?: string; readonly port?: number } = {},
): Promise<ServedHandlers> {
  const host = options.host ?? '127.0.0.1';
  let handlers: readonly RequestHandler[] = [];
  let baseUrl = '';
  const server = createServer((req, res) => {
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
        const response = await getResponse([...handlers], request);
        if (response === undefined) {
          res.writeHead(404, { 'content-type': 'application/json' });
          res.end(JSON.stringify({ error: 'no fake route', request: `${req.method} ${req.url}` }));
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
        res.end(JSON.stringify({ error: 'fake failure', detail: String(error) }));
      });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  baseUrl = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
  handlers = handlersFor(baseUrl);
  return {
    url: baseUrl,
    close: () =>
      new Promise<void>((done, fail) => {
        server.close((error) => (error ? fail(error) : done()));
        server.closeAllConnections();
      }),
  };
}
