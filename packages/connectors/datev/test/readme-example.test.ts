import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createConnectorContext } from '@ledgerport/core';
import { canonicalEntries, canonicalJob } from '@ledgerport/testkit';
import { expect, it } from 'vitest';
import { createDatevConnector, readBuchungsstapel } from '../src/index';

it('runs the README example', async () => {
  const connector = createDatevConnector();
  const config = connector.configSchema.parse({
    outputDirectory: mkdtempSync(join(tmpdir(), 'datev-')),
    beraternummer: 29098,
    mandantennummer: 55003,
    chartOfAccounts: '04',
    vat: { buSchluessel: { DE19: '9' } },
  });
  const ctx = createConnectorContext({ job: canonicalJob(), config });

  const entry = canonicalEntries().find((e) => e.currency === 'EUR')!;
  const result = await connector.postEntry(ctx, entry);
  const { artifacts } = await connector.commitJob!(ctx, { job: ctx.job, posted: [{ entry, result }] });

  const { header, rows } = readBuchungsstapel(new Uint8Array(readFileSync(artifacts[0]!)));
  expect(result.externalId).toBe(entry.reference);
  expect(header.slice(0, 5)).toEqual(['EXTF', '700', '21', 'Buchungsstapel', '13']);
  expect(rows[0]?.slice(0, 11)).toEqual([
    '119,00',
    'S',
    'EUR',
    '',
    '',
    '',
    '5410',
    '1931',
    '0009',
    '0610',
    entry.reference,
  ]);
  rmSync(config.outputDirectory, { recursive: true, force: true });
});
