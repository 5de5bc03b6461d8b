/**
 * Child process of the Xero benchmark: serves the spec-validating Xero fake over loopback HTTP (so its
 * CPU runs beside the connector's, as a real Xero would) and answers `reset` / `stats` over IPC.
 */
import { loadXeroSpecValidator, startXeroFakeServer } from '@ledgerport/connector-xero/testing';

const send = (message: object) => process.send?.(message);
await loadXeroSpecValidator();
const served = await startXeroFakeServer({
  latencyMs: Number(process.env.LATENCY_MS ?? 100),
  timeScale: Number(process.env.TIME_SCALE ?? 10),
  validateResponses: false,
});
const { fake } = served;
process.on('message', (message: { type: string }) => {
  if (message.type === 'reset') {
    fake.reset();
    send({ type: 'reset' });
  } else if (message.type === 'stats') {
    send({
      type: 'stats',
      apiCalls: fake.requests.filter((r) => r.api === 'accounting').length,
      httpCalls: fake.requests.length,
      server429: fake.rateLimitedCount(),
      peakConcurrency: fake.peakConcurrency(),
      specViolations: fake.specViolations,
    });
  } else if (message.type === 'close') {
    void served.close().then(() => process.exit(0));
  }
});
send({ type: 'ready', options: fake.options });
