import { type ChildProcess, spawn } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readSieDocument, voucherKey } from '@ledgerport/connector-sie';
import { createPleoSandbox } from '@ledgerport/pleo-sandbox';
import { afterAll, describe, expect, it } from 'vitest';
import { TEST_CLI } from '../support/build-cli';

/**
 * The crash test again, through the real `ledgerport run --once` CLI with the SIE connector
 * (`per_job` delivery: vouchers become durable only when the job's files are written). The runner is
 * SIGKILLed 10 times: 9 times at seeded-random points (during start-up, or after a random number of
 * requests to Pleo), once right after the job's `.si` file appeared (written, not yet reported). Afterwards each accounting entry's vouchers are in the files once, every
 * item is reported, and the job got one final event.
 */
const SEED = 0x51e_0005;
const ITEMS = 500;
const KILLS = 10;

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

const dir = mkdtempSync(join(tmpdir(), 'ledgerport-crash-sie-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function exited(child: ChildProcess): Promise<number | null> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) resolve(child.exitCode);
    else child.once('exit', (code) => resolve(code));
  });
}

describe('crash safety through the CLI with the SIE connector', () => {
  it('writes every voucher once and reports every item once across 10 SIGKILLs of `ledgerport run --once`', async () => {
    const random = prng(SEED);
    const sandbox = createPleoSandbox();
    const seeded = sandbox.seedCompany({ seed: 6, itemCount: ITEMS });
    const server = await sandbox.listen({ port: 0 });
    const out = join(dir, 'out');
    mkdirSync(out);
    writeFileSync(
      join(dir, 'ledgerport.config.json'),
      JSON.stringify({
        pleo: { baseUrl: server.url, auth: { type: 'apiKey', apiKey: 'env:PLEO_API_KEY' } },
        companies: {
          [seeded.companyId]: {
            connector: 'sie',
            config: {
              outputDirectory: out,
              companyName: 'Crash AB',
              organizationNumber: '556677-8899',
              contraAccounts: { SEK: '1930', DKK: '1931', EUR: '1932' },
            },
            mapping: { payablesAccount: '2440' },
          },
        },
        store: { type: 'sqlite', path: 'state/ledgerport.db' },
        runnerId: 'crash-sie',
      }),
    );
    const start = () =>
      spawn(process.execPath, [TEST_CLI, 'run', '--once', '--log-level', 'error'], {
        cwd: dir,
        env: { PATH: process.env.PATH ?? '', PLEO_API_KEY: seeded.apiKey },
        stdio: ['ignore', 'ignore', 'pipe'],
      });
    const jobFile = join(out, `${seeded.jobId}.si`);
    const log: string[] = [];
    let kills = 0;
    try {
      for (let attempt = 0; attempt < KILLS; attempt += 1) {
        const child = start();
        let childErr = '';
        child.stderr?.on('data', (d: Buffer) => {
          childErr += d.toString();
        });
        const done = exited(child);
        let finished = false;
        void done.then(() => {
          finished = true;
        });
        // Kill points: during start-up (time), after k more requests to Pleo (each run re-stages the
        // job: ~500 requests, mostly receipt downloads, before its files are written), or right after the
        // job's .si file appeared (written, not yet reported).
        const mode = attempt === KILLS - 1 ? 'after-file' : random() < 0.2 ? 'time' : 'requests';
        const waitMs = Math.floor(random() * 150);
        const requests = 1 + Math.floor(random() * 400);
        const startRequests = sandbox.requestLog.length;
        const deadline = Date.now() + 30_000;
        if (mode === 'time') {
          await new Promise((r) => setTimeout(r, waitMs));
        } else {
          while (
            !finished &&
            Date.now() < deadline &&
            (mode === 'after-file'
              ? !existsSync(jobFile)
              : sandbox.requestLog.length - startRequests < requests)
          ) {
            await new Promise((r) => setTimeout(r, 1));
          }
        }
        const killed = !finished;
        if (killed) {
          child.kill('SIGKILL');
          kills += 1;
        }
        const code = await done;
        log.push(
          `${mode === 'time' ? `time ${waitMs}ms` : mode === 'requests' ? `after ${requests} requests` : 'after .si written'}: ${killed ? 'killed' : `finished first (exit ${code}) ${childErr.trim()}`}`,
        );
      }
      const last = start();
      let stderr = '';
      last.stderr?.on('data', (d: Buffer) => {
        stderr += d.toString();
      });
      expect(await exited(last), stderr).toBe(0);
    } finally {
      await server.close();
    }
    console.info(`SIE crash test (seed ${SEED}): ${kills} kills\n  ${log.join('\n  ')}`);
    expect(kills, log.join('\n')).toBeGreaterThanOrEqual(KILLS - 1);

    // Every voucher once: no (entry, voucher text) pair twice across the job's files.
    const vouchers = readdirSync(out)
      .filter((f) => f.startsWith(seeded.jobId) && f.endsWith('.si'))
      .flatMap((f) => readSieDocument(new Uint8Array(readFileSync(join(out, f)))).document.vouchers);
    const seen = new Map<string, number>();
    for (const v of vouchers) seen.set(v.text, (seen.get(v.text) ?? 0) + 1);
    expect([...seen].filter(([, n]) => n > 1)).toEqual([]);

    // Every item reported once, each successful one with vouchers in the files.
    const items = sandbox.getJobItems(seeded.jobId);
    expect(items.filter((i) => i.status !== 'successful')).toEqual([]);
    expect(new Set(vouchers.map((v) => voucherKey(v.text)))).toEqual(
      new Set(items.map((i) => i.accountingEntryId)),
    );
    const events = sandbox.getEvents(seeded.jobId).map((e) => e.event);
    expect(events.filter((e) => e === 'started')).toHaveLength(1);
    expect(events.filter((e) => e !== 'started')).toEqual(['completed']);
  }, 120_000);
});
