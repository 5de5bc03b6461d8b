import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { JournalLine } from '@ledgerport/core';
import { compareGoldenFiles } from '@ledgerport/file-kit/testing';
import { afterAll, describe, expect, it } from 'vitest';
import {
  createSieConnector,
  readSieDocument,
  type SieConfig,
  sieConfigSchema,
  voucherKey,
} from '../src/index';
import { runSieJob } from './support/run-job';
import { seedEntries } from './support/seed-entries';

const GOLDEN = join(import.meta.dirname, 'golden', 'sie-seed-1');
const directory = mkdtempSync(join(tmpdir(), 'ledgerport-sie-golden-'));
afterAll(() => rmSync(directory, { recursive: true, force: true }));

const config = {
  outputDirectory: directory,
  companyName: 'Övningsbolaget AB',
  organizationNumber: '556677-8899',
  voucherSeries: 'P',
  voucherNumberStart: 1,
  dimensions: { PROJECT: { number: 6, name: 'Projekt' } },
};
const parsed: SieConfig = sieConfigSchema.parse(config);
const entries = seedEntries(createSieConnector().mapOptions?.(parsed) ?? {});

const signed = (lines: readonly JournalLine[]) =>
  lines.map((line) => (line.side === 'debit' ? line.amount : -line.amount)).sort((a, b) => a - b);

describe('SIE golden files from the sandbox seed company (seed 1)', () => {
  it('writes the job files byte-for-byte as committed under test/golden/sie-seed-1', async () => {
    expect(entries.length).toBeGreaterThan(20);
    const { artifacts, failures } = await runSieJob(config, entries);
    expect(failures.map((f) => `${f.error.reason}: ${f.error.message}`)).toEqual([]);
    const written = readdirSync(directory).sort();
    expect(artifacts.map((path) => path.slice(directory.length + 1)).sort()).toEqual(written);
    const golden = compareGoldenFiles(directory, GOLDEN);
    expect(golden.golden).toEqual(written);
    expect(golden.differing, 'files differing from test/golden (UPDATE_GOLDEN=1 rewrites them)').toEqual([]);
  });

  it('golden files decode as CP437 with CRLF, pass #KSUMMA, and every voucher matches its source entry', () => {
    const byKey = new Map(entries.map((entry) => [entry.idempotencyKey, entry]));
    const seen = new Map<string, number>();
    let vouchers = 0;
    for (const name of readdirSync(GOLDEN).filter((n) => n.endsWith('.si'))) {
      const bytes = new Uint8Array(readFileSync(join(GOLDEN, name)));
      const { document, ksumma } = readSieDocument(bytes);
      expect(ksumma, `${name} has no #KSUMMA`).toBeTypeOf('number');
      expect(Buffer.from(bytes).toString('latin1')).not.toMatch(/[^\r]\n/);
      for (const voucher of document.vouchers) {
        vouchers += 1;
        const key = voucherKey(voucher.text);
        const entry = byKey.get(key);
        expect(entry, `voucher for unknown entry ${key}`).toBeDefined();
        if (entry === undefined) continue;
        expect(document.currency).toBe(entry.currency);
        const index = seen.get(key) ?? 0;
        seen.set(key, index + 1);
        const source =
          index === 0 ? entry.lines : entry.kind === 'supplier_invoice' ? (entry.payment?.lines ?? []) : [];
        expect(
          voucher.transactions.map((row) => row.amount).sort((a, b) => a - b),
          `${key} voucher ${index}`,
        ).toEqual(signed(source));
        expect(voucher.transactions.reduce((sum, row) => sum + row.amount, 0)).toBe(0);
      }
    }
    expect(seen.size).toBe(entries.length);
    expect(vouchers).toBeGreaterThanOrEqual(entries.length);
  });
});
