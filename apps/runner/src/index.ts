export { ConfigError } from './config/config-error';
export {
  type CompanyConfig,
  DEFAULT_SQLITE_PATH,
  type LedgerportConfig,
  type LedgerportConfigInput,
  ledgerportConfigSchema,
  type StoreConfig,
} from './config/config-schema';
export { defineConfig } from './config/define-config';
export {
  CONFIG_FILE_NAMES,
  type LoadConfigOptions,
  type LoadedConfig,
  loadConfig,
  parseConfig,
} from './config/load-config';
export { resolveSecretReferences } from './config/secret-references';
export {
  type ConnectorRegistry,
  type CreateConnectorRegistryOptions,
  createConnectorRegistry,
  isConnector,
  type RegisteredConnector,
  type UnavailableConnectorPackage,
} from './registry/connector-registry';
export { companyCredentials } from './store/company-credentials';
export { applyMigrations } from './store/migrations/apply-migrations';
export { MIGRATIONS, type Migration } from './store/migrations/migrations';
export { openRunnerStore } from './store/open-runner-store';
export { openPostgresDriver, type PostgresDriverOptions } from './store/postgres/postgres-driver';
export type { JobClaim, JobRunRecord, RunnerStore } from './store/runner-store';
export type { SqlDriver, SqlValue } from './store/sql-driver';
export { createSqlRunnerStore } from './store/sql-runner-store';
export { openSqliteDriver } from './store/sqlite/sqlite-driver';
