import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { DatabaseSync, type StatementSync } from 'node:sqlite';
import type { SqlDriver, SqlStatement, SqlValue } from '../sql-driver';

/**
 * How hard SQLite syncs (WAL mode either way):
 * - `full` (default): every commit is fsynced; durable across process crashes *and* power loss.
 * - `normal`: durable across process crashes (SIGKILL, OOM); the last commits may roll back after a
 *   power loss or OS crash. About 10× more journal writes per second (see `bench/`).
 */
export type SqliteSynchronous = 'full' | 'normal';

/**
 * A {@link SqlDriver} on Node's built-in `node:sqlite` (no native dependency), in WAL mode with the
 * given {@link SqliteSynchronous} level, so a statement is durable when its promise resolves and a
 * SIGKILLed runner loses nothing it recorded. `busy_timeout` lets a restarted process wait for a
 * dying one's lock.
 *
 * @param path - database file (its folder is created), or `:memory:`.
 */
export function openSqliteDriver(path: string, options: { synchronous?: SqliteSynchronous } = {}): SqlDriver {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  const db = new DatabaseSync(path);
  const synchronous = options.synchronous === 'normal' ? 'NORMAL' : 'FULL';
  db.exec(`PRAGMA journal_mode = WAL; PRAGMA synchronous = ${synchronous}; PRAGMA busy_timeout = 5000;`);
  const statements = new Map<string, StatementSync>();
  const prepare = (sql: string): StatementSync => {
    let statement = statements.get(sql);
    if (statement === undefined) {
      statement = db.prepare(sql);
      statements.set(sql, statement);
    }
    return statement;
  };
  const runEach = (statements: readonly SqlStatement[]): number[] =>
    statements.map(({ sql, params }) => Number(prepare(sql).run(...params).changes));
  const driver: SqlDriver = {
    dialect: 'sqlite',
    async all<Row>(sql: string, params: readonly SqlValue[] = []) {
      return prepare(sql).all(...params) as Row[];
    },
    async run(sql, params = []) {
      return Number(prepare(sql).run(...params).changes);
    },
    async batch(statements) {
      if (statements.length === 0) return [];
      // Synchronous from BEGIN to COMMIT: no other statement of this connection can run in between.
      db.exec('BEGIN IMMEDIATE');
      try {
        const changes = runEach(statements);
        db.exec('COMMIT');
        return changes;
      } catch (error) {
        if (db.isTransaction) db.exec('ROLLBACK');
        throw error;
      }
    },
    async exec(sql) {
      db.exec(sql);
    },
    async exclusive(fn) {
      db.exec('BEGIN IMMEDIATE');
      try {
        // Inside the transaction already open, a batch is just its statements.
        const result = await fn({ ...driver, batch: async (statements) => runEach(statements) });
        db.exec('COMMIT');
        return result;
      } catch (error) {
        db.exec('ROLLBACK');
        throw error;
      }
    },
    async close() {
      statements.clear();
      if (db.isOpen) db.close();
    },
  };
  return driver;
}
