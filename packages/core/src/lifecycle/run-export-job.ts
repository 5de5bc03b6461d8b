import type { ExportJobOutcome, RunExportJobOptions } from './run-export-job-options';

/**
 * Runs one Pleo export job end to end against a connector (claim → validate → stream items → map →
 * post → attach → report → complete). PLACEHOLDER: the implementation lands with issue #3.
 */
export async function runExportJob<Config>(_options: RunExportJobOptions<Config>): Promise<ExportJobOutcome> {
  throw new Error('runExportJob is not implemented yet');
}
