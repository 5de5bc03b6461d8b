import { mkdirSync, readdirSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { createPleoClient, type ExportItemV3 } from '@ledgerport/pleo';
import { createPleoSandbox, generateSeedItems } from '@ledgerport/pleo-sandbox';
import type { Command } from 'commander';
import { parseConfig } from '../../config/load-config';
import type { DemoErp } from '../../demo-erp/demo-erp';
import { DEMO_ERPS } from '../../demo-erp/demo-erps';
import { createRunnerLogger, type LogLevel } from '../../logging/create-runner-logger';
import { createConnectorRegistry } from '../../registry/connector-registry';
import { createRunner } from '../../service/create-runner';
import { runClaimedJob } from '../../service/run-claimed-job';
import { openRunnerStore } from '../../store/open-runner-store';
import { CliError } from '../cli-error';
import { createExportProgressBar } from '../output/export-progress-bar';
import { renderJobSummary } from '../output/job-summary';
import { DEMO_COMPANY_SETTINGS } from './demo-connector-configs';

/**
 * `ledgerport demo [--connector sie|datev|memory|xero|fortnox] [--out ./out] [--items n] [--seed n]`: the
 * embedded default, end to end with nothing to configure. Starts the Pleo sandbox in-process on a
 * loopback port with a seeded company and one pending job, runs the job exactly as `run` would (config
 * validation, registry, claim, crash-safe SQLite store, core lifecycle over real HTTP) into `--out` — or,
 * for an API connector (`xero`, `fortnox`), into that ERP's fake started in-process on a loopback port
 * and seeded to accept the seed company (Fortnox: its SEK wallet only, vouchers carry no currency) — shows a live progress bar, then a summary: items successful/failed with
 * reasons, the job's final status as the sandbox recorded it, and the files written or the ERP's
 * documents (external ids and links). Exit 1 when the sandbox recorded the job as `failed`.
 */
export function registerDemoCommand(program: Command): void {
  program
    .command('demo')
    .description('export the sandbox seed company’s pending job into ./out (no set-up needed)')
    .option(
      '--connector <id>',
      'connector to export with: sie, datev, memory, or xero / fortnox (into a local fake of the ERP)',
      'sie',
    )
    .option('--out <dir>', 'folder the connector writes into', 'out')
    .option('--items <count>', 'number of seed items', '64')
    .option('--seed <n>', 'seed of the generated items', '1')
    .action(
      async (options: { connector: string; out: string; items: string; seed: string }, command: Command) => {
        const { logLevel } = command.optsWithGlobals<{ logLevel?: LogLevel }>();
        const settingsFor = DEMO_COMPANY_SETTINGS[options.connector];
        const erpDefinition = DEMO_ERPS[options.connector];
        if (settingsFor === undefined && erpDefinition === undefined) {
          throw new CliError(
            `unknown demo connector "${options.connector}": use one of ${[...Object.keys(DEMO_COMPANY_SETTINGS), ...Object.keys(DEMO_ERPS)].join(', ')}`,
            2,
          );
        }
        const itemCount = Number(options.items);
        const seed = Number(options.seed);
        if (!Number.isInteger(itemCount) || itemCount < 1)
          throw new CliError(`--items must be a whole number ≥ 1, got "${options.items}"`, 2);
        if (!Number.isInteger(seed))
          throw new CliError(`--seed must be a whole number, got "${options.seed}"`, 2);
        const outDir = resolve(options.out);
        const installed = await createConnectorRegistry();
        if (installed.get(options.connector) === undefined) {
          const why = installed.unavailable.find((u) => u.packageName.endsWith(`-${options.connector}`));
          throw new CliError(
            `connector "${options.connector}" is not installed${why === undefined ? '' : ` (${why.packageName}: ${why.reason})`}`,
            2,
          );
        }

        const sandbox = createPleoSandbox();
        const walletCurrencies = erpDefinition?.walletCurrencies;
        const seeded =
          walletCurrencies === undefined
            ? sandbox.seedCompany({ seed, itemCount })
            : sandbox.seedCompany({ items: seedItemsInWallets(seed, itemCount, walletCurrencies) });
        const server = await sandbox.listen({ port: 0 });
        const store = await openRunnerStore(
          { type: 'sqlite', path: ':memory:', synchronous: 'full' },
          process.cwd(),
        );
        const bar = createExportProgressBar();
        let erp: DemoErp | undefined;
        try {
          let registry = installed;
          if (erpDefinition !== undefined) {
            const started = await (await erpDefinition.load())(seeded.items);
            erp = started;
            registry = await createConnectorRegistry({ connectors: [started.connector] });
          } else {
            mkdirSync(outDir, { recursive: true });
          }
          const settings = erp?.settings ?? settingsFor?.(outDir);
          if (settings === undefined) throw new CliError(`no demo settings for "${options.connector}"`);
          const loaded = parseConfig(
            {
              pleo: { baseUrl: server.url, auth: { type: 'apiKey', apiKey: seeded.apiKey } },
              companies: {
                [seeded.companyId]: {
                  name: 'Sandbox seed company',
                  connector: options.connector,
                  config: settings.config,
                  ...(settings.secrets === undefined ? {} : { secrets: settings.secrets }),
                  ...(settings.postingMode === undefined ? {} : { postingMode: settings.postingMode }),
                  ...(settings.mapping === undefined ? {} : { mapping: settings.mapping }),
                },
              },
            },
            { baseDir: process.cwd() },
          );
          const runner = createRunner({
            loaded,
            registry,
            store,
            logger: (secretValues) => createRunnerLogger({ level: logLevel ?? 'warn', secretValues }),
            pleo: (companyId) =>
              createPleoClient({
                baseUrl: server.url,
                auth: { type: 'apiKey', apiKey: seeded.apiKey },
                companyId,
              }),
          });
          const company = runner.companies[0];
          if (company === undefined) throw new CliError('the demo company could not be configured');
          process.stderr.write(
            `Pleo sandbox on ${server.url}: company ${seeded.companyId}, job ${seeded.jobId} with ${itemCount} items → ${options.connector} ${erp === undefined ? `into ${relative(process.cwd(), outDir) || '.'}` : `into the ${erp.description}`}\n`,
          );
          const startedAt = performance.now();
          const result = await runClaimedJob({
            job: seeded.jobId,
            company,
            pleo: runner.pleo(company.companyId),
            store,
            runnerId: 'demo',
            logger: runner.logger,
            secretValues: runner.secretValues,
            onProgress: bar.onProgress,
          });
          bar.stop();
          const seconds = (performance.now() - startedAt) / 1_000;
          const done = bar.counts.posted + bar.counts.failed;
          process.stderr.write(
            `${done} items in ${seconds.toFixed(2)} s (${Math.round(done / Math.max(seconds, 0.001))} items/s)\n`,
          );
          const job = sandbox.getJob(seeded.jobId);
          const files =
            (result.outcome?.artifacts ?? []).length > 0
              ? (result.outcome?.artifacts ?? [])
              : erp === undefined
                ? listFiles(outDir)
                : [];
          if (result.outcome !== undefined) {
            process.stdout.write(
              `${renderJobSummary({ outcome: result.outcome, job, items: sandbox.getJobItems(seeded.jobId), files: files.map((f) => relative(process.cwd(), resolve(f))), ...(erp === undefined ? {} : { erp: erp.description }) })}\n`,
            );
          }
          if (result.error !== undefined) throw new CliError(`the demo export stopped: ${result.error}`);
          if (job.status === 'failed')
            throw new CliError(
              `the sandbox recorded the job as failed: ${job.failureReasonType ?? ''} ${job.failureReason ?? ''}`.trim(),
            );
        } finally {
          bar.stop();
          await store.close();
          await erp?.close();
          await server.close();
        }
      },
    );
}

/**
 * `count` seed items (of seed `seed`) whose wallet currency is one of `currencies`, in seed order; the
 * seed cycles its wallets every 17 items, so this generates about three times as many and keeps these.
 */
function seedItemsInWallets(seed: number, count: number, currencies: readonly string[]): ExportItemV3[] {
  const kept: ExportItemV3[] = [];
  for (let batch = 0; kept.length < count; batch++) {
    const items = generateSeedItems({ companyId: 'demo', seed, count: (batch + 1) * count * 3 + 51 });
    kept.length = 0;
    for (const item of items) {
      if (currencies.includes(item.amount.inWalletCurrency.currency)) kept.push(item);
      if (kept.length === count) break;
    }
  }
  return kept;
}

function listFiles(dir: string): string[] {
  try {
    return readdirSync(dir, { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile())
      .map((entry) => join(entry.parentPath, entry.name));
  } catch {
    return [];
  }
}
