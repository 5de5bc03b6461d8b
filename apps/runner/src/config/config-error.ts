/**
 * A configuration problem, reported as one line: where (file and field), what is wrong, and the fix.
 * The message never contains a secret value: secret references are reported by their reference
 * (`env:PLEO_API_KEY`), never by what they resolve to.
 */
export class ConfigError extends Error {
  override readonly name = 'ConfigError';
  constructor(
    /** Dot path of the offending field, e.g. `companies.<id>.config.companyName`; `''` for the whole file. */
    readonly field: string,
    /** What is wrong. */
    readonly problem: string,
    /** What to do about it. */
    readonly fix: string,
    /** The config file, when the problem is in one. */
    readonly file?: string,
  ) {
    super(
      `${file === undefined ? 'Invalid configuration' : `Invalid configuration in ${file}`}: ${
        field === '' ? '' : `${field}: `
      }${problem.replace(/\.+$/, '')}. Fix: ${fix}`,
    );
  }

  /** Whether `error` is a {@link ConfigError} (also across module copies). */
  static isInstance(error: unknown): error is ConfigError {
    return error instanceof Error && error.name === 'ConfigError' && 'field' in error && 'fix' in error;
  }
}
