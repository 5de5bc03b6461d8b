import {
  type Clock,
  type ConnectorContext,
  type ConnectorV1,
  type CredentialsStore,
  createConnectorContext,
  createMemoryLogger,
  createRedactingLogger,
  type Logger,
  type LogLine,
} from '@ledgerport/core';
import type { ExportJobV3 } from '@ledgerport/pleo';
import { canonicalJob } from '../fixtures/canonical-job';
import { configSecretValues } from './secret-values';

/** Options of {@link createTestContext}. */
export interface TestContextOptions {
  /** Secret values by name (`ctx.secrets`); all are redacted from the logger. */
  readonly secrets?: Readonly<Record<string, string>>;
  /** `ctx.signal`; default a signal that never aborts. */
  readonly signal?: AbortSignal;
  /** `ctx.clock`; default the wall clock (core's `systemClock`). */
  readonly clock?: Clock;
  /** `ctx.credentials`; default a fresh in-memory store. */
  readonly credentials?: CredentialsStore;
  /** The job (`ctx.job`, an Export API `ExportJobV3`); default {@link canonicalJob}. */
  readonly job?: ExportJobV3;
  /** Shared line buffer (the contract suites collect every line of every context here). */
  readonly lines?: LogLine[];
}

/** A {@link ConnectorContext} whose logger keeps what it logged (after redaction) in `lines`. */
export type TestContext<Config> = ConnectorContext<Config> & {
  readonly logger: Logger & { readonly lines: LogLine[] };
};

/**
 * Builds the context a connector method receives, the way core does (`createConnectorContext`): the
 * raw `config` is parsed with `connector.configSchema`, the logger redacts every secret value (from
 * `secrets` and from the config fields named in `connector.secretFields`) and captures lines in memory.
 *
 * @param config - raw (unparsed) connector configuration.
 * @throws Error listing the config issues (field paths) when `config` does not parse.
 */
export function createTestContext<Config>(
  connector: ConnectorV1<Config>,
  config: unknown,
  options: TestContextOptions = {},
): TestContext<Config> {
  const parsed = connector.configSchema.safeParse(config);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; ');
    throw new Error(
      `createTestContext: the config does not parse with ${connector.id}'s configSchema: ${issues}`,
    );
  }
  const memory = createMemoryLogger({}, options.lines ?? []);
  const secretValues = [
    ...Object.values(options.secrets ?? {}),
    ...configSecretValues(config, connector.secretFields),
  ];
  const base = createConnectorContext<Config>({
    job: options.job ?? canonicalJob(),
    config: parsed.data,
    ...(options.secrets === undefined ? {} : { secrets: options.secrets }),
    secretFields: connector.secretFields,
    ...(options.signal === undefined ? {} : { signal: options.signal }),
    ...(options.clock === undefined ? {} : { clock: options.clock }),
    ...(options.credentials === undefined ? {} : { credentials: options.credentials }),
  });
  const redacting = createRedactingLogger(memory, secretValues, connector.secretFields);
  return { ...base, logger: Object.assign(redacting, { lines: memory.lines }) };
}
