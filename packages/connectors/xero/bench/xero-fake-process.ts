/**
 * Child process of the Xero benchmark: a loopback HTTP server on the main thread (stamps each request's
 * arrival, holds each answer until the fake's latency is over, writes it) in front of the spec-validating
 * Xero fake in a worker thread (`xero-fake-worker.ts`), so the fake's CPU runs beside the connector's,
 * as a real Xero's would, and never delays another request's arrival or answer. Answers `reset` /
 * `stats` over IPC.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Worker } from 'node:worker_threads';
import {
  type FakeHttpAnswer,
  flatHeaders,
  readRequestBody,
  writeFakeAnswer,
} from '@ledgerport/testkit/http-fake';

const send = (message: object) => process.send?.(message);
const pending = new Map<number, (answer: FakeHttpAnswer | { kind: 'failure'; detail: string }) => void>();
let nextId = 0;
let baseUrl = '';

const server = createServer((req, res) => {
  const arrivedAt = performance.timeOrigin + performance.now();
  readRequestBody(req)
    .then(async (body) => {
      const id = nextId++;
      const answered = new Promise<FakeHttpAnswer | { kind: 'failure'; detail: string }>((resolve) =>
        pending.set(id, resolve),
      );
      worker.postMessage({
        type: 'request',
        id,
        arrivedAt,
        request: {
          method: req.method ?? 'GET',
          url: `${baseUrl}${req.url ?? '/'}`,
          headers: flatHeaders(req),
          body,
        },
      });
      const answer = await answered;
      if (answer.kind === 'failure') throw new Error(answer.detail);
      writeFakeAnswer(req, res, answer);
    })
    .catch((error: unknown) => {
      res.writeHead(500, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ Title: 'Xero fake failure', Detail: String(error) }));
    });
});
server.keepAliveTimeout = 5_000;
await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

const worker = new Worker(new URL('./xero-fake-worker.ts', import.meta.url), {
  workerData: {
    baseUrl,
    latencyMs: Number(process.env.LATENCY_MS ?? 100),
    timeScale: Number(process.env.TIME_SCALE ?? 10),
  },
});
worker.on('error', (error) => {
  console.error('xero fake worker failed:', error);
  process.exit(1);
});
worker.on('message', (message: { type: string; id?: number; answer?: FakeHttpAnswer; detail?: string }) => {
  if (message.type === 'answer' || message.type === 'failure') {
    const resolve = pending.get(message.id ?? -1);
    pending.delete(message.id ?? -1);
    resolve?.(
      message.type === 'answer'
        ? (message.answer as FakeHttpAnswer)
        : { kind: 'failure', detail: message.detail ?? 'unknown' },
    );
  } else {
    send(message); // ready, reset, stats
  }
});

process.on('message', (message: { type: string }) => {
  if (message.type === 'reset' || message.type === 'stats') worker.postMessage(message);
  else if (message.type === 'close') {
    server.closeAllConnections();
    server.close(() => void worker.terminate().then(() => process.exit(0)));
  }
});
