import pg from 'pg';

/** The machine's PostgreSQL: `DATABASE_URL`, else `PG*`, else postgres@127.0.0.1:5432/test. */
export const POSTGRES_URL =
  process.env.DATABASE_URL ??
  `postgres://${process.env.PGUSER ?? 'postgres'}@${process.env.PGHOST ?? '127.0.0.1'}:${process.env.PGPORT ?? '5432'}/${process.env.PGDATABASE ?? 'test'}`;

/** `undefined` when PostgreSQL answers, else why not (for a skip reason). */
export async function postgresUnreachable(): Promise<string | undefined> {
  const client = new pg.Client({ connectionString: POSTGRES_URL, connectionTimeoutMillis: 2_000 });
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

/** Drops the given schemas (the tests' own). */
export async function dropSchemas(schemas: readonly string[]): Promise<void> {
  if (schemas.length === 0) return;
  const client = new pg.Client({ connectionString: POSTGRES_URL });
  await client.connect();
  try {
    for (const schema of schemas) await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
  } finally {
    await client.end();
  }
}

/** The URL without its password, for messages. */
export const POSTGRES_URL_FOR_HUMANS = POSTGRES_URL.replace(/:[^:@/]*@/, ':***@');
