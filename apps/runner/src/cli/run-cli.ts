import { CommanderError } from 'commander';
import { ConfigError } from '../config/config-error';
import { RunnerError } from '../service/runner-error';
import { CliError } from './cli-error';
import { createProgram } from './program';

/**
 * Runs the CLI on `argv` (user arguments only) and resolves to the exit code. Every failure is one
 * line on stderr, `ledgerport: <what> …`: 2 for bad input (config, seed file, unknown connector,
 * usage), 1 when the work failed (job not final, doctor check, Pleo unreachable).
 */
export async function runCli(argv: readonly string[]): Promise<number> {
  const program = createProgram();
  try {
    await program.parseAsync([...argv], { from: 'user' });
    return 0;
  } catch (error) {
    if (error instanceof CommanderError) {
      return error.exitCode === 0 ? 0 : 2; // commander already printed the message
    }
    if (ConfigError.isInstance(error)) {
      process.stderr.write(`ledgerport: ${error.message}\n`);
      return 2;
    }
    if (RunnerError.isInstance(error)) {
      process.stderr.write(`ledgerport: ${error.message}\n`);
      return 1;
    }
    if (error instanceof CliError) {
      process.stderr.write(`ledgerport: ${error.message}\n`);
      return error.exitCode;
    }
    const message = error instanceof Error ? error.message.split('\n')[0] : String(error);
    process.stderr.write(`ledgerport: unexpected error: ${message}\n`);
    return 1;
  }
}
