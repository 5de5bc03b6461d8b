import type { AccountingEntry } from '@ledgerport/core';
import { FIXED_CLOCK, runFileJob } from '@ledgerport/file-kit/testing';
import { createSieConnector, type OutputFileSystem, type SieConfig } from '../../src/index';

export { FIXED_CLOCK };

/**
 * Posts `entries` through a fresh SIE connector (as core would: an `ItemError` fails that entry only)
 * and commits the job; returns the artifacts, the results and the failed entries.
 */
export function runSieJob(
  config: Record<string, unknown>,
  entries: readonly AccountingEntry[],
  options: { fileSystem?: OutputFileSystem; jobId?: string } = {},
) {
  return runFileJob<SieConfig>(
    createSieConnector(options.fileSystem === undefined ? {} : { fileSystem: options.fileSystem }),
    config,
    entries,
    { jobId: options.jobId },
  );
}
