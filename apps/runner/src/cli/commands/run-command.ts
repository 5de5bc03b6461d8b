import type { Command } from 'commander';
import type { JobRunResult } from '../../service/run-claimed-job';
import type { CompanyPassResult } from '../../service/run-company-pass';
import { CliError } from '../cli-error';
import { type ConfigCommandOptions, runnerFromOptions } from '../global-options';
import { renderTable } from '../output/render-table';
import { abortOnSignals } from '../shutdown-signals';

/** `--json` shape of one job. */
export function jobResultJson(result: JobRunResult): Record<string, unknown> {
  return {
    jobId: result.jobId,
    companyId: result.companyId,
    status: result.pleoStatus ?? null,
    final: result.final,
    ...(result.outcome === undefined
      ? {}
      : {
          outcome: result.outcome.status,
          successful: result.outcome.successful,
          failed: result.outcome.failed,
          skipped: result.outcome.skipped,
          failuresByReason: result.outcome.failuresByReason,
          artifacts: result.outcome.artifacts,
          ...(result.outcome.failureReasonType === undefined
            ? {}
            : { failureReasonType: result.outcome.failureReasonType }),
        }),
    ...(result.error === undefined ? {} : { error: result.error }),
  };
}

/**
 * `ledgerport run [--once] [--json]`: the service. Polls every configured company for `pending` and
 * `in_progress` jobs (oldest first, one active job per company), runs them through core's lifecycle
 * with the crash-safe store, and keeps going (webhook as an optional trigger) until SIGINT/SIGTERM.
 * `--once` processes what is there and exits 0 only when every job reached a final state in Pleo.
 */
export function registerRunCommand(program: Command): void {
  program
    .command('run')
    .description('poll Pleo for export jobs and run them (the service)')
    .option('--once', 'process the pending jobs, then exit (0 when every job reached a final state)')
    .option('--json', 'print machine-readable results on stdout')
    .action(async (options: { once?: boolean; json?: boolean }, command: Command) => {
      const global = command.optsWithGlobals<ConfigCommandOptions>();
      // Service mode with --json: one JSON line per job as it finishes.
      const runner = await runnerFromOptions(
        global,
        options.once !== true && options.json === true
          ? { onResult: (result) => process.stdout.write(`${JSON.stringify(jobResultJson(result))}\n`) }
          : {},
      );
      const controller = abortOnSignals();
      try {
        if (options.once !== true) {
          runner.logger.info('Ledgerport runner started', {
            companies: runner.companies.length,
            pleo: runner.pleoUrl,
          });
          await runner.serve(controller.signal);
          return;
        }
        const passes = await runner.runOnce(controller.signal);
        report(passes, options.json === true);
        const failures = problems(passes);
        if (failures.length > 0) throw new CliError(failures.join('; '), 1);
      } finally {
        controller.dispose();
        await runner.close();
      }
    });
}

function report(passes: readonly CompanyPassResult[], json: boolean): void {
  if (json) {
    const out = {
      ok: problems(passes).length === 0,
      companies: passes.map((p) => ({
        companyId: p.companyId,
        ...(p.error === undefined ? {} : { error: p.error }),
        jobs: p.results.map(jobResultJson),
      })),
    };
    process.stdout.write(`${JSON.stringify(out, null, 2)}\n`);
    return;
  }
  const rows = passes.flatMap((p) =>
    p.error !== undefined
      ? [[p.companyId, '—', 'error', p.error]]
      : p.results.length === 0
        ? [[p.companyId, '—', 'no pending jobs', '']]
        : p.results.map((r) => [
            p.companyId,
            r.jobId,
            r.pleoStatus ?? 'unknown',
            r.error ??
              (r.outcome === undefined
                ? ''
                : `${r.outcome.successful} successful, ${r.outcome.failed} failed${r.outcome.artifacts.length > 0 ? `; files: ${r.outcome.artifacts.join(', ')}` : ''}`),
          ]),
  );
  process.stdout.write(`${renderTable(['Company', 'Job', 'Status (Pleo)', 'Result'], rows)}\n`);
}

/** One line per company or job that did not end well. */
function problems(passes: readonly CompanyPassResult[]): string[] {
  const out: string[] = [];
  for (const pass of passes) {
    if (pass.error !== undefined) out.push(`company ${pass.companyId}: ${pass.error}`);
    for (const result of pass.results) {
      if (!result.final) {
        out.push(
          `job ${result.jobId} did not reach a final state (${result.error ?? result.pleoStatus ?? result.kind})`,
        );
      }
    }
  }
  return out;
}
