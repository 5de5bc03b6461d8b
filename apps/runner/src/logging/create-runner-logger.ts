import { createRedactingLogger, type Logger } from '@ledgerport/core';
import { pino } from 'pino';
import pretty from 'pino-pretty';

/** Log levels the CLI accepts (`--log-level`). */
export const LOG_LEVELS = ['debug', 'info', 'warn', 'error', 'silent'] as const;
/** One of {@link LOG_LEVELS}. */
export type LogLevel = (typeof LOG_LEVELS)[number];

/**
 * Key paths pino censors before a line is written, whatever the value: Pleo credentials, webhook
 * secrets, connection strings, connector secrets, HTTP auth headers.
 */
export const REDACT_PATHS = [
  'apiKey',
  'token',
  'secret',
  'secrets',
  'password',
  'connectionString',
  'authorization',
  '*.apiKey',
  '*.token',
  '*.secret',
  '*.secrets',
  '*.password',
  '*.clientSecret',
  '*.refreshToken',
  '*.accessToken',
  '*.connectionString',
  '*.authorization',
  'headers.authorization',
  '*.headers.authorization',
  'pleo.auth',
];

/** Options of {@link createRunnerLogger}. */
export interface RunnerLoggerOptions {
  readonly level?: LogLevel;
  /** Pretty, coloured lines (default: when stderr is a TTY); otherwise one JSON object per line. */
  readonly pretty?: boolean;
  /** Secret values scrubbed from every message and field (core's `redactSecrets`). */
  readonly secretValues?: readonly string[];
  /** Where lines go; default stderr (stdout stays free for `--json` results and tables). */
  readonly destination?: NodeJS.WritableStream;
}

/**
 * The runner's logger: pino (JSON when not on a TTY, pino-pretty on a TTY), writing to stderr, with
 * two layers of secret hygiene: core's redacting wrapper scrubs secret *values* from messages and
 * fields, and pino's `redact` censors secret *keys* ({@link REDACT_PATHS}).
 *
 * @returns a core {@link Logger} (what `runExportJob` and connectors take).
 */
export function createRunnerLogger(options: RunnerLoggerOptions = {}): Logger {
  const destination = options.destination ?? process.stderr;
  const usePretty = options.pretty ?? (destination === process.stderr && process.stderr.isTTY === true);
  const base = pino(
    {
      level: options.level ?? 'info',
      base: { name: 'ledgerport' },
      redact: { paths: REDACT_PATHS, censor: '[REDACTED]' },
      timestamp: pino.stdTimeFunctions.isoTime,
    },
    usePretty
      ? pretty({
          colorize: true,
          sync: true,
          destination,
          ignore: 'pid,hostname,name',
          translateTime: 'SYS:HH:MM:ss',
        })
      : (destination as pino.DestinationStream),
  );
  return createRedactingLogger(fromPino(base), options.secretValues ?? []);
}

function fromPino(p: pino.Logger): Logger {
  return {
    debug: (message, fields) => p.debug(fields ?? {}, message),
    info: (message, fields) => p.info(fields ?? {}, message),
    warn: (message, fields) => p.warn(fields ?? {}, message),
    error: (message, fields) => p.error(fields ?? {}, message),
    child: (fields) => fromPino(p.child(fields)),
  };
}
