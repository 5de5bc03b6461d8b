import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StoreConfig } from '../../src/config/config-schema';
import { openRunnerStore } from '../../src/store/open-runner-store';
import { buildTestCli } from '../support/build-cli';
import { dropSchemas, POSTGRES_URL, POSTGRES_URL_FOR_HUMANS, postgresUnreachable } from '../support/postgres';

/**
 * The batch journal methods under SIGKILL: a child process (`batch-crash-child.ts`) journals groups of
 * 25 entries with `recordIntents` then `recordOutcomes` and is killed at a random moment. Afterwards
 * every group is all-or-nothing (25 intents or none; 25 outcomes or none), and every call the child saw
 * resolve is in the store.
 */
const GROUP = 25;
const KILLS = 5;
const dir = mkdtempSync(join(tmpdir(), 'ledgerport-batch-crash-'));
let childScript: string;
beforeAll(async () => {
  childScript = await buildTestCli(
    'test/store/batch-crash-child.ts',
    join(import.meta.dirname, '../../.test-build/batch-crash-child.mjs'),
  );
}, 30_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const pgUnreachable = await postgresUnreachable();
const pgSchema = `lp_batch_crash_${process.pid}_${Date.now().toString(36)}`;
afterAll(() => (pgUnreachable === undefined ? dropSchemas([pgSchema]) : undefined));

/** Runs the child until it printed `lines` lines plus a random pause, SIGKILLs it; returns what it printed. */
async function runAndKill(config: StoreConfig, jobId: string, pauseMs: number): Promise<string[]> {
  const child = spawn(process.execPath, [childScript, JSON.stringify(config), jobId], {
    cwd: dir,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
    out += chunk;
  });
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
    err += chunk;
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  // Wait for the first durable group, then kill at a random moment while it keeps journaling.
  const deadline = Date.now() + 20_000;
  while (!out.includes('outcomes 0') && child.exitCode === null && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  expect(out, err).toContain('outcomes 0');
  await new Promise((resolve) => setTimeout(resolve, pauseMs));
  child.kill('SIGKILL');
  await exited;
  return out.split('\n').filter((line) => line.length > 0);
}

async function scenario(config: StoreConfig): Promise<void> {
  const log: string[] = [];
  for (let k = 0; k < KILLS; k += 1) {
    const jobId = `job-${k}`;
    const printed = await runAndKill(config, jobId, 5 + k * 17);
    const intentsDone = printed.filter((l) => l.startsWith('intents ')).length;
    const outcomesDone = printed.filter((l) => l.startsWith('outcomes ')).length;
    const store = await openRunnerStore(config, dir);
    try {
      const groups = new Map<number, { intent: number; done: number }>();
      for (let g = 0; ; g += 1) {
        const counts = { intent: 0, done: 0 };
        for (let i = 0; i < GROUP; i += 1) {
          const state = (await store.exports.getEntry(jobId, `g${g}-e${i}`))?.state;
          if (state !== undefined) counts[state] += 1;
        }
        if (counts.intent + counts.done === 0) break;
        groups.set(g, counts);
      }
      // every group is all or nothing, in both steps
      for (const [g, counts] of groups) {
        expect([`${g}`, counts.intent + counts.done]).toEqual([`${g}`, GROUP]);
        expect([`${g}`, [0, GROUP].includes(counts.done)]).toEqual([`${g}`, true]);
      }
      // nothing the child saw resolve is lost
      expect(groups.size).toBeGreaterThanOrEqual(intentsDone);
      const doneGroups = [...groups.values()].filter((c) => c.done === GROUP).length;
      log.push(
        `kill ${k}: child saw ${intentsDone} recordIntents / ${outcomesDone} recordOutcomes resolve; stored ${groups.size} groups, ${doneGroups} with outcomes`,
      );
      expect(doneGroups).toBeGreaterThanOrEqual(outcomesDone);
      const unreported = await store.exports.listUnreported(jobId);
      expect(unreported).toHaveLength(doneGroups * GROUP);
      // outcomes listed group by group, each group in its own order
      expect(unreported.map((r) => r.accountingEntryId)).toEqual(
        Array.from({ length: doneGroups * GROUP }, (_, n) => `g${Math.floor(n / GROUP)}-e${n % GROUP}`),
      );
    } finally {
      await store.close();
    }
  }
  console.info(`batch crash test, ${config.type}:\n  ${log.join('\n  ')}`);
}

describe('batch journal under SIGKILL', () => {
  it('SQLite (synchronous=full): every group is all-or-nothing and nothing acknowledged is lost', async () => {
    await scenario({ type: 'sqlite', path: join(dir, 'batch.db'), synchronous: 'full' } as StoreConfig);
  }, 90_000);

  it.skipIf(pgUnreachable !== undefined)(
    `PostgreSQL: the same${pgUnreachable === undefined ? '' : ` (skipped: ${POSTGRES_URL_FOR_HUMANS} unreachable: ${pgUnreachable})`}`,
    async () => {
      await scenario({ type: 'postgres', connectionString: POSTGRES_URL, schema: pgSchema } as StoreConfig);
    },
    90_000,
  );
});
