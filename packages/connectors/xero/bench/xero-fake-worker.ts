/**
 * Worker thread of the Xero benchmark's fake process: holds the spec-validating Xero fake (its state,
 * limits and processing) while the process's main thread only does HTTP (stamping arrivals, holding
 * answers until their time, writing them). A real Xero works on many servers; the fake's one thread
 * must not delay another request's arrival or answer with its own CPU, so the work runs here.
 */
import { setPriority } from 'node:os';
import { parentPort, workerData } from 'node:worker_threads';
import { createXeroFake, loadXeroSpecValidator } from '@ledgerport/connector-xero/testing';
import { answerFakeRequest, type FakeHttpRequest } from '@ledgerport/testkit/http-fake';

const { baseUrl, latencyMs, timeScale } = workerData as {
  baseUrl: string;
  latencyMs: number;
  timeScale: number;
};
const port = parentPort;
if (port === null) throw new Error('xero-fake-worker runs as a worker thread');

// Lowest CPU priority for this thread (Linux applies setpriority(pid 0) to the calling thread): the
// fake's "servers" must not take CPU from the connector under test or from the HTTP thread, which
// stamps arrivals and sends answers on time; on a 2-core machine they would otherwise compete.
try {
  setPriority(19);
} catch {
  // Not permitted here: the benchmark still runs, with more CPU contention.
}
await loadXeroSpecValidator();
// Arrival times (epoch ms from the HTTP thread) on this thread's performance.now() clock.
const arrivals = new WeakMap<Request, number>();
const fake = createXeroFake({
  apiBaseUrl: `${baseUrl}/api.xro/2.0`,
  connectionsBaseUrl: baseUrl,
  identityBaseUrl: `${baseUrl}/identity`,
  latencyMs,
  timeScale,
  // Responses of the fake are spec-checked in the tests; here only requests are, to keep its CPU small.
  validateResponses: false,
  deferLatency: true,
  receivedAt: (request) => arrivals.get(request),
});

type Message =
  | { type: 'request'; id: number; arrivedAt: number; request: FakeHttpRequest }
  | { type: 'reset' }
  | { type: 'stats' };

port.on('message', (message: Message) => {
  if (message.type === 'request') {
    const stamp = message.arrivedAt - performance.timeOrigin;
    void answerFakeRequest(fake.handlers, message.request, (request) => arrivals.set(request, stamp)).then(
      (answer) => port.postMessage({ type: 'answer', id: message.id, answer }),
      (error: unknown) => port.postMessage({ type: 'failure', id: message.id, detail: String(error) }),
    );
  } else if (message.type === 'reset') {
    fake.reset();
    port.postMessage({ type: 'reset' });
  } else if (message.type === 'stats') {
    port.postMessage({
      type: 'stats',
      apiCalls: fake.requests.filter((r) => r.api === 'accounting').length,
      httpCalls: fake.requests.length,
      server429: fake.rateLimitedCount(),
      peakConcurrency: fake.peakConcurrency(),
      specViolations: fake.specViolations,
    });
  }
});
port.postMessage({ type: 'ready', options: fake.options });
