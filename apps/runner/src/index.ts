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
