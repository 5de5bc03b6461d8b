/** A SQL parameter: the only types the runner's schema uses (text, integers, NULL). */
export type SqlValue = string | number | null;

/** One statement of {@link SqlDriver.batch}. */
export interface SqlStatement {
  readonly sql: string;
  readonly params: readonly SqlValue[];
}

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
  /**
   * Runs parameterised statements in order in ONE transaction, nothing else on the connection in
   * between (SQLite: `BEGIN IMMEDIATE` … `COMMIT` without yielding to the event loop; PostgreSQL: one
   * pooled client, `BEGIN` … `COMMIT`). All of them are durable when it resolves; when one fails the
   * transaction is rolled back (none of them applied) and it rejects with that error. Resolves to the
   * rows each statement changed. An empty list does nothing. On the driver `exclusive` hands to its
   * callback, the statements run in the transaction already open.
   */
  batch(statements: readonly SqlStatement[]): Promise<number[]>;
  /** Runs several statements (DDL) at once, without parameters. */
  exec(sql: string): Promise<void>;
  /**
   * Runs `fn` in one transaction holding the database's write lock (SQLite `BEGIN IMMEDIATE`,
   * PostgreSQL an advisory transaction lock), so concurrent migrators serialise.
   */
  exclusive<T>(fn: (tx: SqlDriver) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}
