import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { applyMigrations } from '../../src/store/migrations/apply-migrations';
import { openRunnerStore } from '../../src/store/open-runner-store';
import { openPostgresDriver, toPositional } from '../../src/store/postgres/postgres-driver';
import { runnerStoreContract } from './runner-store-contract';

/** The machine's PostgreSQL (turbo passes PG* / DATABASE_URL through); tests create and drop their own schemas. */
const connectionString =
  process.env.DATABASE_URL ??
  `postgres://${process.env.PGUSER ?? 'postgres'}@${process.env.PGHOST ?? '127.0.0.1'}:${process.env.PGPORT ?? '5432'}/${process.env.PGDATABASE ?? 'test'}`;

async function reachable(): Promise<string | undefined> {
  const client = new pg.Client({ connectionString, connectionTimeoutMillis: 2_000 });
  try {
    await client.connect();
    await client.query('SELECT 1');
    return undefined;
  } catch (error) {
    return (error as Error).message;
  } finally {
    await client.end().catch(() => {});
  }
}

const unreachable = await reachable();
const schemas: string[] = [];
const prefix = `lp_test_${process.pid}_${Date.now().toString(36)}`;

afterAll(async () => {
  if (unreachable !== undefined || schemas.length === 0) return;
  const client = new pg.Client({ connectionString });
  await client.connect();
  for (const schema of schemas) await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
  await client.end();
});

if (unreachable !== undefined) {
  describe('PostgreSQL store', () => {
    it.skip(`skipped: PostgreSQL at ${connectionString.replace(/:[^:@/]*@/, ':***@')} is unreachable (${unreachable})`, () => {});
  });
}

if (unreachable === undefined) {
  runnerStoreContract('PostgreSQL store', async () => {
    const schema = `${prefix}_${schemas.length}`;
    schemas.push(schema);
    const open = () => openRunnerStore({ type: 'postgres', connectionString, schema }, '.');
    return { store: await open(), reopen: open };
  });

  describe('PostgreSQL migrations', () => {
    it('applies each version once when two runners start together', async () => {
      const schema = `${prefix}_race`;
      schemas.push(schema);
      const a = await openPostgresDriver({ connectionString, schema });
      const b = await openPostgresDriver({ connectionString, schema });
      const [first, second] = await Promise.all([applyMigrations(a), applyMigrations(b)]);
      expect([...first, ...second]).toEqual([1]);
      await a.close();
      await b.close();
    });
  });
}

describe('toPositional', () => {
  it('numbers ? placeholders outside string literals', () => {
    expect(toPositional("SELECT ? , '?', ? WHERE state = 'done?'")).toBe(
      "SELECT $1 , '?', $2 WHERE state = 'done?'",
    );
  });
});
