/**
 * DATEV write benchmark: stages N synthetic EUR journal entries (expense + input VAT + contra, one
 * dimension, spread over 3 months) through `postEntry`, commits the job with `commitJob` (Windows-1252, one file per month, atomic
 * writes) into a temporary directory, then reads the files back with `readBuchungsstapel`. Prints one JSON
 * line per size: {"bench":"datev-write","entries":N,"stageMs":…,"commitMs":…,"readMs":…,"entriesPerSecond":…,"files":…,"fileBytes":…}
 *
 * Run: pnpm --filter @ledgerport/connector-datev bench   (builds this package; needs @ledgerport/core built)
 * Sizes: BENCH_SIZES=1000,10000 (default).
 */
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { createDatevConnector, readBuchungsstapel } from '@ledgerport/connector-datev';
import { type AccountingEntry, createConnectorContext } from '@ledgerport/core';
import type { ExportItemV3, ExportJobV3 } from '@ledgerport/pleo';

const job = { id: 'bench-job', companyId: 'bench-company' } as ExportJobV3;

function entry(n: number): AccountingEntry {
  const key = `00000000-0000-4000-8000-${n.toString(16).padStart(12, '0')}`;
  const gross = 10_000 + (n % 997) * 13;
  const vat = Math.round(gross / 5);
  const line = (
    account: string,
    side: 'debit' | 'credit',
    amount: number,
    role: 'expense' | 'input_vat' | 'contra',
  ) => ({
    account,
    side,
    amount,
    currency: 'EUR',
    role,
    dimensions: role === 'expense' ? [{ dimension: 'PROJECT', value: `P-${n % 50}` }] : [],
  });
  return {
    kind: 'journal',
    idempotencyKey: key,
    accountingEntryId: key,
    reconciliationId: undefined,
    type: 'card_purchase',
    subType: null,
    bookkeepingMethod: 'journal',
    date: `2026-${10 + (n % 3)}-05`,
    postingDate: `2026-${10 + (n % 3)}-05`,
    description: `Kafé Åkerström - Örjan ${n}`,
    reference: key,
    currency: 'EUR',
    grossAmount: gross,
    lines: [
      {
        ...line('4930', 'debit', gross - vat, 'expense'),
        tax: { code: 'DE19', rate: 0.19, type: 'inclusive' as const, amount: vat },
      },
      {
        ...line('1576', 'debit', vat, 'input_vat'),
        tax: { code: 'DE19', rate: 0.19, type: 'inclusive' as const, amount: vat },
      },
      line('1360', 'credit', gross, 'contra'),
    ],
    supplierName: 'Kafé Åkerström',
    userName: 'Örjan',
    note: undefined,
    vendor: undefined,
    files: [],
    postingMode: 'draft',
    pleoUrl: undefined,
    source: {} as ExportItemV3,
  };
}

const sizes = (process.env.BENCH_SIZES ?? '1000,10000').split(',').map(Number);
for (const size of sizes) {
  const directory = mkdtempSync(join(tmpdir(), 'ledgerport-datev-bench-'));
  const connector = createDatevConnector();
  const config = connector.configSchema.parse({
    outputDirectory: directory,
    beraternummer: 29098,
    mandantennummer: 55003,
    chartOfAccounts: '03',
    vat: { buSchluessel: { DE19: '9' } },
    costCenters: { kost1: 'PROJECT' },
  });
  const ctx = createConnectorContext({ job, config });
  const entries = Array.from({ length: size }, (_, n) => entry(n));
  const t0 = performance.now();
  const posted = [];
  for (const e of entries) posted.push({ entry: e, result: await connector.postEntry(ctx, e) });
  const t1 = performance.now();
  const { artifacts } = await connector.commitJob!(ctx, { job, posted });
  const t2 = performance.now();
  const rows = artifacts.reduce(
    (sum, path) => sum + readBuchungsstapel(new Uint8Array(readFileSync(path))).rows.length,
    0,
  );
  const t3 = performance.now();
  if (rows !== size) throw new Error(`expected ${size} bookings, read ${rows}`);
  console.log(
    JSON.stringify({
      bench: 'datev-write',
      entries: size,
      stageMs: Math.round(t1 - t0),
      commitMs: Math.round(t2 - t1),
      readMs: Math.round(t3 - t2),
      entriesPerSecond: Math.round(size / ((t2 - t0) / 1000)),
      files: artifacts.length,
      fileBytes: artifacts.reduce((sum, path) => sum + statSync(path).size, 0),
    }),
  );
  rmSync(directory, { recursive: true, force: true });
}
