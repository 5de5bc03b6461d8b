import { afterAll, describe, expect, it } from 'vitest';
import { applyMigrations } from '../../src/store/migrations/apply-migrations';
import { MIGRATIONS } from '../../src/store/migrations/migrations';
import { openRunnerStore } from '../../src/store/open-runner-store';
import { openPostgresDriver, toPositional } from '../../src/store/postgres/postgres-driver';
import { dropSchemas, POSTGRES_URL, POSTGRES_URL_FOR_HUMANS, postgresUnreachable } from '../support/postgres';
import { expectAdditiveUpgrade } from './migration-upgrade';
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

  describe('PostgreSQL batch', () => {
    it('applies every statement in one transaction, or none when one fails', async () => {
      const schema = `${prefix}_batch`;
      schemas.push(schema);
      const driver = await openPostgresDriver({ connectionString, schema });
      await applyMigrations(driver);
      const insert = (id: string, state: string) => ({
        sql: 'INSERT INTO export_entries (job_id, accounting_entry_id, state, reported) VALUES (?, ?, ?, 0)',
        params: ['job-1', id, state],
      });
      await expect(driver.batch([insert('a', 'intent'), insert('b', 'not-a-state')])).rejects.toThrow(
        /check/,
      );
      expect(await driver.all('SELECT * FROM export_entries')).toEqual([]);
      expect(await driver.batch([insert('a', 'intent'), insert('b', 'intent')])).toEqual([1, 1]);
      expect(await driver.batch([])).toEqual([]);
      const ids = await driver.all<{ id: string }>(
        'SELECT accounting_entry_id AS id FROM export_entries ORDER BY seq',
      );
      expect(ids.map((r) => r.id)).toEqual(['a', 'b']);
      // inside exclusive, a batch joins the transaction already open (rolled back with it)
      await expect(
        driver.exclusive(async (tx) => {
          await tx.batch([insert('c', 'intent')]);
          throw new Error('changed my mind');
        }),
      ).rejects.toThrow(/changed my mind/);
      expect(await driver.all('SELECT * FROM export_entries')).toHaveLength(2);
      await driver.close();
    });
  });

  describe('PostgreSQL migrations', () => {
    it('applies each version once when two runners start together', async () => {
      const schema = `${prefix}_race`;
      schemas.push(schema);
      const a = await openPostgresDriver({ connectionString, schema });
      const b = await openPostgresDriver({ connectionString, schema });
      const [first, second] = await Promise.all([applyMigrations(a), applyMigrations(b)]);
      expect([...first, ...second]).toEqual(MIGRATIONS.map((m) => m.version));
      await a.close();
      await b.close();
    });

    it('upgrades a version-1 journal additively: its entries stay, attachments can be recorded', async () => {
      const schema = `${prefix}_upgrade`;
      schemas.push(schema);
      const driver = await openPostgresDriver({ connectionString, schema });
      await expectAdditiveUpgrade(driver);
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
