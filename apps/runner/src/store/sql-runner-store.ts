import type {
  CredentialsStore,
  EntryOutcome,
  EntryRecord,
  ExportJobOutcome,
  ExportStore,
  FinalEventRecord,
  JobFailureReason,
  StoredCredential,
} from '@ledgerport/core';
import type { JobClaim, JobRunRecord, RunnerStore } from './runner-store';
import type { SqlDriver } from './sql-driver';

/** Ids per `IN (…)` list (well under SQLite's and PostgreSQL's parameter limits). */
const CHUNK = 500;

interface EntryRow {
  job_id: string;
  accounting_entry_id: string;
  state: 'intent' | 'done';
  outcome: string | null;
  reported: number;
}

interface FinalEventRow {
  event: FinalEventRecord['event'];
  failure_reason_type: string | null;
  failure_reason: string | null;
  sent: number;
}

interface ClaimRow {
  company_id: string;
  job_id: string;
  owner: string;
  claimed_at: string;
  lease_until: string;
}

interface RunRow {
  job_id: string;
  company_id: string;
  state: JobRunRecord['state'];
  attempts: number;
  outcome: string | null;
  last_error: string | null;
  started_at: string;
  finished_at: string | null;
}

/** `recordIntent`: never overwrites an existing row (an outcome stays). Params: job, entry, time. */
const RECORD_INTENT = `INSERT INTO export_entries (job_id, accounting_entry_id, state, reported, intent_at)
         VALUES (?, ?, 'intent', 0, ?)
         ON CONFLICT (job_id, accounting_entry_id) DO NOTHING`;

/** `recordOutcome`: the next outcome_seq of the job, unreported again. Params: {@link recordOutcomeParams}. */
const RECORD_OUTCOME = `INSERT INTO export_entries (job_id, accounting_entry_id, state, outcome, outcome_seq, reported, intent_at, outcome_at)
         VALUES (?, ?, 'done', ?, (SELECT COALESCE(MAX(outcome_seq), 0) + 1 FROM export_entries WHERE job_id = ?), 0, ?, ?)
         ON CONFLICT (job_id, accounting_entry_id) DO UPDATE SET
           state = 'done', outcome = excluded.outcome, outcome_seq = excluded.outcome_seq,
           reported = 0, reported_at = NULL, outcome_at = excluded.outcome_at`;

function recordOutcomeParams(jobId: string, accountingEntryId: string, outcome: EntryOutcome, at: string) {
  return [jobId, accountingEntryId, JSON.stringify(outcome), jobId, at, at];
}

/**
 * The {@link RunnerStore} over any {@link SqlDriver}: one set of queries for SQLite and PostgreSQL.
 * Follows the `ExportStore` contract of `@ledgerport/core` (`store/export-store.ts`):
 * `recordIntent` never overwrites an outcome; `recordOutcome` replaces an outcome and marks it
 * unreported again; `listUnreported` returns outcomes in recording order; the first final event
 * recorded for a job wins. `recordAttachment` adds a row to `entry_attachments` (a repeat is a no-op);
 * `getEntry` returns them as `attachedFiles` (ascending). The store has no `discardIntent`, so recorded
 * attachments are never forgotten (an intent is never dropped, so the entry is never posted anew).
 * `recordIntents` / `recordOutcomes` run the single-entry statements for each
 * element in order in ONE transaction (`SqlDriver.batch`: one fsync with SQLite, one commit with
 * PostgreSQL), so a group of entries costs one durable write instead of one per entry. The schema must
 * already be migrated (`applyMigrations`).
 *
 * @param now - clock for timestamps and leases (injectable for tests).
 */
export function createSqlRunnerStore(driver: SqlDriver, now: () => Date = () => new Date()): RunnerStore {
  const iso = () => now().toISOString();

  const exports: ExportStore = {
    async getEntry(jobId, accountingEntryId) {
      const rows = await driver.all<EntryRow>(
        'SELECT job_id, accounting_entry_id, state, outcome, reported FROM export_entries WHERE job_id = ? AND accounting_entry_id = ?',
        [jobId, accountingEntryId],
      );
      if (rows[0] === undefined) return undefined;
      const record = toEntryRecord(rows[0]);
      const attached = await driver.all<{ file_index: number }>(
        'SELECT file_index FROM entry_attachments WHERE job_id = ? AND accounting_entry_id = ? ORDER BY file_index',
        [jobId, accountingEntryId],
      );
      return attached.length === 0
        ? record
        : { ...record, attachedFiles: attached.map((r) => Number(r.file_index)) };
    },
    async recordIntent(jobId, accountingEntryId) {
      await driver.run(RECORD_INTENT, [jobId, accountingEntryId, iso()]);
    },
    async recordIntents(jobId, accountingEntryIds) {
      const at = iso();
      await driver.batch(accountingEntryIds.map((id) => ({ sql: RECORD_INTENT, params: [jobId, id, at] })));
    },
    async recordAttachment(jobId, accountingEntryId, fileIndex) {
      await driver.run(
        `INSERT INTO entry_attachments (job_id, accounting_entry_id, file_index, attached_at) VALUES (?, ?, ?, ?)
         ON CONFLICT (job_id, accounting_entry_id, file_index) DO NOTHING`,
        [jobId, accountingEntryId, fileIndex, iso()],
      );
    },
    async recordOutcome(jobId, accountingEntryId, outcome) {
      await driver.run(RECORD_OUTCOME, recordOutcomeParams(jobId, accountingEntryId, outcome, iso()));
    },
    async recordOutcomes(jobId, outcomes) {
      const at = iso();
      // One statement per outcome, in order, in one transaction: each takes the next outcome_seq.
      await driver.batch(
        outcomes.map(({ accountingEntryId, outcome }) => ({
          sql: RECORD_OUTCOME,
          params: recordOutcomeParams(jobId, accountingEntryId, outcome, at),
        })),
      );
    },
    async markReported(jobId, accountingEntryIds) {
      const at = iso();
      for (let i = 0; i < accountingEntryIds.length; i += CHUNK) {
        const ids = accountingEntryIds.slice(i, i + CHUNK);
        await driver.run(
          `UPDATE export_entries SET reported = 1, reported_at = ?
           WHERE job_id = ? AND state = 'done' AND accounting_entry_id IN (${ids.map(() => '?').join(', ')})`,
          [at, jobId, ...ids],
        );
      }
    },
    async listUnreported(jobId) {
      const rows = await driver.all<EntryRow>(
        `SELECT job_id, accounting_entry_id, state, outcome, reported FROM export_entries
         WHERE job_id = ? AND state = 'done' AND reported = 0 ORDER BY outcome_seq, seq`,
        [jobId],
      );
      return rows.map(toEntryRecord);
    },
    async recordFinalEvent(jobId, event) {
      await driver.run(
        `INSERT INTO export_final_events (job_id, event, failure_reason_type, failure_reason, sent, recorded_at)
         VALUES (?, ?, ?, ?, 0, ?) ON CONFLICT (job_id) DO NOTHING`,
        [jobId, event.event, event.failureReasonType ?? null, event.failureReason ?? null, iso()],
      );
      const stored = await exports.getFinalEvent(jobId);
      if (stored === undefined) throw new Error(`Final event of job ${jobId} was not stored.`);
      return stored;
    },
    async markFinalEventSent(jobId) {
      const changed = await driver.run(
        'UPDATE export_final_events SET sent = 1, sent_at = ? WHERE job_id = ?',
        [iso(), jobId],
      );
      if (changed === 0) {
        throw new Error(
          `No final event is recorded for job ${jobId}: call recordFinalEvent before markFinalEventSent.`,
        );
      }
    },
    async getFinalEvent(jobId) {
      const rows = await driver.all<FinalEventRow>(
        'SELECT event, failure_reason_type, failure_reason, sent FROM export_final_events WHERE job_id = ?',
        [jobId],
      );
      const row = rows[0];
      if (row === undefined) return undefined;
      return {
        event: row.event,
        ...(row.failure_reason_type === null
          ? {}
          : { failureReasonType: row.failure_reason_type as JobFailureReason }),
        ...(row.failure_reason === null ? {} : { failureReason: row.failure_reason }),
        sent: Number(row.sent) === 1,
      };
    },
  };

  const credentials: CredentialsStore = {
    async get(key) {
      const rows = await driver.all<{ version: number; value: string; updated_at: string }>(
        'SELECT version, value, updated_at FROM credentials WHERE key = ?',
        [key],
      );
      const row = rows[0];
      if (row === undefined) return undefined;
      const stored: StoredCredential = {
        version: Number(row.version),
        value: JSON.parse(row.value) as Record<string, string>,
        updatedAt: row.updated_at,
      };
      return stored;
    },
    async compareAndSet(key, expectedVersion, value) {
      const json = JSON.stringify(value);
      if (expectedVersion === undefined) {
        const inserted = await driver.run(
          'INSERT INTO credentials (key, version, value, updated_at) VALUES (?, 1, ?, ?) ON CONFLICT (key) DO NOTHING',
          [key, json, iso()],
        );
        return inserted === 1;
      }
      const updated = await driver.run(
        'UPDATE credentials SET version = version + 1, value = ?, updated_at = ? WHERE key = ? AND version = ?',
        [json, iso(), key, expectedVersion],
      );
      return updated === 1;
    },
  };

  const getRun = async (jobId: string): Promise<JobRunRecord | undefined> => {
    const rows = await driver.all<RunRow>('SELECT * FROM job_runs WHERE job_id = ?', [jobId]);
    return rows[0] === undefined ? undefined : toRunRecord(rows[0]);
  };

  return {
    kind: driver.dialect,
    exports,
    credentials,
    async claimJob({ companyId, jobId, owner, leaseMs }) {
      const at = now();
      const rows = await driver.all<{ owner: string }>(
        `INSERT INTO job_claims (company_id, job_id, owner, claimed_at, lease_until) VALUES (?, ?, ?, ?, ?)
         ON CONFLICT (company_id) DO UPDATE SET
           job_id = excluded.job_id, owner = excluded.owner, claimed_at = excluded.claimed_at,
           lease_until = excluded.lease_until
         WHERE job_claims.owner = excluded.owner OR job_claims.lease_until < excluded.claimed_at
         RETURNING owner`,
        [companyId, jobId, owner, at.toISOString(), new Date(at.getTime() + leaseMs).toISOString()],
      );
      return rows.length === 1;
    },
    async renewClaim({ companyId, jobId, owner, leaseMs }) {
      const changed = await driver.run(
        'UPDATE job_claims SET lease_until = ? WHERE company_id = ? AND job_id = ? AND owner = ?',
        [new Date(now().getTime() + leaseMs).toISOString(), companyId, jobId, owner],
      );
      return changed === 1;
    },
    async releaseClaim(companyId, jobId, owner) {
      await driver.run('DELETE FROM job_claims WHERE company_id = ? AND job_id = ? AND owner = ?', [
        companyId,
        jobId,
        owner,
      ]);
    },
    async getClaim(companyId) {
      const rows = await driver.all<ClaimRow>('SELECT * FROM job_claims WHERE company_id = ?', [companyId]);
      const row = rows[0];
      if (row === undefined) return undefined;
      return {
        companyId: row.company_id,
        jobId: row.job_id,
        owner: row.owner,
        claimedAt: row.claimed_at,
        leaseUntil: row.lease_until,
      } satisfies JobClaim;
    },
    async recordRunStart(jobId, companyId) {
      await driver.run(
        `INSERT INTO job_runs (job_id, company_id, state, attempts, started_at) VALUES (?, ?, 'running', 1, ?)
         ON CONFLICT (job_id) DO UPDATE SET state = 'running', attempts = job_runs.attempts + 1, last_error = NULL`,
        [jobId, companyId, iso()],
      );
      const run = await getRun(jobId);
      if (run === undefined) throw new Error(`Run of job ${jobId} was not stored.`);
      return run;
    },
    async recordRunFinished(jobId, outcome) {
      await driver.run(
        "UPDATE job_runs SET state = 'finished', outcome = ?, finished_at = ? WHERE job_id = ?",
        [JSON.stringify(outcome), iso(), jobId],
      );
    },
    async recordRunError(jobId, message) {
      await driver.run("UPDATE job_runs SET state = 'error', last_error = ? WHERE job_id = ?", [
        message,
        jobId,
      ]);
    },
    getRun,
    async listRuns() {
      const rows = await driver.all<RunRow>('SELECT * FROM job_runs ORDER BY started_at, job_id');
      return rows.map(toRunRecord);
    },
    close: () => driver.close(),
  };
}

function toEntryRecord(row: EntryRow): EntryRecord {
  return {
    jobId: row.job_id,
    accountingEntryId: row.accounting_entry_id,
    state: row.state,
    ...(row.outcome === null ? {} : { outcome: JSON.parse(row.outcome) as EntryOutcome }),
    reported: Number(row.reported) === 1,
  };
}

function toRunRecord(row: RunRow): JobRunRecord {
  return {
    jobId: row.job_id,
    companyId: row.company_id,
    state: row.state,
    attempts: Number(row.attempts),
    ...(row.outcome === null ? {} : { outcome: JSON.parse(row.outcome) as ExportJobOutcome }),
    ...(row.last_error === null ? {} : { lastError: row.last_error }),
    startedAt: row.started_at,
    ...(row.finished_at === null ? {} : { finishedAt: row.finished_at }),
  };
}
