import type { AccountingEntry } from '@ledgerport/core';
import { FIXED_CLOCK, runFileJob } from '@ledgerport/file-kit/testing';
import { createDatevConnector, type DatevConfig, type OutputFileSystem } from '../../src/index';

export { FIXED_CLOCK };

/**
 * Posts `entries` through a fresh DATEV connector (as core would: an `ItemError` fails that entry only)
 * and commits the job (unless `dryRun`); returns the artifacts, the results and the failed entries.
 */
export function runDatevJob(
  config: Record<string, unknown>,
  entries: readonly AccountingEntry[],
  options: { fileSystem?: OutputFileSystem; jobId?: string; dryRun?: boolean } = {},
) {
  return runFileJob<DatevConfig>(
    createDatevConnector(options.fileSystem === undefined ? {} : { fileSystem: options.fileSystem }),
    config,
    entries,
    { jobId: options.jobId, dryRun: options.dryRun },
  );
}
