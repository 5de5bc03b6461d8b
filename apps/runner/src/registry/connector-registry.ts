import type { Connector } from '@ledgerport/core';
import { INSTALLED_CONNECTOR_PACKAGES } from './installed-connector-packages';

/** One connector the runner can use. */
export interface RegisteredConnector {
  readonly id: string;
  /** Package it came from (`@ledgerport/connector-sie`), or `inline` for programmatic registrations. */
  readonly packageName: string;
  readonly connector: Connector;
}

/** A package that was looked at but yielded no usable connector, with the reason. */
export interface UnavailableConnectorPackage {
  readonly packageName: string;
  readonly reason: string;
}

/** The connectors available to this runner, by id. */
export interface ConnectorRegistry {
  /** All connectors, sorted by id. */
  list(): readonly RegisteredConnector[];
  get(id: string): RegisteredConnector | undefined;
  /** Packages that could not be used (not installed, not built, no connector export). */
  readonly unavailable: readonly UnavailableConnectorPackage[];
}

/** Options of {@link createConnectorRegistry}. */
export interface CreateConnectorRegistryOptions {
  /** Extra connectors (tests, in-house connectors); they override installed ones with the same id. */
  readonly connectors?: readonly Connector[];
  /** Skip the installed `@ledgerport/connector-*` packages. */
  readonly installed?: boolean;
  /** Package loaders to scan instead of the installed list (tests). */
  readonly packages?: readonly { packageName: string; load: () => Promise<Record<string, unknown>> }[];
}

/**
 * Builds the registry from the installed `@ledgerport/connector-*` packages. In each package's exports
 * it looks for connector objects (`specificationVersion: 'v1'`) and for factories named
 * `create…Connector` that return one when called without options. A package that fails to load or
 * exports no connector lands in `unavailable` with the reason.
 */
export async function createConnectorRegistry(
  options: CreateConnectorRegistryOptions = {},
): Promise<ConnectorRegistry> {
  const byId = new Map<string, RegisteredConnector>();
  const unavailable: UnavailableConnectorPackage[] = [];
  const packages = options.packages ?? (options.installed === false ? [] : INSTALLED_CONNECTOR_PACKAGES);
  for (const pkg of packages) {
    let mod: Record<string, unknown>;
    try {
      mod = await pkg.load();
    } catch (error) {
      unavailable.push({ packageName: pkg.packageName, reason: `cannot be loaded: ${firstLine(error)}` });
      continue;
    }
    const found = await connectorsIn(mod);
    if (found.connectors.length === 0) {
      unavailable.push({
        packageName: pkg.packageName,
        reason:
          found.problems[0] ?? 'exports no connector (no v1 connector object or create…Connector factory)',
      });
    }
    for (const connector of found.connectors) {
      if (!byId.has(connector.id))
        byId.set(connector.id, { id: connector.id, packageName: pkg.packageName, connector });
    }
  }
  for (const connector of options.connectors ?? []) {
    byId.set(connector.id, { id: connector.id, packageName: 'inline', connector });
  }
  const sorted = [...byId.values()].sort((a, b) => a.id.localeCompare(b.id));
  return { list: () => sorted, get: (id) => byId.get(id), unavailable };
}

/** Whether `value` looks like a Connector v1 object. */
export function isConnector(value: unknown): value is Connector {
  if (value === null || typeof value !== 'object') return false;
  const c = value as Partial<Connector>;
  return (
    c.specificationVersion === 'v1' &&
    typeof c.id === 'string' &&
    typeof c.manifest === 'object' &&
    typeof c.postEntry === 'function' &&
    typeof c.validate === 'function' &&
    typeof c.authenticate === 'function'
  );
}

async function connectorsIn(
  mod: Record<string, unknown>,
): Promise<{ connectors: Connector[]; problems: string[] }> {
  const connectors: Connector[] = [];
  const problems: string[] = [];
  const seen = new Set<unknown>();
  for (const [name, value] of Object.entries(mod)) {
    if (isConnector(value) && !seen.has(value)) {
      seen.add(value);
      connectors.push(value);
    } else if (typeof value === 'function' && /^create\w*Connector$/.test(name)) {
      try {
        const made: unknown = await (value as () => unknown)();
        if (isConnector(made)) connectors.push(made);
        else problems.push(`${name}() did not return a v1 connector`);
      } catch (error) {
        problems.push(`${name}() failed without options: ${firstLine(error)}`);
      }
    }
  }
  const unique = new Map(connectors.map((c) => [c.id, c]));
  return { connectors: [...unique.values()], problems };
}

function firstLine(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.split('\n')[0] ?? message;
}
