import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import {
  type AccountingEntry,
  type ConnectorV1,
  createConnectorContext,
  type PostedEntry,
} from '@ledgerport/core';
import type { ExportJobV3 } from '@ledgerport/pleo';

/** Options of {@link runWriteBench}. */
export interface WriteBenchOptions<Config> {
  /** Value of the `bench` field, e.g. `'sie-write'`. */
  readonly bench: string;
  /** Entry counts to run (default `BENCH_SIZES` from the environment, else `1000,10000`). */
  readonly sizes?: readonly number[];
  /** A fresh connector per size. */
  createConnector(): ConnectorV1<Config>;
  /** The connector's config (input to its `configSchema`) writing into `outputDirectory`. */
  config(outputDirectory: string): unknown;
  /** The `n`-th entry (0-based). */
  entry(n: number): AccountingEntry;
  /** Reads the written files back and returns how many records (vouchers, bookings) they hold. */
  readBack(artifacts: readonly string[]): number;
  /** Extra fields of the JSON line, from the written files (e.g. `{ files, fileBytes }`). */
  fileStats(artifacts: readonly string[]): Record<string, number>;
}

/**
 * Write benchmark of a `per_job` file connector: for each size, stages N entries through `postEntry`,
 * commits with `commitJob` into a fresh temporary directory, reads the files back with `readBack`
 * (which must find exactly N records), and prints one JSON line:
 * `{"bench","entries","stageMs","commitMs","readMs","entriesPerSecond",...fileStats}`
 * (milliseconds rounded; entries per second over stage + commit). Removes the directory afterwards.
 *
 * @throws `Error` when the files hold another number of records than entries were posted.
 */
export async function runWriteBench<Config>(options: WriteBenchOptions<Config>): Promise<void> {
  const job = { id: 'bench-job', companyId: 'bench-company' } as ExportJobV3;
  const sizes = options.sizes ?? (process.env.BENCH_SIZES ?? '1000,10000').split(',').map(Number);
  for (const size of sizes) {
    const directory = mkdtempSync(join(tmpdir(), `ledgerport-${options.bench}-`));
    try {
      const connector = options.createConnector();
      const config = connector.configSchema.parse(options.config(directory));
      const ctx = createConnectorContext({ job, config });
      const entries = Array.from({ length: size }, (_, n) => options.entry(n));
      const t0 = performance.now();
      const posted: PostedEntry[] = [];
      for (const entry of entries) posted.push({ entry, result: await connector.postEntry(ctx, entry) });
      const t1 = performance.now();
      const { artifacts } = await connector.commitJob!(ctx, { job, posted });
      const t2 = performance.now();
      const records = options.readBack(artifacts);
      const t3 = performance.now();
      if (records !== size) throw new Error(`expected ${size} records, read ${records}`);
      console.log(
        JSON.stringify({
          bench: options.bench,
          entries: size,
          stageMs: Math.round(t1 - t0),
          commitMs: Math.round(t2 - t1),
          readMs: Math.round(t3 - t2),
          entriesPerSecond: Math.round(size / ((t2 - t0) / 1000)),
          ...options.fileStats(artifacts),
        }),
      );
    } finally {
      rmSync(directory, { recursive: true, force: true });
    }
  }
}
