import pg from 'pg';
import type { SqlDriver, SqlValue } from '../sql-driver';

/** Options of {@link openPostgresDriver}. */
export interface PostgresDriverOptions {
  /** `postgres://user:password@host:port/db`. Never logged. */
  readonly connectionString: string;
  /** Schema holding the runner's tables; created when missing and set as `search_path`. */
  readonly schema: string;
  /** Pool size; default 4. */
  readonly max?: number;
}

const ADVISORY_LOCK_KEY = 0x1ed9e7; // "ledgerport" migrations

/**
 * A {@link SqlDriver} on PostgreSQL (`pg` pool). `?` placeholders are rewritten to `$1…$n`; every
 * connection's `search_path` is the configured schema.
 */
export async function openPostgresDriver(options: PostgresDriverOptions): Promise<SqlDriver> {
  if (!/^[a-z_][a-z0-9_]*$/.test(options.schema)) {
    throw new Error(`PostgreSQL schema "${options.schema}" is not a plain lower-case identifier.`);
  }
  const pool = new pg.Pool({
    connectionString: options.connectionString,
    max: options.max ?? 4,
    options: `-c search_path=${options.schema}`,
  });
  // An idle client's error (server restart) must not crash the process; the next query reports it.
  pool.on('error', () => {});
  await pool.query(`CREATE SCHEMA IF NOT EXISTS ${options.schema}`);
  /**
   * A driver running its queries through `query`. `connect` gives `batch` a client of its own (the
   * pool's); inside `exclusive` it is undefined and `batch` runs in the transaction already open.
   */
  const make = (
    query: (sql: string, params?: SqlValue[]) => Promise<pg.QueryResult>,
    connect: (() => Promise<pg.PoolClient>) | undefined,
  ): SqlDriver => ({
    dialect: 'postgres',
    async all<Row>(sql: string, params: readonly SqlValue[] = []) {
      return (await query(toPositional(sql), [...params])).rows as Row[];
    },
    async run(sql, params = []) {
      return (await query(toPositional(sql), [...params])).rowCount ?? 0;
    },
    async batch(statements) {
      if (statements.length === 0) return [];
      const runAll = async (
        run: (sql: string, params: SqlValue[]) => Promise<pg.QueryResult>,
      ): Promise<number[]> => {
        const changes: number[] = [];
        for (const { sql, params } of statements) {
          changes.push((await run(toPositional(sql), [...params])).rowCount ?? 0);
        }
        return changes;
      };
      if (connect === undefined) return runAll(query);
      const client = await connect();
      let broken: Error | undefined;
      try {
        await client.query('BEGIN');
        const changes = await runAll((sql, params) => client.query(sql, params));
        await client.query('COMMIT');
        return changes;
      } catch (error) {
        await client.query('ROLLBACK').catch((rollbackError: unknown) => {
          // A connection that cannot roll back goes back to the pool as broken (it is closed).
          broken = rollbackError instanceof Error ? rollbackError : new Error(String(rollbackError));
        });
        throw error;
      } finally {
        client.release(broken);
      }
    },
    async exec(sql) {
      await query(sql);
    },
    async exclusive(fn) {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        await client.query('SELECT pg_advisory_xact_lock($1)', [ADVISORY_LOCK_KEY]);
        const tx = make((sql, params) => client.query(sql, params), undefined);
        const result = await fn(tx);
        await client.query('COMMIT');
        return result;
      } catch (error) {
        await client.query('ROLLBACK').catch(() => {});
        throw error;
      } finally {
        client.release();
      }
    },
    async close() {
      await pool.end();
    },
  });
  return make(
    (sql, params) => pool.query(sql, params),
    () => pool.connect(),
  );
}

/** Rewrites `?` placeholders (outside string literals) to PostgreSQL's `$n`. */
export function toPositional(sql: string): string {
  let n = 0;
  let inString = false;
  let out = '';
  for (const ch of sql) {
    if (ch === "'") inString = !inString;
    if (ch === '?' && !inString) {
      n += 1;
      out += `$${n}`;
    } else {
      out += ch;
    }
  }
  return out;
}
