import type { ExportJobV3 } from '@ledgerport/pleo';
import { JobError } from '../errors/ledgerport-error';
import { createRedactingLogger, noopLogger } from '../security/loggers';
import type { Clock, ConnectorContext, CredentialsStore, Logger, SecretsAccessor } from './connector-context';
import { createMemoryCredentialsStore } from './memory-credentials-store';

/** Options of {@link createConnectorContext}. */
export interface CreateConnectorContextOptions<Config> {
  readonly job: ExportJobV3;
  /** Already parsed by the connector's `configSchema`. */
  readonly config: Config;
  /** Secret values by name. */
  readonly secrets?: Readonly<Record<string, string>>;
  /** The connector's `secretFields` (config paths to redact from logs). */
  readonly secretFields?: readonly string[];
  readonly logger?: Logger;
  readonly signal?: AbortSignal;
  readonly clock?: Clock;
  readonly credentials?: CredentialsStore;
}

/** The wall clock: `now()` returns `new Date()`. Default {@link Clock} of contexts and runs. */
export const systemClock: Clock = { now: () => new Date() };

/**
 * Builds the {@link ConnectorContext} a connector method receives. The logger redacts every secret
 * value (from `secrets` and the string values of the config's `secretFields`) and every `secretFields` key; `secrets.require` throws `JobError('missing_configuration')`
 * naming the secret.
 */
export function createConnectorContext<Config>(
  options: CreateConnectorContextOptions<Config>,
): ConnectorContext<Config> {
  const secretValues = [
    ...Object.values(options.secrets ?? {}),
    ...secretFieldValues(options.config, options.secretFields ?? []),
  ];
  const secrets: SecretsAccessor = {
    get: (name) => options.secrets?.[name],
    require: (name) => {
      const value = options.secrets?.[name];
      if (value === undefined || value === '') {
        throw new JobError(
          'missing_configuration',
          `Secret "${name}" is missing: set it in the company's connector configuration.`,
          {
            field: name,
          },
        );
      }
      return value;
    },
  };
  return {
    companyId: options.job.companyId,
    job: options.job,
    config: options.config,
    secrets,
    logger: createRedactingLogger(options.logger ?? noopLogger, secretValues, options.secretFields ?? []),
    signal: options.signal ?? new AbortController().signal,
    clock: options.clock ?? systemClock,
    credentials: options.credentials ?? createMemoryCredentialsStore(),
    cache: new Map(),
  };
}

/**
 * String values found at the `secretFields` dot paths of a config (e.g. `apiKey`, `oauth.clientSecret`),
 * so they are scrubbed from free text like the values in `secrets`.
 */
export function secretFieldValues(config: unknown, secretFields: readonly string[]): string[] {
  const values: string[] = [];
  for (const field of secretFields) {
    let current: unknown = config;
    for (const key of field.split('.')) {
      current =
        current !== null && typeof current === 'object'
          ? (current as Record<string, unknown>)[key]
          : undefined;
    }
    if (typeof current === 'string' && current !== '') values.push(current);
  }
  return values;
}
