import { isAbsolute, resolve } from 'node:path';
import type { StoreConfig } from '../config/config-schema';
import { RunnerError } from '../service/runner-error';
import { applyMigrations } from './migrations/apply-migrations';
import { openPostgresDriver } from './postgres/postgres-driver';
import type { RunnerStore } from './runner-store';
import { createSqlRunnerStore } from './sql-runner-store';
import { openSqliteDriver } from './sqlite/sqlite-driver';

/** The configured store could not be opened or migrated (message names the store, never its secret). */
export class StoreOpenError extends RunnerError {
  override readonly name = 'StoreOpenError';
}

/**
 * Opens the configured store and migrates it to the newest schema: SQLite (embedded default, file
 * relative to `baseDir`) or PostgreSQL (`connectionString`, `schema`).
 *
 * @throws an Error naming the store (never the connection string) when it cannot be opened.
 */
export async function openRunnerStore(config: StoreConfig, baseDir: string): Promise<RunnerStore> {
  if (config.type === 'sqlite') {
    const path =
      config.path === ':memory:' || isAbsolute(config.path) ? config.path : resolve(baseDir, config.path);
    let driver: ReturnType<typeof openSqliteDriver> | undefined;
    try {
      driver = openSqliteDriver(path, { synchronous: config.synchronous });
      await applyMigrations(driver);
    } catch (error) {
      await driver?.close();
      throw new StoreOpenError(
        `Cannot open the SQLite store ${path}: ${(error as Error).message.split('\n')[0]}`,
        {
          cause: error,
        },
      );
    }
    return createSqlRunnerStore(driver);
  }
  let driver: Awaited<ReturnType<typeof openPostgresDriver>> | undefined;
  try {
    driver = await openPostgresDriver({ connectionString: config.connectionString, schema: config.schema });
    await applyMigrations(driver);
  } catch (error) {
    await driver?.close().catch(() => {});
    const code = (error as { code?: string }).code;
    throw new StoreOpenError(
      `Cannot open the PostgreSQL store (schema ${config.schema})${code === undefined ? '' : `: ${code}`}. Check store.connectionString and that the server is running.`,
      { cause: error },
    );
  }
  return createSqlRunnerStore(driver);
}
