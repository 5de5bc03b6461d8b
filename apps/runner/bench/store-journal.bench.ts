/**
 * Store benchmark: the cost of the crash-safety journal per accounting entry, as the lifecycle uses it
 * (recordIntent → recordOutcome → markReported in batches of 100), on the embedded SQLite store
 * (WAL, `synchronous` full and normal, a file in the temp folder) and, when reachable, PostgreSQL (its own schema,
 * dropped afterwards). Prints one JSON line per backend:
 *   {"bench":"runner.storeJournal","backend":"sqlite","entries":N,"entriesPerSecond":…,"msPerEntry":…}
 *
 * Run: pnpm --filter @ledgerport/runner bench    (BENCH_ENTRIES=2000 by default; DATABASE_URL or PG*)
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openRunnerStore, type RunnerStore } from '@ledgerport/runner';
import pg from 'pg';

const ENTRIES = Number(process.env.BENCH_ENTRIES ?? 2_000);
const connectionString =
  process.env.DATABASE_URL ??
  `postgres://${process.env.PGUSER ?? 'postgres'}@${process.env.PGHOST ?? '127.0.0.1'}:${process.env.PGPORT ?? '5432'}/${process.env.PGDATABASE ?? 'test'}`;

async function journal(store: RunnerStore, backend: string): Promise<void> {
  const jobId = `bench-${Date.now()}`;
  const started = performance.now();
  let batch: string[] = [];
  for (let i = 0; i < ENTRIES; i += 1) {
    const id = `entry-${i}`;
    await store.exports.recordIntent(jobId, id);
    await store.exports.recordOutcome(jobId, id, {
      status: 'successful',
      externalId: `V-${i}`,
      exportedAt: new Date().toISOString(),
    });
    batch.push(id);
    if (batch.length === 100) {
      await store.exports.listUnreported(jobId);
      await store.exports.markReported(jobId, batch);
      batch = [];
    }
  }
  await store.exports.markReported(jobId, batch);
  const seconds = (performance.now() - started) / 1_000;
  console.log(
    JSON.stringify({
      bench: 'runner.storeJournal',
      backend,
      entries: ENTRIES,
      entriesPerSecond: Math.round(ENTRIES / seconds),
      msPerEntry: Number(((seconds * 1_000) / ENTRIES).toFixed(3)),
    }),
  );
}

const dir = mkdtempSync(join(tmpdir(), 'ledgerport-bench-'));
try {
  for (const synchronous of ['full', 'normal'] as const) {
    const sqlite = await openRunnerStore(
      { type: 'sqlite', path: join(dir, `bench-${synchronous}.db`), synchronous },
      dir,
    );
    await journal(sqlite, `sqlite (synchronous=${synchronous})`);
    await sqlite.close();
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}

const schema = `lp_bench_${process.pid}`;
let postgres: RunnerStore | undefined;
try {
  postgres = await openRunnerStore({ type: 'postgres', connectionString, schema }, '.');
} catch (error) {
  console.log(
    JSON.stringify({ bench: 'runner.storeJournal', backend: 'postgres', skipped: (error as Error).message }),
  );
}
if (postgres !== undefined) {
  try {
    await journal(postgres, 'postgres');
  } finally {
    await postgres.close();
    const client = new pg.Client({ connectionString });
    await client.connect();
    await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
    await client.end();
  }
}
