import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { applyMigrations } from '../../src/store/migrations/apply-migrations';
import { MIGRATIONS } from '../../src/store/migrations/migrations';
import { openRunnerStore } from '../../src/store/open-runner-store';
import { openSqliteDriver } from '../../src/store/sqlite/sqlite-driver';
import { expectAdditiveUpgrade } from './migration-upgrade';
import { runnerStoreContract } from './runner-store-contract';

const dir = mkdtempSync(join(tmpdir(), 'ledgerport-sqlite-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let n = 0;

runnerStoreContract('SQLite store', async () => {
  n += 1;
  const path = `db-${n}/state.db`;
  const open = () => openRunnerStore({ type: 'sqlite', path, synchronous: 'full' }, dir);
  return { store: await open(), reopen: open };
});

describe('SQLite migrations', () => {
  it('applies each version once; a second opener of the same file applies nothing', async () => {
    const path = join(dir, 'twice.db');
    const a = openSqliteDriver(path);
    const b = openSqliteDriver(path);
    expect(await applyMigrations(a)).toEqual(MIGRATIONS.map((m) => m.version));
    expect(await applyMigrations(b)).toEqual([]);
    expect(await applyMigrations(a)).toEqual([]);
    const versions = await a.all<{ version: number }>('SELECT version FROM schema_migrations');
    expect(versions.map((v) => Number(v.version))).toEqual(MIGRATIONS.map((m) => m.version));
    await a.close();
    await b.close();
  });

  it('upgrades a version-1 journal additively: its entries stay, attachments can be recorded', async () => {
    await expectAdditiveUpgrade(openSqliteDriver(join(dir, 'upgrade.db')));
  });

  it('refuses a database written by a newer runner', async () => {
    const driver = openSqliteDriver(join(dir, 'newer.db'));
    await applyMigrations(driver);
    await driver.run('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)', [
      99,
      'future',
      'x',
    ]);
    await expect(applyMigrations(driver)).rejects.toThrow(/version 99, newer than this runner knows/);
    await driver.close();
  });
});

describe('SQLite batch', () => {
  it('applies every statement in one transaction, or none when one fails', async () => {
    const driver = openSqliteDriver(join(dir, 'batch.db'));
    await applyMigrations(driver);
    const insert = (id: string, state: string) => ({
      sql: 'INSERT INTO export_entries (job_id, accounting_entry_id, state, reported) VALUES (?, ?, ?, 0)',
      params: ['job-1', id, state],
    });
    await expect(driver.batch([insert('a', 'intent'), insert('b', 'not-a-state')])).rejects.toThrow(/CHECK/);
    expect(await driver.all('SELECT * FROM export_entries')).toEqual([]);
    // the connection is usable again (no transaction left open)
    expect(await driver.batch([insert('a', 'intent'), insert('b', 'intent')])).toEqual([1, 1]);
    expect(await driver.batch([])).toEqual([]);
    const ids = await driver.all<{ id: string }>(
      'SELECT accounting_entry_id AS id FROM export_entries ORDER BY seq',
    );
    expect(ids.map((r) => r.id)).toEqual(['a', 'b']);
    // inside exclusive, a batch joins the transaction already open
    await driver.exclusive(async (tx) => {
      await tx.batch([insert('c', 'intent')]);
    });
    expect(await driver.all('SELECT * FROM export_entries')).toHaveLength(3);
    await driver.close();
  });
});
