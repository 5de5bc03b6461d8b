import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createPleoSandbox } from '@ledgerport/pleo-sandbox';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestCli } from '../support/build-cli';
import { dropSchemas, POSTGRES_URL, POSTGRES_URL_FOR_HUMANS, postgresUnreachable } from '../support/postgres';
import { readLedger } from './file-ledger-connector';

/**
 * Issue #5 "Store: crash safety": a real runner process (`crash-child.ts`, bundled) is SIGKILLed at
 * seeded-random points of a 500-item job, 10 times, and restarted each time; the sandbox runs in this
 * process over loopback HTTP, so it survives the kills. The connector's ledger is an fsynced JSONL file,
 * so what was posted is visible across processes. Kill points vary with the seed; the outcome may not.
 * Runs on the SQLite store, and on PostgreSQL when it is reachable (own schema, dropped afterwards).
 */
const SEED = 0x5eed_0005;
const ITEMS = 500;
const KILLS = 10;

/** mulberry32: a tiny seeded PRNG, so kill points are random but reproducible. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

const dir = mkdtempSync(join(tmpdir(), 'ledgerport-crash-'));
let childScript: string;
beforeAll(async () => {
  // Next to the CLI build, so its external packages resolve from apps/runner/node_modules.
  childScript = await buildTestCli(
    'test/crash/crash-child.ts',
    join(import.meta.dirname, '../../.test-build/crash-child.mjs'),
  );
}, 30_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function exited(child: ChildProcess): Promise<number | null> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) resolve(child.exitCode);
    else child.once('exit', (code) => resolve(code));
  });
}

const pgUnreachable = await postgresUnreachable();
const pgSchema = `lp_crash_${process.pid}_${Date.now().toString(36)}`;
afterAll(() => (pgUnreachable === undefined ? dropSchemas([pgSchema]) : undefined));

describe('crash safety (SIGKILL during a 500-item job)', () => {
  it('SQLite store: posts every item exactly once, reports every result, sends the final event once across 10 kills', async () => {
    await crashScenario('sqlite', { type: 'sqlite', path: join(dir, 'runner.db') });
  }, 90_000);

  it.skipIf(pgUnreachable !== undefined)(
    `PostgreSQL store: the same${pgUnreachable === undefined ? '' : ` (skipped: PostgreSQL at ${POSTGRES_URL_FOR_HUMANS} is unreachable: ${pgUnreachable})`}`,
    async () => {
      await crashScenario('postgres', { type: 'postgres', connectionString: POSTGRES_URL, schema: pgSchema });
    },
    90_000,
  );
});

/** One run of the scenario against the given store config (the child resolves it like the CLI does). */
async function crashScenario(name: string, store: Record<string, unknown>): Promise<void> {
  const random = prng(SEED);
  const sandbox = createPleoSandbox();
  const seeded = sandbox.seedCompany({ seed: 5, itemCount: ITEMS });
  const server = await sandbox.listen({ port: 0 });
  const ledgerFile = join(dir, `ledger-${name}.jsonl`);
  const args = JSON.stringify({
    baseUrl: server.url,
    apiKey: seeded.apiKey,
    companyId: seeded.companyId,
    store,
    ledgerFile,
    delayMs: 4,
  });
  const start = () => spawn(process.execPath, [childScript, args], { stdio: ['ignore', 'pipe', 'pipe'] });
  const killLog: string[] = [];
  let kills = 0;
  try {
    for (let attempt = 0; attempt < KILLS; attempt += 1) {
      const before = readLedger(ledgerFile).length;
      const child = start();
      const done = exited(child);
      // Kill points: during start-up (time-based), after k more posts, or right after the last post
      // (while outcomes, item reports and the final event are in flight).
      const mode = attempt === KILLS - 1 ? 'after-last-post' : random() < 0.3 ? 'time' : 'posts';
      const waitMs = Math.floor(random() * 250);
      const posts = 1 + Math.floor(random() * 40);
      let finished = false;
      const deadline = Date.now() + 20_000;
      void done.then(() => {
        finished = true;
      });
      if (mode === 'time') {
        await new Promise((r) => setTimeout(r, waitMs));
      } else {
        const target = mode === 'posts' ? Math.min(before + posts, ITEMS - 1) : ITEMS;
        while (!finished && Date.now() < deadline && readLedger(ledgerFile).length < target) {
          await new Promise((r) => setTimeout(r, 2));
        }
      }
      const killed = !finished;
      if (killed) {
        child.kill('SIGKILL');
        kills += 1;
      }
      await done;
      killLog.push(
        `${mode}${mode === 'time' ? ` ${waitMs}ms` : mode === 'posts' ? ` +${posts}` : ''}: ${killed ? 'killed' : 'finished first'} at ${readLedger(ledgerFile).length} posted`,
      );
    }
    // The last, undisturbed run must finish the job.
    const child = start();
    let stdout = '';
    child.stdout?.on('data', (d: Buffer) => {
      stdout += d.toString();
    });
    let stderr = '';
    child.stderr?.on('data', (d: Buffer) => {
      stderr += d.toString();
    });
    const code = await exited(child);
    expect(code, `final run failed: ${stdout} ${stderr}`).toBe(0);
  } finally {
    await server.close();
  }

  console.info(`crash test, ${name} (seed ${SEED}): ${kills} kills\n  ${killLog.join('\n  ')}`);
  expect(kills, killLog.join('\n')).toBeGreaterThanOrEqual(KILLS - 1);

  // Posted exactly once: one ledger document per accounting entry, none for anything else.
  const ledger = readLedger(ledgerFile);
  const perKey = new Map<string, number>();
  for (const line of ledger) perKey.set(line.key, (perKey.get(line.key) ?? 0) + 1);
  const duplicates = [...perKey].filter(([, n]) => n > 1);
  expect(duplicates).toEqual([]);
  for (const line of ledger) expect(line.debit).toBe(line.credit);

  // Every result reported: every item final in the sandbox; successes carry the ledger's document id.
  const items = sandbox.getJobItems(seeded.jobId);
  expect(items).toHaveLength(ITEMS);
  expect(items.filter((i) => i.status !== 'successful' && i.status !== 'failed')).toEqual([]);
  const byKey = new Map(ledger.map((l) => [l.key, l]));
  for (const item of items) {
    if (item.status === 'successful')
      expect(item.externalId).toBe(byKey.get(item.accountingEntryId)?.externalId);
    else expect(byKey.has(item.accountingEntryId)).toBe(false);
  }
  expect(new Set(perKey.keys())).toEqual(
    new Set(items.filter((i) => i.status === 'successful').map((i) => i.accountingEntryId)),
  );
  expect(items.filter((i) => i.status === 'successful').length).toBe(ITEMS);

  // The job was started once and finished once, as the sandbox recorded it.
  const events = sandbox.getEvents(seeded.jobId).map((e) => e.event);
  expect(events.filter((e) => e === 'started')).toHaveLength(1);
  expect(events.filter((e) => e !== 'started')).toEqual(['completed']);
  expect(sandbox.getJob(seeded.jobId).status).toBe('completed');
}
