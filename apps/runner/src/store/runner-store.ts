import type { CredentialsStore, ExportJobOutcome, ExportStore } from '@ledgerport/core';

/** A company's claim on the job it is running (one active job per company). */
export interface JobClaim {
  readonly companyId: string;
  readonly jobId: string;
  /** The runner holding it (`runnerId`). */
  readonly owner: string;
  /** ISO 8601. */
  readonly claimedAt: string;
  /** ISO 8601; after it another runner may take the claim over. */
  readonly leaseUntil: string;
}

/** What the runner recorded about one job. */
export interface JobRunRecord {
  readonly jobId: string;
  readonly companyId: string;
  /** `running`: started, not finished (a restart resumes it); `error`: the run stopped without a final event. */
  readonly state: 'running' | 'finished' | 'error';
  /** How many times this runner started the job (1 + restarts/retries). */
  readonly attempts: number;
  readonly outcome?: ExportJobOutcome | undefined;
  /** Redacted one-line error of the last failed attempt. */
  readonly lastError?: string | undefined;
  readonly startedAt: string;
  readonly finishedAt?: string | undefined;
}

/**
 * Everything the runner persists. SQLite (embedded default) and PostgreSQL implement it with the same
 * schema and queries (`sql-runner-store.ts`). Every method is durable when its promise resolves.
 */
export interface RunnerStore {
  readonly kind: 'sqlite' | 'postgres';
  /** Core's write-ahead journal (posting intents, outcomes, reports, final events). */
  readonly exports: ExportStore;
  /** Rotated ERP credentials (compare-and-set); keys are the connector's, prefix them per company. */
  readonly credentials: CredentialsStore;
  /**
   * Claims `jobId` for `companyId`. Succeeds when the company has no claim, the claim is this owner's
   * (a restarted runner resumes), or its lease has run out. One active job per company.
   */
  claimJob(claim: { companyId: string; jobId: string; owner: string; leaseMs: number }): Promise<boolean>;
  /** Extends this owner's lease; `false` when the claim was lost. */
  renewClaim(claim: { companyId: string; jobId: string; owner: string; leaseMs: number }): Promise<boolean>;
  /** Drops this owner's claim of `jobId` (no-op otherwise). */
  releaseClaim(companyId: string, jobId: string, owner: string): Promise<void>;
  getClaim(companyId: string): Promise<JobClaim | undefined>;
  /** Records that a run of the job starts (increments `attempts`). */
  recordRunStart(jobId: string, companyId: string): Promise<JobRunRecord>;
  recordRunFinished(jobId: string, outcome: ExportJobOutcome): Promise<void>;
  recordRunError(jobId: string, message: string): Promise<void>;
  getRun(jobId: string): Promise<JobRunRecord | undefined>;
  listRuns(): Promise<readonly JobRunRecord[]>;
  close(): Promise<void>;
}
