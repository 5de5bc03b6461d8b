/**
 * An error the CLI reports as one line on stderr with a non-zero exit code (1: the work failed, e.g.
 * a job did not reach a final state or a doctor check failed; 2: bad input such as config, seed file,
 * unknown connector).
 */
export class CliError extends Error {
  override readonly name = 'CliError';
  constructor(
    message: string,
    readonly exitCode: 1 | 2 = 1,
  ) {
    super(message);
  }
}
