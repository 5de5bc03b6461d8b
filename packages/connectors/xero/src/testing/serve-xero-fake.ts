import { serveMswHandlers } from '@ledgerport/testkit/http-fake';
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

/**
 * Serves a {@link createXeroFake} over real HTTP (testkit's `serveMswHandlers`: node:http → the fake's
 * msw handlers), so a runner end-to-end test or a demo can run Xero in another process. URLs: accounting
 * API `{url}/api.xro/2.0`, `/Connections` at `{url}`, token endpoint `{url}/identity/connect/token`. A
 * fake network error closes the socket; a timeout fault never answers. The fake's `latencyMs` counts from
 * the moment the HTTP request arrives (before its body is read), so reading, parsing and validating a
 * large body happen within the latency, as in a real Xero, not on top of it; the server holds each answer
 * until its time (`deferLatency`).
 */
export async function startXeroFakeServer(
  options: Omit<XeroFakeOptions, 'apiBaseUrl' | 'connectionsBaseUrl' | 'identityBaseUrl'> & {
    readonly port?: number;
    readonly host?: string;
  } = {},
): Promise<XeroFakeServer> {
  let fake: XeroFake | undefined;
  const served = await serveMswHandlers(
    (baseUrl, receivedAt) => {
      fake = createXeroFake({
        receivedAt,
        deferLatency: true,
        ...options,
        apiBaseUrl: `${baseUrl}/api.xro/2.0`,
        connectionsBaseUrl: baseUrl,
        identityBaseUrl: `${baseUrl}/identity`,
      });
      return fake.handlers;
    },
    {
      ...(options.host === undefined ? {} : { host: options.host }),
      ...(options.port === undefined ? {} : { port: options.port }),
    },
  );
  if (fake === undefined) throw new Error('startXeroFakeServer: the fake was not created');
  return {
    url: served.url,
    fake,
    urls: {
      apiBaseUrl: fake.options.apiBaseUrl,
      connectionsBaseUrl: fake.options.connectionsBaseUrl,
      identityBaseUrl: fake.options.identityBaseUrl,
    },
    close: served.close,
  };
}
