#!/usr/bin/env node
/**
 * `ledgerport-sandbox`: a local Pleo Export API v3 on loopback. See `runSandboxCli` for options.
 */
import { runSandboxCli, SandboxCliUsageError } from './server/run-sandbox-cli';

try {
  const running = await runSandboxCli(process.argv.slice(2));
  if (running) {
    const stop = () => {
      running.close().then(
        () => process.exit(0),
        () => process.exit(1),
      );
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  }
} catch (error) {
  process.stderr.write(`ledgerport-sandbox: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(error instanceof SandboxCliUsageError ? 2 : 1);
}
