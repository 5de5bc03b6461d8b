import type { Connector, MapOptions } from '@ledgerport/core';
import { ConfigError } from '../config/config-error';
import type { LedgerportConfig } from '../config/config-schema';
import { configErrorFromIssues } from '../config/format-config-issue';
import type { ConnectorRegistry } from '../registry/connector-registry';

/** A configured company, bound to its connector, with its config checked by the connector's schema. */
export interface ResolvedCompany {
  readonly companyId: string;
  /** Display name (config `name`, else the id). */
  readonly name: string;
  readonly connector: Connector;
  /** The connector config as written (core parses it again with `configSchema`). */
  readonly config: unknown;
  readonly secrets: Readonly<Record<string, string>>;
  /** Company mapping settings for core's `mapExportItem` (posting mode, period strategy, accounts). */
  readonly mapping: MapOptions;
}

/**
 * Binds every configured company to its connector from the registry and validates the company's
 * connector config with the connector's `configSchema`.
 *
 * @returns the companies and the values of the connectors' `secretFields` found in their configs
 * (to be redacted like every other secret).
 * @throws {ConfigError} naming `companies.<id>.connector` (unknown id, with the installed ones) or
 * `companies.<id>.config.<field>` (the connector's own validation).
 */
export function resolveCompanies(
  config: LedgerportConfig,
  registry: ConnectorRegistry,
  file?: string,
): { companies: ResolvedCompany[]; secretValues: string[] } {
  const companies: ResolvedCompany[] = [];
  const secretValues: string[] = [];
  for (const [companyId, company] of Object.entries(config.companies)) {
    const registered = registry.get(company.connector);
    if (registered === undefined) {
      const installed = registry.list().map((c) => c.id);
      throw new ConfigError(
        `companies.${companyId}.connector`,
        `unknown connector "${company.connector}"`,
        installed.length === 0
          ? 'install a @ledgerport/connector-* package (none is installed)'
          : `use one of ${installed.join(', ')} (see \`ledgerport connectors\`)`,
        file,
      );
    }
    const connector = registered.connector;
    const parsed = connector.configSchema.safeParse(company.config);
    if (!parsed.success)
      throw configErrorFromIssues(parsed.error.issues, `companies.${companyId}.config`, file);
    for (const path of connector.secretFields) {
      const value = valueAt(company.config, path);
      if (typeof value === 'string' && value !== '') secretValues.push(value);
    }
    const mapping: MapOptions = {
      ...(company.mapping === undefined ? {} : (stripUndefined(company.mapping) as MapOptions)),
      postingMode: company.postingMode,
      periodStrategy: company.periodStrategy,
    };
    companies.push({
      companyId,
      name: company.name ?? companyId,
      connector,
      config: company.config,
      secrets: company.secrets,
      mapping,
    });
  }
  return { companies, secretValues };
}

function valueAt(root: unknown, path: string): unknown {
  let node = root;
  for (const key of path.split('.')) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<string, unknown>)[key];
  }
  return node;
}

function stripUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}
