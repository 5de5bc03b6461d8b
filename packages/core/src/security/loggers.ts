import type { Logger } from '../connector/connector-context';
import { redactSecrets, redactText } from './redact';

/** One captured log line (see {@link createMemoryLogger}). */
export interface LogLine {
  readonly level: 'debug' | 'info' | 'warn' | 'error';
  readonly message: string;
  readonly fields: Record<string, unknown>;
}

/** A {@link Logger} that drops everything; `child` returns `noopLogger` itself. Default logger of runs. */
export const noopLogger: Logger = {
  debug() {},
  info() {},
  warn() {},
  error() {},
  child() {
    return noopLogger;
  },
};

/**
 * Wraps `base` so every message and field is passed through {@link redactSecrets} first.
 * @param secretValues - secret strings to scrub; @param secretKeys - config field paths to redact.
 */
export function createRedactingLogger(
  base: Logger,
  secretValues: readonly string[],
  secretKeys: readonly string[] = [],
): Logger {
  const scrub = (fields: Record<string, unknown> | undefined) =>
    (fields === undefined ? undefined : redactSecrets(fields, secretValues, secretKeys)) as
      | Record<string, unknown>
      | undefined;
  const wrap = (inner: Logger): Logger => ({
    debug: (m, f) => inner.debug(redactText(m, secretValues), scrub(f)),
    info: (m, f) => inner.info(redactText(m, secretValues), scrub(f)),
    warn: (m, f) => inner.warn(redactText(m, secretValues), scrub(f)),
    error: (m, f) => inner.error(redactText(m, secretValues), scrub(f)),
    child: (f) => wrap(inner.child(scrub(f) ?? {})),
  });
  return wrap(base);
}

/** A logger that keeps lines in `lines` (for tests, e.g. the testkit's secret-hygiene suite). */
export function createMemoryLogger(
  bound: Record<string, unknown> = {},
  lines: LogLine[] = [],
): Logger & { readonly lines: LogLine[] } {
  const push = (level: LogLine['level']) => (message: string, fields?: Record<string, unknown>) => {
    lines.push({ level, message, fields: { ...bound, ...fields } });
  };
  return {
    lines,
    debug: push('debug'),
    info: push('info'),
    warn: push('warn'),
    error: push('error'),
    child: (fields) => createMemoryLogger({ ...bound, ...fields }, lines),
  };
}
