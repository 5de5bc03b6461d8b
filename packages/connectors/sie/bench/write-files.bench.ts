/**
 * SIE write benchmark: stages N synthetic SEK journal entries (expense + input VAT + contra, one
 * dimension) through `postEntry`, commits the job with `commitJob` (CP437 encoding, #KSUMMA, atomic
 * write) into a temporary directory, then reads the file back with `readSieDocument`. Prints one JSON
 * line per size: {"bench":"sie-write","entries":N,"stageMs":…,"commitMs":…,"readMs":…,"entriesPerSecond":…,"fileBytes":…}
 *
 * Run: pnpm --filter @ledgerport/connector-sie bench   (builds this package; needs @ledgerport/core and
 * @ledgerport/file-kit built). Sizes: BENCH_SIZES=1000,10000 (default).
 */
import { readFileSync, statSync } from 'node:fs';
import { createSieConnector, readSieDocument } from '@ledgerport/connector-sie';
import { runWriteBench, syntheticJournalEntry } from '@ledgerport/file-kit/bench';

await runWriteBench({
  bench: 'sie-write',
  createConnector: createSieConnector,
  config: (outputDirectory) => ({
    outputDirectory,
    companyName: 'Övningsbolaget AB',
    organizationNumber: '556677-8899',
    voucherNumberStart: 1,
    dimensions: { PROJECT: { number: 6, name: 'Projekt' } },
  }),
  entry: (n) =>
    syntheticJournalEntry(n, {
      currency: 'SEK',
      date: '2026-10-05',
      lines: (gross, vat, line) => [
        line('5800', 'debit', gross - vat, 'expense'),
        line('2641', 'debit', vat, 'input_vat'),
        line('1930', 'credit', gross, 'contra'),
      ],
    }),
  readBack: (artifacts) =>
    readSieDocument(new Uint8Array(readFileSync(artifacts[0]!))).document.vouchers.length,
  fileStats: (artifacts) => ({ fileBytes: statSync(artifacts[0]!).size }),
});
