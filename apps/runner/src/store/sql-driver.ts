/** A SQL parameter: the only types the runner's schema uses (text, integers, NULL). */
export type SqlValue = string | number | null;

/**
 * The small SQL surface the runner's store needs, implemented for SQLite (`node:sqlite`) and
 * PostgreSQL (`pg`). Queries use `?` placeholders and SQL that both dialects accept
 * (`INSERT … ON CONFLICT … DO UPDATE … WHERE`, `RETURNING`, text timestamps, integer flags), so the
 * store's queries are written once.
 */
export interface SqlDriver {
  readonly dialect: 'sqlite' | 'postgres';
  /** Rows of a query. */
  all<Row>(sql: string, params?: readonly SqlValue[]): Promise<Row[]>;
  /** Runs a statement; resolves to the number of rows changed. Durable when it resolves. */
  run(sql: string, params?: readonly SqlValue[]): Promise<number>;
  /** Runs several statements (DDL) at once, without parameters. */
  exec(sql: string): Promise<void>;
  /**
   * Runs `fn` in one transaction holding the database's write lock (SQLite `BEGIN IMMEDIATE`,
   * PostgreSQL an advisory transaction lock), so concurrent migrators serialise.
   */
  exclusive<T>(fn: (tx: SqlDriver) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}
