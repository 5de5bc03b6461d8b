import {
  type ExportJobOutcome,
  type ExportProgressEvent,
  LedgerportError,
  type Logger,
  redactText,
  runExportJob,
} from '@ledgerport/core';
import type { ExportJobStatus, ExportJobV3, PleoClient } from '@ledgerport/pleo';
import { companyCredentials } from '../store/company-credentials';
import type { RunnerStore } from '../store/runner-store';
import type { ResolvedCompany } from './resolve-companies';

/** Job statuses after which Pleo accepts nothing more (pleo-export-api.md §3.1). */
export const FINAL_JOB_STATUSES: ReadonlySet<ExportJobStatus> = new Set([
  'completed',
  'completed_with_errors',
  'failed',
]);

/** Result of one attempt to run a job. */
export interface JobRunResult {
  readonly jobId: string;
  readonly companyId: string;
  /** `claimed_elsewhere`: another runner holds the company's claim; nothing was done. */
  readonly kind: 'ran' | 'claimed_elsewhere' | 'error';
  readonly outcome?: ExportJobOutcome | undefined;
  /** The job's status as Pleo reports it after the run. */
  readonly pleoStatus?: ExportJobStatus | undefined;
  /** Whether Pleo now holds the job in a final state. */
  readonly final: boolean;
  /** One redacted line, when the run stopped with an error. */
  readonly error?: string | undefined;
}

/** Options of {@link runClaimedJob}. */
export interface RunClaimedJobOptions {
  readonly job: ExportJobV3 | string;
  readonly company: ResolvedCompany;
  readonly pleo: PleoClient;
  readonly store: RunnerStore;
  readonly runnerId: string;
  readonly logger: Logger;
  readonly secretValues: readonly string[];
  readonly signal?: AbortSignal | undefined;
  readonly onProgress?: ((event: ExportProgressEvent) => void) | undefined;
  /** Claim lease; renewed every third of it while the job runs. Default 10 minutes. */
  readonly leaseMs?: number;
}

/**
 * Runs one export job of a company under the company's claim (one active job per company):
 * claim → record the run → core's `runExportJob` with the store's write-ahead journal and the
 * company's scoped credentials → record the outcome → release the claim → re-read the job from Pleo to
 * learn whether it is final. A SIGKILL anywhere leaves the claim (same runner id resumes it) and the
 * journal, so the next run continues without double posting.
 *
 * Never throws for job-level problems: they come back as `kind: 'error'` with a redacted message.
 */
export async function runClaimedJob(options: RunClaimedJobOptions): Promise<JobRunResult> {
  const { company, pleo, store, runnerId } = options;
  const jobId = typeof options.job === 'string' ? options.job : options.job.id;
  const companyId = company.companyId;
  const leaseMs = options.leaseMs ?? 10 * 60_000;
  const logger = options.logger.child({ companyId, jobId, connector: company.connector.id });
  const claim = { companyId, jobId, owner: runnerId, leaseMs };
  if (!(await store.claimJob(claim))) {
    const holder = await store.getClaim(companyId);
    logger.info('Company is busy with another runner; skipping', {
      heldBy: holder?.owner,
      heldJob: holder?.jobId,
    });
    return { jobId, companyId, kind: 'claimed_elsewhere', final: false };
  }
  const renew = setInterval(
    () => {
      store
        .renewClaim(claim)
        .catch((error: unknown) => logger.warn('Could not renew the job claim', { error }));
    },
    Math.max(1_000, Math.floor(leaseMs / 3)),
  );
  renew.unref();
  const run = await store.recordRunStart(jobId, companyId);
  logger.info(run.attempts > 1 ? 'Resuming export job' : 'Starting export job', { attempt: run.attempts });
  let outcome: ExportJobOutcome | undefined;
  let errorLine: string | undefined;
  try {
    outcome = await runExportJob({
      pleo,
      connector: company.connector,
      job: options.job,
      config: company.config,
      secrets: company.secrets,
      mapping: company.mapping,
      credentials: companyCredentials(store.credentials, companyId),
      store: store.exports,
      logger,
      ...(options.signal === undefined ? {} : { signal: options.signal }),
      ...(options.onProgress === undefined ? {} : { onProgress: options.onProgress }),
    });
    if (outcome.status === 'interrupted') await store.recordRunError(jobId, 'interrupted');
    else await store.recordRunFinished(jobId, outcome);
    logger.info('Export job finished', {
      status: outcome.status,
      successful: outcome.successful,
      failed: outcome.failed,
      skipped: outcome.skipped,
    });
  } catch (error) {
    errorLine = redactText(oneLine(error), options.secretValues);
    await store.recordRunError(jobId, errorLine);
    logger.error('Export job stopped with an error', { error: errorLine });
  } finally {
    clearInterval(renew);
  }
  let pleoStatus: ExportJobStatus | undefined;
  try {
    pleoStatus = (await pleo.getJob(jobId)).status;
  } catch (error) {
    errorLine ??= redactText(oneLine(error), options.secretValues);
  }
  const final = pleoStatus !== undefined && FINAL_JOB_STATUSES.has(pleoStatus);
  // Keep the claim while the job is still active in Pleo: a restart of this runner resumes it,
  // another runner does not start a second job of the company.
  if (final) await store.releaseClaim(companyId, jobId, runnerId);
  return {
    jobId,
    companyId,
    kind: errorLine === undefined ? 'ran' : 'error',
    ...(outcome === undefined ? {} : { outcome }),
    ...(pleoStatus === undefined ? {} : { pleoStatus }),
    final,
    ...(errorLine === undefined ? {} : { error: errorLine }),
  };
}

/** An error as one line: a Ledgerport error's user message, else the first line of the message. */
export function oneLine(error: unknown): string {
  if (LedgerportError.isInstance(error)) return `${error.reason}: ${error.message}`;
  const message = error instanceof Error ? error.message : String(error);
  return message.split('\n')[0] ?? message;
}
