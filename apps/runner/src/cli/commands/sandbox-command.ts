import { resolve } from 'node:path';
import { createPleoSandbox, loadSeedItemsFile } from '@ledgerport/pleo-sandbox';
import type { Command } from 'commander';
import { CliError } from '../cli-error';
import { abortOnSignals } from '../shutdown-signals';

/**
 * `ledgerport sandbox --port <p> [--host h] [--seed items.json] [--items n] [--json]`: serves the Pleo
 * sandbox (`@ledgerport/pleo-sandbox`) over HTTP until SIGINT/SIGTERM, with one company holding one
 * pending job: the items of the seed file (validated; a bad item names its index and field), or
 * generated seed items. Prints the base URL, API key, company id and job id.
 */
export function registerSandboxCommand(program: Command): void {
  program
    .command('sandbox')
    .description('serve a local Pleo Export API sandbox with a seeded company')
    .option('--port <port>', 'port to listen on (0 = any free port)', '4010')
    .option('--host <host>', 'interface to listen on', '127.0.0.1')
    .option('--seed <file>', 'JSON file of Export API v3 export items for the pending job')
    .option('--items <count>', 'number of generated items when no --seed file is given', '64')
    .option('--json', 'print the connection details as one JSON line')
    .action(async (options: { port: string; host: string; seed?: string; items: string; json?: boolean }) => {
      const port = Number(options.port);
      if (!Number.isInteger(port) || port < 0 || port > 65_535)
        throw new CliError(`--port must be 0–65535, got "${options.port}"`, 2);
      const itemCount = Number(options.items);
      if (!Number.isInteger(itemCount) || itemCount < 0)
        throw new CliError(`--items must be a whole number, got "${options.items}"`, 2);
      let items: ReturnType<typeof loadSeedItemsFile> | undefined;
      if (options.seed !== undefined) {
        try {
          items = loadSeedItemsFile(resolve(options.seed));
        } catch (error) {
          throw new CliError(`seed file ${options.seed}: ${(error as Error).message.split('\n')[0]}`, 2);
        }
      }
      const sandbox = createPleoSandbox();
      const seeded = sandbox.seedCompany(items === undefined ? { itemCount } : { items });
      let server: { url: string; close(): Promise<void> };
      try {
        server = await sandbox.listen({ port, host: options.host });
      } catch (error) {
        throw new CliError(`cannot listen on ${options.host}:${port}: ${(error as Error).message}`, 1);
      }
      const details = {
        baseUrl: server.url,
        apiKey: seeded.apiKey,
        companyId: seeded.companyId,
        jobId: seeded.jobId,
        items: seeded.items.length,
      };
      if (options.json === true) process.stdout.write(`${JSON.stringify(details)}\n`);
      else {
        process.stdout.write(
          [
            `Pleo sandbox listening on ${details.baseUrl}`,
            `  API key:    ${details.apiKey}`,
            `  Company id: ${details.companyId}`,
            `  Job id:     ${details.jobId} (pending, ${details.items} items)`,
            'Press Ctrl+C to stop.',
            '',
          ].join('\n'),
        );
      }
      const controller = abortOnSignals();
      await new Promise<void>((done) =>
        controller.signal.addEventListener('abort', () => done(), { once: true }),
      );
      controller.dispose();
      await server.close();
    });
}
