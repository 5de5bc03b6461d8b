/**
 * SIE write benchmark: stages N synthetic SEK journal entries (expense + input VAT + contra, one
 * dimension) through `postEntry`, commits the job with `commitJob` (CP437 encoding, #KSUMMA, atomic
 * write) into a temporary directory, then reads the file back with `readSieDocument`. Prints one JSON
 * line per size: {"bench":"sie-write","entries":N,"stageMs":…,"commitMs":…,"readMs":…,"entriesPerSecond":…,"fileBytes":…}
 *
 * Run: pnpm --filter @ledgerport/connector-sie bench   (builds this package; needs @ledgerport/core built)
 * Sizes: BENCH_SIZES=1000,10000 (default).
 */
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { createSieConnector, readSieDocument } from '@ledgerport/connector-sie';
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
    currency: 'SEK',
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
    date: '2026-10-05',
    postingDate: '2026-10-05',
    description: `Kafé Åkerström - Örjan ${n}`,
    reference: key,
    currency: 'SEK',
    grossAmount: gross,
    lines: [
      line('5800', 'debit', gross - vat, 'expense'),
      line('2641', 'debit', vat, 'input_vat'),
      line('1930', 'credit', gross, 'contra'),
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
  const directory = mkdtempSync(join(tmpdir(), 'ledgerport-sie-bench-'));
  const connector = createSieConnector();
  const config = connector.configSchema.parse({
    outputDirectory: directory,
    companyName: 'Övningsbolaget AB',
    organizationNumber: '556677-8899',
    voucherNumberStart: 1,
    dimensions: { PROJECT: { number: 6, name: 'Projekt' } },
  });
  const ctx = createConnectorContext({ job, config });
  const entries = Array.from({ length: size }, (_, n) => entry(n));
  const t0 = performance.now();
  const posted = [];
  for (const e of entries) posted.push({ entry: e, result: await connector.postEntry(ctx, e) });
  const t1 = performance.now();
  const { artifacts } = await connector.commitJob!(ctx, { job, posted });
  const t2 = performance.now();
  const { document } = readSieDocument(new Uint8Array(readFileSync(artifacts[0]!)));
  const t3 = performance.now();
  if (document.vouchers.length !== size)
    throw new Error(`expected ${size} vouchers, read ${document.vouchers.length}`);
  console.log(
    JSON.stringify({
      bench: 'sie-write',
      entries: size,
      stageMs: Math.round(t1 - t0),
      commitMs: Math.round(t2 - t1),
      readMs: Math.round(t3 - t2),
      entriesPerSecond: Math.round(size / ((t2 - t0) / 1000)),
      fileBytes: statSync(artifacts[0]!).size,
    }),
  );
  rmSync(directory, { recursive: true, force: true });
}
