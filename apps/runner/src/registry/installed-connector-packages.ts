/**
 * The `@ledgerport/connector-*` packages the runner knows, each with a loader. Imports are literal so
 * bundlers and vitest's source resolution see them; a package that is missing or exports no
 * connector is reported as unavailable, not fatal.
 */
export const INSTALLED_CONNECTOR_PACKAGES: readonly {
  readonly packageName: string;
  readonly load: () => Promise<Record<string, unknown>>;
}[] = [
  { packageName: '@ledgerport/connector-memory', load: () => import('@ledgerport/connector-memory') },
  { packageName: '@ledgerport/connector-sie', load: () => import('@ledgerport/connector-sie') },
  { packageName: '@ledgerport/connector-datev', load: () => import('@ledgerport/connector-datev') },
  { packageName: '@ledgerport/connector-xero', load: () => import('@ledgerport/connector-xero') },
  { packageName: '@ledgerport/connector-fortnox', load: () => import('@ledgerport/connector-fortnox') },
];
