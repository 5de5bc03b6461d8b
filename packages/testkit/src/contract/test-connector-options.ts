import type { ConnectorV1, MapOptions } from '@ledgerport/core';
import type { ErpFake } from '../erp-fake/erp-fake';
import type { CanonicalFixtureName } from '../fixtures/canonical-export-items';

/** The named contract suites, in the order {@link testConnector} registers them. */
export const CONTRACT_SUITES = [
  'manifest',
  'config',
  'authenticate',
  'validate',
  'post',
  'idempotency',
  'amounts',
  'attachments',
  'errors',
  'cancellation',
  'secrets',
] as const;

/** One contract suite name. */
export type ContractSuite = (typeof CONTRACT_SUITES)[number];

/** Options of {@link testConnector}. */
export interface TestConnectorOptions<Config> {
  /** Title of the outer `describe` block; default `connector contract: <connector id>`. */
  readonly name?: string;
  /** The connector, or a factory called once per test (fresh state per test). */
  readonly connector: ConnectorV1<Config> | (() => ConnectorV1<Config>);
  /** The connector's stateful ERP fake. */
  readonly erp: ErpFake;
  readonly config: {
    /** A config `configSchema` accepts; used for every other suite. */
    readonly valid: unknown;
    /** A config lacking a required field. */
    readonly missing: unknown;
    /** A config with a field of the wrong type or format. */
    readonly invalid: unknown;
  };
  /** Secret values by name (`ctx.secrets`); none may appear in any error or log line. */
  readonly secrets?: Readonly<Record<string, string>>;
  /** Mapping options for the canonical entries (over `CANONICAL_MAPPING` and `connector.mapOptions`). */
  readonly mapping?: MapOptions;
  /**
   * Canonical fixtures the connector refuses by design, each with a written reason (e.g. a SEK-only ERP
   * refusing the EUR fixtures). The post suite asserts each is refused with a non-retryable `ItemError`
   * and books nothing; validate, amounts, idempotency and the other suites leave them out. Prefer this
   * to skipping whole suites.
   */
  readonly refuses?: Partial<Record<CanonicalFixtureName, string>>;
  /** Suites to skip, each with a written reason (`{ attachments: 'Fortnox sandbox has no inbox' }`). */
  readonly skip?: Partial<Record<ContractSuite, string>>;
  /** Per-test timeout in milliseconds; default 20 000. */
  readonly timeoutMs?: number;
}
