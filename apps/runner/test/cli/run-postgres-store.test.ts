import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createPleoSandbox } from '@ledgerport/pleo-sandbox';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { runLedgerport } from '../support/cli-process';
import { dropSchemas, POSTGRES_URL, POSTGRES_URL_FOR_HUMANS, postgresUnreachable } from '../support/postgres';

const unreachable = await postgresUnreachable();
const schema = `lp_cli_${process.pid}_${Date.now().toString(36)}`;
const dir = mkdtempSync(join(tmpdir(), 'ledgerport-pg-cli-'));
afterAll(async () => {
  rmSync(dir, { recursive: true, force: true });
  if (unreachable === undefined) await dropSchemas([schema]);
});

describe('ledgerport run --once with the PostgreSQL store', () => {
  if (unreachable !== undefined) {
    it.skip(`skipped: PostgreSQL at ${POSTGRES_URL_FOR_HUMANS} is unreachable (${unreachable})`, () => {});
    return;
  }
  it('journals every entry, the final event and the run in PostgreSQL', async () => {
    const sandbox = createPleoSandbox();
    const seeded = sandbox.seedCompany({ seed: 21, itemCount: 15 });
    const server = await sandbox.listen({ port: 0 });
    try {
      writeFileSync(
        join(dir, 'ledgerport.config.json'),
        JSON.stringify({
          pleo: { baseUrl: server.url, auth: { type: 'apiKey', apiKey: 'env:PLEO_API_KEY' } },
          companies: {
            [seeded.companyId]: {
              connector: 'memory',
              config: { ledgerName: 'books', apiKey: 'memory-key-pg-1' },
              mapping: {
                inputVatAccount: '2641',
                outputVatAccount: '2614',
                payablesAccount: '2440',
                contraAccounts: { SEK: '1930', DKK: '1931', EUR: '1932' },
              },
            },
          },
          store: { type: 'postgres', connectionString: 'env:DATABASE_URL', schema },
          runnerId: 'pg-test-runner',
        }),
      );
      const run = await runLedgerport(['run', '--once', '--json'], {
        cwd: dir,
        env: { PLEO_API_KEY: seeded.apiKey, DATABASE_URL: POSTGRES_URL },
      });
      expect(run.code, run.stderr).toBe(0);
      expect(sandbox.getJob(seeded.jobId).status).toBe('completed');
      const client = new pg.Client({ connectionString: POSTGRES_URL });
      await client.connect();
      try {
        const entries = await client.query(
          `SELECT state, reported FROM ${schema}.export_entries WHERE job_id = $1`,
          [seeded.jobId],
        );
        expect(entries.rows).toHaveLength(15);
        expect(
          entries.rows.every(
            (r: { state: string; reported: number }) => r.state === 'done' && Number(r.reported) === 1,
          ),
        ).toBe(true);
        const final = await client.query(
          `SELECT event, sent FROM ${schema}.export_final_events WHERE job_id = $1`,
          [seeded.jobId],
        );
        expect(final.rows).toEqual([{ event: 'completed', sent: 1 }]);
        const runs = await client.query(`SELECT state, attempts FROM ${schema}.job_runs WHERE job_id = $1`, [
          seeded.jobId,
        ]);
        expect(runs.rows).toEqual([{ state: 'finished', attempts: 1 }]);
        const claims = await client.query(`SELECT count(*)::int AS n FROM ${schema}.job_claims`);
        expect(claims.rows[0]).toEqual({ n: 0 });
      } finally {
        await client.end();
      }
      expect(run.stdout + run.stderr).not.toContain(POSTGRES_URL.includes('@') ? POSTGRES_URL : '\u0000');
    } finally {
      await server.close();
    }
  });
});
