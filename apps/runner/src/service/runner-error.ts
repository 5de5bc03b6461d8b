/**
 * A runner problem the CLI reports as one line with exit code 1, without "unexpected": the store
 * cannot be opened, the webhook port is taken. The message names what failed and never a secret.
 */
export class RunnerError extends Error {
  override readonly name: string = 'RunnerError';

  /** Whether `error` is a {@link RunnerError} (or a subclass). */
  static isInstance(error: unknown): error is RunnerError {
    return error instanceof RunnerError;
  }
}
