export { CliError } from './cli/cli-error';
export { createProgram } from './cli/program';
export { runCli } from './cli/run-cli';
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
  createRunnerLogger,
  LOG_LEVELS,
  type LogLevel,
  REDACT_PATHS,
  type RunnerLoggerOptions,
} from './logging/create-runner-logger';
export {
  type ConnectorRegistry,
  type CreateConnectorRegistryOptions,
  createConnectorRegistry,
  isConnector,
  type RegisteredConnector,
  type UnavailableConnectorPackage,
} from './registry/connector-registry';
export { createPleoFromConfig, pleoBaseUrl } from './service/create-pleo-from-config';
export { type CreateRunnerOptions, createRunner, type Runner } from './service/create-runner';
export { type ResolvedCompany, resolveCompanies } from './service/resolve-companies';
export {
  FINAL_JOB_STATUSES,
  type JobRunResult,
  type RunClaimedJobOptions,
  runClaimedJob,
} from './service/run-claimed-job';
export {
  activeJobs,
  type CompanyPassResult,
  type PassDependencies,
  runCompanyPass,
} from './service/run-company-pass';
export { RunnerError } from './service/runner-error';
export { startWebhookListener, type WebhookListenerOptions } from './service/webhook-listener';
export { companyCredentials } from './store/company-credentials';
export { applyMigrations } from './store/migrations/apply-migrations';
export { MIGRATIONS, type Migration } from './store/migrations/migrations';
export { openRunnerStore, StoreOpenError } from './store/open-runner-store';
export { openPostgresDriver, type PostgresDriverOptions } from './store/postgres/postgres-driver';
export type { JobClaim, JobRunRecord, RunnerStore } from './store/runner-store';
export type { SqlDriver, SqlValue } from './store/sql-driver';
export { createSqlRunnerStore } from './store/sql-runner-store';
export { openSqliteDriver, type SqliteSynchronous } from './store/sqlite/sqlite-driver';
