import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { applyMigrations } from '../../src/store/migrations/apply-migrations';
import { MIGRATIONS } from '../../src/store/migrations/migrations';
import { openRunnerStore } from '../../src/store/open-runner-store';
import { openSqliteDriver } from '../../src/store/sqlite/sqlite-driver';
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
