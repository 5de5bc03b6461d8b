import { loadConfig } from '../config/load-config';
import { createRunnerLogger, type LogLevel } from '../logging/create-runner-logger';
import { createConnectorRegistry } from '../registry/connector-registry';
import { type CreateRunnerOptions, createRunner, type Runner } from '../service/create-runner';

/** Options every config-driven command takes. */
export interface ConfigCommandOptions {
  readonly config?: string | undefined;
  readonly logLevel?: LogLevel | undefined;
}

/**
 * Loads the config (`--config` or the default file names), the connector registry, and builds the
 * runner with a pino logger that redacts every secret of the config.
 *
 * @throws {ConfigError} for a bad config or an unknown connector (the CLI prints it as one line, exit 2).
 */
export async function runnerFromOptions(
  options: ConfigCommandOptions,
  hooks: Pick<CreateRunnerOptions, 'onResult' | 'onProgress'> = {},
): Promise<Runner> {
  const loaded = await loadConfig({ file: options.config });
  const registry = await createConnectorRegistry();
  return createRunner({
    loaded,
    registry,
    logger: (secretValues) => createRunnerLogger({ level: options.logLevel ?? 'info', secretValues }),
    ...hooks,
  });
}
