import { afterAll, describe, expect, it } from 'vitest';
import { applyMigrations } from '../../src/store/migrations/apply-migrations';
import { openRunnerStore } from '../../src/store/open-runner-store';
import { openPostgresDriver, toPositional } from '../../src/store/postgres/postgres-driver';
import { dropSchemas, POSTGRES_URL, POSTGRES_URL_FOR_HUMANS, postgresUnreachable } from '../support/postgres';
import { runnerStoreContract } from './runner-store-contract';

const connectionString = POSTGRES_URL;
const unreachable = await postgresUnreachable();
const schemas: string[] = [];
const prefix = `lp_test_${process.pid}_${Date.now().toString(36)}`;

afterAll(() => (unreachable === undefined ? dropSchemas(schemas) : undefined));

if (unreachable !== undefined) {
  describe('PostgreSQL store', () => {
    it.skip(`skipped: PostgreSQL at ${POSTGRES_URL_FOR_HUMANS} is unreachable (${unreachable})`, () => {});
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
