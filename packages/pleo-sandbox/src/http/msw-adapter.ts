/**
 * msw adapter: one catch-all `http.all` handler per sandbox origin that feeds the request core.
 */
import { HttpResponse, http, type RequestHandler } from 'msw';
import type { RequestCore } from './request-handler';

/** msw handlers serving every path under `baseUrl` from `core`. */
export function createMswHandlers(core: RequestCore, baseUrl: string): RequestHandler[] {
  const origin = baseUrl.replace(/\/+$/, '');
  return [
    http.all(`${origin}/*`, async ({ request }) => {
      const headers: Record<string, string> = {};
      request.headers.forEach((value, key) => {
        headers[key] = value;
      });
      const hasBody = request.method !== 'GET' && request.method !== 'HEAD';
      const response = await core(
        {
          method: request.method,
          url: request.url,
          headers,
          body: hasBody ? await request.text() : undefined,
        },
        origin,
      );
      const body = response.body === undefined || request.method === 'HEAD' ? null : response.body;
      return new HttpResponse(body as ConstructorParameters<typeof HttpResponse>[0], {
        status: response.status,
        headers: response.headers,
      });
    }),
  ];
}
