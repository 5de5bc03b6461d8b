/**
 * Memory connector benchmark: posts N synthetic SEK journal entries (expense + input VAT + contra, one
 * dimension) into a fresh in-memory ledger, one `postEntry` at a time, in `postEntries` batches of 50,
 * and with 16 `postEntry` calls in flight, then re-posts everything (idempotent hits). Prints one JSON
 * line per size and mode:
 *   {"bench":"memory-post","mode":"single|batch|concurrent16|repost","entries":N,"ms":…,"entriesPerSecond":…,"heapGrowthMb":…}
 *
 * Run: pnpm --filter @ledgerport/connector-memory bench   (builds this package; needs its deps built)
 * Sizes: BENCH_SIZES=10000,100000 (default).
 */
import { performance } from 'node:perf_hooks';
import { type AccountingEntry, createConnectorContext } from '@ledgerport/core';
import type { ExportItemV3, ExportJobV3 } from '@ledgerport/pleo';
import { createMemoryConnector, createMemoryLedger } from '../dist/index.js';

const job = { id: 'bench-job', companyId: 'bench-company', vendorBasedBookkeeping: false } as ExportJobV3;
const config = { ledgerName: 'bench', apiKey: 'bench-key-0123456789' };

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
    reconciliationId: `BOOK-${n}`,
    type: 'card_purchase',
    subType: null,
    bookkeepingMethod: 'journal',
    date: '2026-10-05',
    postingDate: '2026-10-05',
    description: `Bench supplier ${n}`,
    reference: key,
    currency: 'SEK',
    grossAmount: gross,
    lines: [
      line('6071', 'debit', gross - vat, 'expense'),
      line('2641', 'debit', vat, 'input_vat'),
      line('1930', 'credit', gross, 'contra'),
    ],
    supplierName: 'Bench supplier',
    userName: undefined,
    note: undefined,
    vendor: undefined,
    files: [],
    postingMode: 'draft',
    pleoUrl: undefined,
    source: {} as ExportItemV3,
  };
}

async function run(size: number, mode: 'single' | 'batch' | 'concurrent16'): Promise<void> {
  const ledger = createMemoryLedger({
    name: 'bench',
    apiKey: config.apiKey,
    chartOfAccounts: ['6071', '2641', '1930'],
  });
  const connector = createMemoryConnector({ ledger });
  const ctx = createConnectorContext({ job, config, secretFields: connector.secretFields });
  const entries = Array.from({ length: size }, (_, n) => entry(n));
  globalThis.gc?.();
  const heapBefore = process.memoryUsage().heapUsed;
  const started = performance.now();
  if (mode === 'single') {
    for (const e of entries) await connector.postEntry(ctx, e);
  } else if (mode === 'batch') {
    for (let i = 0; i < size; i += 50) await connector.postEntries!(ctx, entries.slice(i, i + 50));
  } else {
    let next = 0;
    const worker = async () => {
      while (next < size) await connector.postEntry(ctx, entries[next++]!);
    };
    await Promise.all(Array.from({ length: 16 }, worker));
  }
  const ms = performance.now() - started;
  globalThis.gc?.();
  const heapGrowthMb = (process.memoryUsage().heapUsed - heapBefore) / 1024 / 1024;
  if (ledger.documents().length !== size)
    throw new Error(`expected ${size} vouchers, got ${ledger.documents().length}`);
  print(mode, size, ms, heapGrowthMb);
  if (mode === 'single') {
    const again = performance.now();
    for (const e of entries) await connector.postEntry(ctx, e);
    if (ledger.documents().length !== size) throw new Error('a re-post created a voucher');
    print('repost', size, performance.now() - again, 0);
  }
}

function print(mode: string, entries: number, ms: number, heapGrowthMb: number): void {
  console.log(
    JSON.stringify({
      bench: 'memory-post',
      mode,
      entries,
      ms: Math.round(ms),
      entriesPerSecond: Math.round((entries / ms) * 1000),
      heapGrowthMb: Math.round(heapGrowthMb * 10) / 10,
    }),
  );
}

const sizes = (process.env.BENCH_SIZES ?? '10000,100000').split(',').map(Number);
for (const size of sizes) {
  for (const mode of ['single', 'batch', 'concurrent16'] as const) await run(size, mode);
}
