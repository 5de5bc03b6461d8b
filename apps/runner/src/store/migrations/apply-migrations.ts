import type { SqlDriver } from '../sql-driver';
import { MIGRATIONS, type Migration } from './migrations';

/**
 * Brings the store's schema up to the newest version: creates `schema_migrations`, then applies every
 * missing migration in order, each recorded in the same exclusive transaction as its DDL (so two
 * runners starting together apply it once). Idempotent.
 *
 * @returns the versions applied by this call.
 * @throws when the database holds a version newer than this runner knows (downgrade).
 */
export async function applyMigrations(
  driver: SqlDriver,
  migrations: readonly Migration[] = MIGRATIONS,
): Promise<number[]> {
  return driver.exclusive(async (tx) => {
    await tx.exec(
      'CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)',
    );
    const rows = await tx.all<{ version: number }>('SELECT version FROM schema_migrations ORDER BY version');
    const applied = new Set(rows.map((r) => Number(r.version)));
    const newest = Math.max(0, ...migrations.map((m) => m.version));
    const unknown = [...applied].filter((v) => v > newest);
    if (unknown.length > 0) {
      throw new Error(
        `The store's schema is at version ${Math.max(...unknown)}, newer than this runner knows (${newest}): upgrade the runner.`,
      );
    }
    const done: number[] = [];
    for (const migration of [...migrations].sort((a, b) => a.version - b.version)) {
      if (applied.has(migration.version)) continue;
      await tx.exec(tx.dialect === 'sqlite' ? migration.sqlite : migration.postgres);
      await tx.run('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)', [
        migration.version,
        migration.name,
        new Date().toISOString(),
      ]);
      done.push(migration.version);
    }
    return done;
  });
}
