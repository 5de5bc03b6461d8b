import { type AccountingEntry, type Clock, ItemError } from '@ledgerport/core';
import { canonicalJob, createTestContext } from '@ledgerport/testkit';
import { createDatevConnector, type DatevConfig, type OutputFileSystem } from '../../src/index';

/** A fixed clock, so files are byte-for-byte deterministic. */
export const FIXED_CLOCK: Clock = { now: () => new Date('2026-11-02T08:00:00.000Z') };

/**
 * Posts `entries` through a fresh DATEV connector (as core would: an `ItemError` fails that entry only)
 * and commits the job (unless `dryRun`); returns the artifacts, the results and the failed entries.
 */
export async function runDatevJob(
  config: Record<string, unknown>,
  entries: readonly AccountingEntry[],
  options: { fileSystem?: OutputFileSystem; jobId?: string; dryRun?: boolean } = {},
) {
  const connector = createDatevConnector(
    options.fileSystem === undefined ? {} : { fileSystem: options.fileSystem },
  );
  const ctx = createTestContext<DatevConfig>(connector, config, {
    clock: FIXED_CLOCK,
    job: canonicalJob(options.jobId === undefined ? {} : { id: options.jobId }),
  });
  const posted = [];
  const failures: { entry: AccountingEntry; error: ItemError }[] = [];
  for (const entry of entries) {
    try {
      posted.push({ entry, result: await connector.postEntry(ctx, entry) });
    } catch (error) {
      if (!ItemError.isInstance(error)) throw error;
      failures.push({ entry, error });
    }
  }
  if (options.dryRun === true)
    return { connector, ctx, posted, failures, artifacts: [] as readonly string[] };
  const { artifacts } = await connector.commitJob!(ctx, { job: ctx.job, posted });
  return { connector, ctx, posted, failures, artifacts };
}
