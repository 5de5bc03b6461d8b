import type { ExportProgressEvent, Logger } from '@ledgerport/core';
import { redactText } from '@ledgerport/core';
import type { ExportJobV3, PleoClient } from '@ledgerport/pleo';
import type { RunnerStore } from '../store/runner-store';
import type { ResolvedCompany } from './resolve-companies';
import { type JobRunResult, oneLine, runClaimedJob } from './run-claimed-job';

/** What one pass over a company did. */
export interface CompanyPassResult {
  readonly companyId: string;
  readonly results: readonly JobRunResult[];
  /** Set when Pleo could not be asked for the company's jobs (one redacted line). */
  readonly error?: string | undefined;
}

/** Shared dependencies of a pass. */
export interface PassDependencies {
  readonly pleo: (companyId: string) => PleoClient;
  /** Opened on the first job (so an unreachable Pleo or an idle pass writes nothing). */
  readonly store: () => Promise<RunnerStore>;
  readonly runnerId: string;
  readonly logger: Logger;
  readonly secretValues: readonly string[];
  readonly signal?: AbortSignal | undefined;
  readonly onProgress?: ((event: ExportProgressEvent) => void) | undefined;
  readonly onResult?: ((result: JobRunResult) => void) | undefined;
}

/**
 * Processes a company's active jobs the way Pleo's orchestration guide asks (pleo-export-api.md §3.1,
 * §8): list `pending` and `in_progress` jobs, run the oldest first (an `in_progress` one — a resume —
 * before any `pending` one), one at a time, until none is left. Stops early when a job did not reach
 * a final state (one active job per company), when the signal aborts, or when listing fails.
 */
export async function runCompanyPass(
  company: ResolvedCompany,
  deps: PassDependencies,
): Promise<CompanyPassResult> {
  const { companyId } = company;
  const pleo = deps.pleo(companyId);
  const attempted = new Set<string>();
  const results: JobRunResult[] = [];
  while (deps.signal?.aborted !== true) {
    let jobs: ExportJobV3[];
    try {
      jobs = await activeJobs(pleo, companyId);
    } catch (error) {
      // Reported by the caller (the CLI's one error line, or the service's log).
      return { companyId, results, error: redactText(oneLine(error), deps.secretValues) };
    }
    const next = jobs.find((job) => !attempted.has(job.id));
    if (next === undefined) break;
    attempted.add(next.id);
    const result = await runClaimedJob({
      job: next,
      company,
      pleo,
      store: await deps.store(),
      runnerId: deps.runnerId,
      logger: deps.logger,
      secretValues: deps.secretValues,
      signal: deps.signal,
      onProgress: deps.onProgress,
    });
    results.push(result);
    deps.onResult?.(result);
    if (!result.final) break;
  }
  return { companyId, results };
}

/** The company's `pending` and `in_progress` jobs, `in_progress` first, then oldest first. */
export async function activeJobs(pleo: PleoClient, companyId: string): Promise<ExportJobV3[]> {
  const jobs: ExportJobV3[] = [];
  for await (const job of pleo.listJobs({ companyId, statuses: ['pending', 'in_progress'], limit: 100 })) {
    if (job.companyId === companyId) jobs.push(job);
  }
  return jobs.sort((a, b) => {
    const rank = (job: ExportJobV3) => (job.status === 'in_progress' ? 0 : 1);
    return rank(a) - rank(b) || a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id);
  });
}
