import {
  type AccountingEntry,
  type Clock,
  type ConnectorV1,
  ItemError,
  type PostedEntry,
} from '@ledgerport/core';
import { canonicalJob, createTestContext } from '@ledgerport/testkit';

/** A fixed clock (2026-11-02T08:00:00Z), so written files are byte-for-byte deterministic. */
export const FIXED_CLOCK: Clock = { now: () => new Date('2026-11-02T08:00:00.000Z') };

/** Options of {@link runFileJob}. */
export interface RunFileJobOptions {
  /** Job id (default the testkit's canonical job). */
  readonly jobId?: string | undefined;
  /** Stage only: skip `commitJob` (artifacts `[]`). */
  readonly dryRun?: boolean | undefined;
  /** Clock of the context (default {@link FIXED_CLOCK}). */
  readonly clock?: Clock | undefined;
}

/**
 * Runs one export job through a `per_job` connector the way core does: posts each entry (an
 * `ItemError` fails that entry only and is collected), then commits the job (unless `dryRun`).
 * The context comes from the testkit's `createTestContext` with the canonical job.
 *
 * @returns the context, the posted entries with their results, the failed entries, and the artifacts.
 * @throws `JobError` and any non-`ItemError` from the connector; `Error` when `config` does not parse.
 */
export async function runFileJob<Config>(
  connector: ConnectorV1<Config>,
  config: unknown,
  entries: readonly AccountingEntry[],
  options: RunFileJobOptions = {},
) {
  const ctx = createTestContext<Config>(connector, config, {
    clock: options.clock ?? FIXED_CLOCK,
    job: canonicalJob(options.jobId === undefined ? {} : { id: options.jobId }),
  });
  const posted: PostedEntry[] = [];
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
