/**
 * The runner process the crash test SIGKILLs: `node crash-child.mjs '<json>'` runs one `run --once`
 * pass (the real runner: config validation, registry, SQLite or PostgreSQL store, claims, core lifecycle, Pleo over
 * loopback HTTP) with the file-ledger connector. Exit code 0 when every job reached a final state.
 */
import { parseConfig } from '../../src/config/load-config';
import { createRunnerLogger } from '../../src/logging/create-runner-logger';
import { createConnectorRegistry } from '../../src/registry/connector-registry';
import { createRunner } from '../../src/service/create-runner';
import { createFileLedgerConnector } from './file-ledger-connector';

const args = JSON.parse(process.argv[2] ?? '{}') as {
  baseUrl: string;
  apiKey: string;
  companyId: string;
  /** The `store` section of the config (SQLite file or PostgreSQL schema). */
  store: Record<string, unknown>;
  ledgerFile: string;
  delayMs: number;
  /** With receipts: the connector attaches them, one fsynced line each in this file. */
  attachmentsFile?: string;
  attachDelayMs?: number;
};
const loaded = parseConfig(
  {
    pleo: { baseUrl: args.baseUrl, auth: { type: 'apiKey', apiKey: args.apiKey } },
    companies: {
      [args.companyId]: {
        connector: 'file-ledger',
        config: {
          ledgerFile: args.ledgerFile,
          delayMs: args.delayMs,
          ...(args.attachmentsFile === undefined
            ? {}
            : { attachmentsFile: args.attachmentsFile, attachDelayMs: args.attachDelayMs ?? 0 }),
        },
        mapping: {
          inputVatAccount: '2641',
          outputVatAccount: '2614',
          payablesAccount: '2440',
          contraAccounts: { SEK: '1930', DKK: '1931', EUR: '1932' },
        },
      },
    },
    store: args.store,
    runnerId: 'crash-test-runner',
  },
  { baseDir: process.cwd() },
);
const registry = await createConnectorRegistry({
  installed: false,
  connectors: [createFileLedgerConnector({ attachments: args.attachmentsFile !== undefined })],
});
const runner = createRunner({
  loaded,
  registry,
  logger: (secretValues) => createRunnerLogger({ level: 'warn', secretValues, pretty: false }),
});
const passes = await runner.runOnce();
await runner.close();
const final = passes.every((p) => p.error === undefined && p.results.every((r) => r.final));
process.stdout.write(
  `${JSON.stringify({ final, results: passes.flatMap((p) => p.results.map((r) => ({ jobId: r.jobId, status: r.pleoStatus, error: r.error }))) })}\n`,
);
process.exitCode = final ? 0 : 1;
