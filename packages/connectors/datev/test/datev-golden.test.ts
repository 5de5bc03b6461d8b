import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseDecimalToMinorUnits } from '@ledgerport/core';
import { compareGoldenFiles } from '@ledgerport/file-kit/testing';
import iconv from 'iconv-lite';
import { afterAll, describe, expect, it } from 'vitest';
import { COLUMN, createDatevConnector, datevConfigSchema, readBuchungsstapel } from '../src/index';
import { allLines, bookingBalances, lineBalances } from './support/ledger-balances';
import { runDatevJob } from './support/run-job';
import { seedEntries } from './support/seed-entries';

const GOLDEN = join(import.meta.dirname, 'golden', 'datev-seed-1');
const directory = mkdtempSync(join(tmpdir(), 'ledgerport-datev-golden-'));
afterAll(() => rmSync(directory, { recursive: true, force: true }));

const config = {
  outputDirectory: directory,
  beraternummer: 29098,
  mandantennummer: 55003,
  chartOfAccounts: '04',
  vat: { mode: 'explicit_lines' },
  exchangeRates: { SEK: '11,2345', DKK: '7,4612' },
  costCenters: { kost1: 'PROJECT' },
  batchName: 'Pleo Seed 1',
};
const entries = seedEntries(createDatevConnector().mapOptions?.(datevConfigSchema.parse(config)) ?? {});

describe('DATEV golden files from the sandbox seed company (seed 1)', () => {
  it('writes one Buchungsstapel per month, byte-for-byte as committed under test/golden/datev-seed-1', async () => {
    expect(entries.length).toBeGreaterThan(20);
    const { artifacts, failures } = await runDatevJob(config, entries);
    expect(failures.map((f) => `${f.entry.reference}: ${f.error.reason} ${f.error.field}`)).toEqual([]);
    const written = readdirSync(directory).sort();
    expect(written.length).toBeGreaterThan(1);
    expect(artifacts.map((path) => path.slice(directory.length + 1)).sort()).toEqual(written);
    const golden = compareGoldenFiles(directory, GOLDEN);
    expect(golden.golden).toEqual(written);
    expect(golden.differing, 'files differing from test/golden (UPDATE_GOLDEN=1 rewrites them)').toEqual([]);
  });

  it('refuses a cost centre DATEV cannot hold (seed department "ØKO" as KOST2), naming the field', async () => {
    const { failures } = await runDatevJob(
      { ...config, outputDirectory: join(directory, 'kost'), costCenters: { kost2: 'DEPARTMENT' } },
      entries,
      { dryRun: true },
    );
    expect(failures.length).toBeGreaterThan(0);
    for (const failure of failures)
      expect([failure.error.reason, failure.error.field]).toEqual([
        'validation_failure',
        'KOST2 - Kostenstelle',
      ]);
  });

  it('golden files decode as Windows-1252 with CRLF, and every entry balances per account to the minor unit', () => {
    const rowsByReference = new Map<string, string[][]>();
    for (const name of readdirSync(GOLDEN)) {
      const bytes = readFileSync(join(GOLDEN, name));
      const text = iconv.decode(bytes, 'windows-1252');
      expect(iconv.encode(text, 'windows-1252').equals(bytes), `${name} is not Windows-1252`).toBe(true);
      expect(text).not.toMatch(/[^\r]\n/);
      const period = /^EXTF_Buchungsstapel_(\d{6})_/.exec(name)?.[1];
      for (const row of readBuchungsstapel(new Uint8Array(bytes)).rows) {
        expect(row[COLUMN.belegdatum]?.slice(2, 4)).toBe(period?.slice(4, 6));
        const list = rowsByReference.get(row[COLUMN.belegfeld1] ?? '') ?? [];
        list.push([...row]);
        rowsByReference.set(row[COLUMN.belegfeld1] ?? '', list);
      }
    }
    expect(rowsByReference.size).toBe(entries.length);
    for (const entry of entries) {
      const rows = rowsByReference.get(entry.reference) ?? [];
      const toMinor = (umsatz: string) =>
        parseDecimalToMinorUnits(umsatz, entry.currency, { decimalSeparator: ',' });
      expect(bookingBalances(rows, toMinor), entry.reference).toEqual(lineBalances(allLines(entry)));
    }
  });
});
