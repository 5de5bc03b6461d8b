import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createConnectorContext } from '@ledgerport/core';
import { canonicalEntries, canonicalJob } from '@ledgerport/testkit';
import { expect, it } from 'vitest';
import { createSieConnector, readSieDocument } from '../src/index';

it('runs the README example', async () => {
  const connector = createSieConnector();
  const config = connector.configSchema.parse({
    outputDirectory: mkdtempSync(join(tmpdir(), 'sie-')),
    companyName: 'Övningsbolaget AB',
    organizationNumber: '556677-8899',
  });
  const ctx = createConnectorContext({ job: canonicalJob(), config });

  const entry = canonicalEntries().find((e) => e.currency === 'SEK')!;
  const result = await connector.postEntry(ctx, entry);
  const { artifacts } = await connector.commitJob!(ctx, { job: ctx.job, posted: [{ entry, result }] });

  const { document, ksumma } = readSieDocument(new Uint8Array(readFileSync(artifacts[0]!)));
  expect(result.externalId).toBe(`A-${entry.idempotencyKey}`);
  expect(document.vouchers).toHaveLength(1);
  expect(ksumma).toBeTypeOf('number');
  rmSync(config.outputDirectory, { recursive: true, force: true });
});
