import { redactText } from '@ledgerport/core';
import type { Command } from 'commander';
import { oneLine, runClaimedJob } from '../../service/run-claimed-job';
import { CliError } from '../cli-error';
import { type ConfigCommandOptions, runnerFromOptions } from '../global-options';
import { createExportProgressBar } from '../output/export-progress-bar';
import { renderTable } from '../output/render-table';
import { abortOnSignals } from '../shutdown-signals';
import { jobResultJson } from './run-command';

/**
 * `ledgerport export <jobId> [--json]`: runs one job now. The job's company must be configured; the
 * job runs under the company's claim with the crash-safe store, exactly like `run`. Exit 0 when the
 * job is final in Pleo afterwards.
 */
export function registerExportCommand(program: Command): void {
  program
    .command('export')
    .description('run one export job by id')
    .argument('<jobId>', 'the Pleo export job id')
    .option('--json', 'print the result as JSON')
    .action(async (jobId: string, options: { json?: boolean }, command: Command) => {
      const global = command.optsWithGlobals<ConfigCommandOptions>();
      const runner = await runnerFromOptions(global);
      const controller = abortOnSignals();
      const bar = options.json === true ? undefined : createExportProgressBar();
      try {
        // Find the job's company: any configured company's client can read the job.
        const first = runner.companies[0];
        if (first === undefined) throw new CliError('no company is configured', 2);
        let job: Awaited<ReturnType<ReturnType<typeof runner.pleo>['getJob']>>;
        try {
          job = await runner.pleo(first.companyId).getJob(jobId);
        } catch (error) {
          throw new CliError(
            `cannot read job ${jobId} from Pleo at ${runner.pleoUrl}: ${redactText(oneLine(error), runner.secretValues)}`,
          );
        }
        const company = runner.companies.find((c) => c.companyId === job.companyId);
        if (company === undefined) {
          throw new CliError(
            `job ${jobId} belongs to company ${job.companyId}, which is not configured: add it under "companies"`,
            2,
          );
        }
        const result = await runClaimedJob({
          job,
          company,
          pleo: runner.pleo(company.companyId),
          store: await runner.store(),
          runnerId: runner.runnerId,
          logger: runner.logger,
          secretValues: runner.secretValues,
          signal: controller.signal,
          onProgress: bar?.onProgress,
        });
        bar?.stop();
        if (options.json === true)
          process.stdout.write(`${JSON.stringify(jobResultJson(result), null, 2)}\n`);
        else {
          const o = result.outcome;
          process.stdout.write(
            `${renderTable(
              ['Job', 'Status (Pleo)', 'Successful', 'Failed', 'Files'],
              [
                [
                  result.jobId,
                  result.pleoStatus ?? 'unknown',
                  String(o?.successful ?? 0),
                  String(o?.failed ?? 0),
                  (o?.artifacts ?? []).join('\n'),
                ],
              ],
            )}\n`,
          );
        }
        if (!result.final)
          throw new CliError(
            `job ${jobId} did not reach a final state (${result.error ?? result.pleoStatus ?? result.kind})`,
          );
      } finally {
        bar?.stop();
        controller.dispose();
        await runner.close();
      }
    });
}
