/** The README's example, kept runnable. */
import { canonicalEntries, createTestContext } from '@ledgerport/testkit';
import { expect, it } from 'vitest';
import { createMemoryConnector, createMemoryLedger } from '../src/index';

it('runs the README example', async () => {
  const ledger = createMemoryLedger({ name: 'demo', apiKey: 'demo-key-0123456789', latencyMs: 0 });
  const connector = createMemoryConnector({ ledger });
  const ctx = createTestContext(connector, { ledgerName: 'demo', apiKey: 'demo-key-0123456789' });

  await connector.authenticate(ctx);
  const [entry] = canonicalEntries();
  const result = await connector.postEntry(ctx, entry!);
  expect(ledger.findById(result.externalId)?.lines).toHaveLength(entry!.lines.length);

  ledger.injectFault({ kind: 'http', status: 429, retryAfterSeconds: 2 });
  const error = await connector
    .postEntry(ctx, { ...entry!, idempotencyKey: 'another' })
    .catch((e: unknown) => e);
  expect(error).toMatchObject({ reason: 'accounting_system_rate_limit', retryAfterMs: 2000 });
});
