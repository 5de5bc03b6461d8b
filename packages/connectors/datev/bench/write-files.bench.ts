/**
 * DATEV write benchmark: stages N synthetic EUR journal entries (expense + input VAT + contra, one
 * dimension, spread over 3 months) through `postEntry`, commits the job with `commitJob` (Windows-1252, one file per month, atomic
 * writes) into a temporary directory, then reads the files back with `readBuchungsstapel`. Prints one JSON
 * line per size: {"bench":"datev-write","entries":N,"stageMs":…,"commitMs":…,"readMs":…,"entriesPerSecond":…,"files":…,"fileBytes":…}
 *
 * Run: pnpm --filter @ledgerport/connector-datev bench   (builds this package; needs @ledgerport/core and
 * @ledgerport/file-kit built). Sizes: BENCH_SIZES=1000,10000 (default).
 */
import { readFileSync, statSync } from 'node:fs';
import { createDatevConnector, readBuchungsstapel } from '@ledgerport/connector-datev';
import { runWriteBench, syntheticJournalEntry } from '@ledgerport/file-kit/bench';

const tax = (amount: number) => ({ code: 'DE19', rate: 0.19, type: 'inclusive' as const, amount });

await runWriteBench({
  bench: 'datev-write',
  createConnector: createDatevConnector,
  config: (outputDirectory) => ({
    outputDirectory,
    beraternummer: 29098,
    mandantennummer: 55003,
    chartOfAccounts: '03',
    vat: { buSchluessel: { DE19: '9' } },
    costCenters: { kost1: 'PROJECT' },
  }),
  entry: (n) =>
    syntheticJournalEntry(n, {
      currency: 'EUR',
      date: `2026-${10 + (n % 3)}-05`,
      lines: (gross, vat, line) => [
        { ...line('4930', 'debit', gross - vat, 'expense'), tax: tax(vat) },
        { ...line('1576', 'debit', vat, 'input_vat'), tax: tax(vat) },
        line('1360', 'credit', gross, 'contra'),
      ],
    }),
  readBack: (artifacts) =>
    artifacts.reduce(
      (sum, path) => sum + readBuchungsstapel(new Uint8Array(readFileSync(path))).rows.length,
      0,
    ),
  fileStats: (artifacts) => ({
    files: artifacts.length,
    fileBytes: artifacts.reduce((sum, path) => sum + statSync(path).size, 0),
  }),
});
