import { createServer } from 'node:http';
import type { Logger } from '@ledgerport/core';
import { verifyPleoWebhook } from '@ledgerport/pleo';
import { RunnerError } from './runner-error';

/** Options of {@link startWebhookListener}. */
export interface WebhookListenerOptions {
  readonly port: number;
  readonly host: string;
  readonly path: string;
  /** `whsec_…` subscription secret. */
  readonly secret: string;
  readonly logger: Logger;
  /** Called with the job's company for every verified `v1.export-job.created` (data is re-read via the API). */
  readonly onJobCreated: (companyId: string, jobId: string) => void;
}

/** Largest webhook body accepted, in bytes. */
const MAX_BODY_BYTES = 256 * 1024;

/**
 * An HTTP listener for Pleo's `v1.export-job.created` webhook (pleo-export-api.md §7). The signature
 * (`webhook-id`, `webhook-timestamp`, `webhook-signature`) is checked with `verifyPleoWebhook` on the raw
 * body; unsigned or stale deliveries get 401 and trigger nothing. A verified delivery only wakes the
 * company's poll (the payload is a snapshot; the job is re-read through the API), so polling stays
 * the source of truth.
 *
 * @throws {RunnerError} when the port cannot be bound.
 */
export async function startWebhookListener(
  options: WebhookListenerOptions,
): Promise<{ url: string; close(): Promise<void> }> {
  const server = createServer((req, res) => {
    if (req.method !== 'POST' || (req.url ?? '').split('?')[0] !== options.path) {
      res.writeHead(404).end();
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        res.writeHead(413).end();
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => {
      if (res.writableEnded) return;
      const body = Buffer.concat(chunks).toString('utf8');
      try {
        const event = verifyPleoWebhook({ secret: options.secret, headers: req.headers, body });
        if (event.kind === 'export-job.created') options.onJobCreated(event.data.companyId, event.data.id);
        res.writeHead(204).end();
      } catch (error) {
        options.logger.warn('Rejected a webhook delivery', { error: (error as Error).message });
        res.writeHead(401).end();
      }
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) =>
      reject(
        new RunnerError(
          `cannot listen for Pleo webhooks on ${options.host}:${options.port} (${error.code ?? error.message}): free the port or change pleo.webhook.port`,
        ),
      ),
    );
    server.listen(options.port, options.host, resolve);
  });
  const address = server.address();
  const port = typeof address === 'object' && address !== null ? address.port : options.port;
  return {
    url: `http://${options.host}:${port}${options.path}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
