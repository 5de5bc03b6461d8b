import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ExportItemV3 } from '@ledgerport/pleo';
import { createPleoSandbox } from '@ledgerport/pleo-sandbox';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestCli } from '../support/build-cli';
import { dropSchemas, POSTGRES_URL, POSTGRES_URL_FOR_HUMANS, postgresUnreachable } from '../support/postgres';
import { readAttachments, readLedger } from './file-ledger-connector';

/**
 * No receipt uploaded twice across crashes (core's attachment journal, `ExportStore.recordAttachment`):
 * a real runner process (`crash-child.ts`, bundled) exports 20 items with 3 receipts each through the
 * file-ledger connector, whose `attach` appends one fsynced line per receipt, and is SIGKILLed 6 times
 * after a seeded-random number of further receipts — mostly between two receipts of one entry, i.e.
 * after the post and before the outcome is recorded. The kill lands `KILL_AFTER_MS` after a new line
 * appeared, while the next `attach` is still in its `ATTACH_DELAY_MS` wait: after the previous receipt
 * was journaled, before the next one is written. (A kill between an `attach` resolving and its
 * `recordAttachment` committing would upload that one receipt again: the journal narrows the window
 * to one file, it cannot close it; the test keeps its kills out of it on purpose.) Afterwards every
 * receipt is attached exactly once and every entry has one document.
 */
const SEED = 0x5eed_a77a;
const ITEMS = 20;
const FILES_PER_ITEM = 3;
const KILLS = 6;
const ATTACH_DELAY_MS = 40;
const KILL_AFTER_MS = 12;

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

const dir = mkdtempSync(join(tmpdir(), 'ledgerport-crash-attach-'));
let childScript: string;
beforeAll(async () => {
  childScript = await buildTestCli(
    'test/crash/crash-child.ts',
    join(import.meta.dirname, '../../.test-build/crash-child-attachments.mjs'),
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
const pgSchema = `lp_crash_att_${process.pid}_${Date.now().toString(36)}`;
afterAll(() => (pgUnreachable === undefined ? dropSchemas([pgSchema]) : undefined));

describe('crash safety of receipt attachments (SIGKILL between receipts)', () => {
  it('SQLite store: every receipt is attached exactly once across 6 kills', async () => {
    await attachmentCrashScenario('sqlite', { type: 'sqlite', path: join(dir, 'runner.db') });
  }, 60_000);

  it.skipIf(pgUnreachable !== undefined)(
    `PostgreSQL store: the same${pgUnreachable === undefined ? '' : ` (skipped: PostgreSQL at ${POSTGRES_URL_FOR_HUMANS} is unreachable: ${pgUnreachable})`}`,
    async () => {
      await attachmentCrashScenario('postgres', {
        type: 'postgres',
        connectionString: POSTGRES_URL,
        schema: pgSchema,
      });
    },
    60_000,
  );
});

/** `ITEMS` seed items, each with `FILES_PER_ITEM` of the seed's receipts. */
function itemsWithReceipts(): ExportItemV3[] {
  const probe = createPleoSandbox().seedCompany({ seed: 5, itemCount: 60 });
  const pool = probe.items.flatMap((i) => i.files ?? []);
  expect(pool.length).toBeGreaterThanOrEqual(FILES_PER_ITEM);
  return probe.items.slice(0, ITEMS).map((item, i) => ({
    ...item,
    files: Array.from({ length: FILES_PER_ITEM }, (_, k) => pool[(i * FILES_PER_ITEM + k) % pool.length]!),
  }));
}

async function attachmentCrashScenario(name: string, store: Record<string, unknown>): Promise<void> {
  const random = prng(SEED);
  const sandbox = createPleoSandbox();
  const seeded = sandbox.seedCompany({ seed: 5, items: itemsWithReceipts() });
  const server = await sandbox.listen({ port: 0 });
  const ledgerFile = join(dir, `ledger-${name}.jsonl`);
  const attachmentsFile = join(dir, `attachments-${name}.jsonl`);
  const args = JSON.stringify({
    baseUrl: server.url,
    apiKey: seeded.apiKey,
    companyId: seeded.companyId,
    store,
    ledgerFile,
    delayMs: 0,
    attachmentsFile,
    attachDelayMs: ATTACH_DELAY_MS,
  });
  const start = () => spawn(process.execPath, [childScript, args], { stdio: ['ignore', 'pipe', 'pipe'] });
  const total = ITEMS * FILES_PER_ITEM;
  const killLog: string[] = [];
  let kills = 0;
  try {
    for (let attempt = 0; attempt < KILLS; attempt += 1) {
      const before = readAttachments(attachmentsFile).length;
      const target = Math.min(before + 1 + Math.floor(random() * 7), total - 1);
      const child = start();
      const done = exited(child);
      let finished = false;
      void done.then(() => {
        finished = true;
      });
      const deadline = Date.now() + 20_000;
      while (!finished && Date.now() < deadline && readAttachments(attachmentsFile).length < target) {
        await new Promise((r) => setTimeout(r, 1));
      }
      await new Promise((r) => setTimeout(r, KILL_AFTER_MS));
      const killed = !finished;
      if (killed) {
        child.kill('SIGKILL');
        kills += 1;
      }
      await done;
      killLog.push(
        `+${target - before}: ${killed ? 'killed' : 'finished first'} at ${readAttachments(attachmentsFile).length} receipts`,
      );
    }
    const child = start();
    let output = '';
    child.stdout?.on('data', (d: Buffer) => {
      output += d.toString();
    });
    child.stderr?.on('data', (d: Buffer) => {
      output += d.toString();
    });
    expect(await exited(child), `final run failed: ${output}`).toBe(0);
  } finally {
    await server.close();
  }

  console.info(`attachment crash test, ${name} (seed ${SEED}): ${kills} kills\n  ${killLog.join('\n  ')}`);
  expect(kills, killLog.join('\n')).toBeGreaterThanOrEqual(KILLS - 1);

  const ledger = readLedger(ledgerFile);
  expect(ledger).toHaveLength(ITEMS);
  const documents = new Map(ledger.map((l) => [l.key, l.externalId]));
  expect(documents.size).toBe(ITEMS);

  // Every receipt exactly once, on its entry's one document.
  const attachments = readAttachments(attachmentsFile);
  const perReceipt = new Map<string, number>();
  for (const a of attachments) {
    expect(a.externalId).toBe(documents.get(a.key));
    const id = `${a.key}#${a.index}`;
    perReceipt.set(id, (perReceipt.get(id) ?? 0) + 1);
  }
  expect([...perReceipt].filter(([, n]) => n > 1)).toEqual([]);
  expect(perReceipt.size).toBe(total);
  for (const key of documents.keys()) {
    for (let index = 0; index < FILES_PER_ITEM; index += 1) expect(perReceipt.get(`${key}#${index}`)).toBe(1);
  }

  const items = sandbox.getJobItems(seeded.jobId);
  expect(items.filter((i) => i.status !== 'successful')).toEqual([]);
  for (const item of items) expect(item.externalId).toBe(documents.get(item.accountingEntryId));
  expect(sandbox.getEvents(seeded.jobId).map((e) => e.event)).toEqual(['started', 'completed']);
}
