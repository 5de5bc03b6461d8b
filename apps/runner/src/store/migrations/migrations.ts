/**
 * Versioned schema migrations of the runner's store. Each version has the DDL for both dialects; the
 * tables and columns are the same so the queries in `sql-runner-store.ts` serve both. Append new
 * versions; never edit an applied one.
 *
 * Tables:
 * - `export_entries`: core's write-ahead journal (`ExportStore`): one row per (job, accounting entry)
 *   with `state` intent|done, the outcome JSON, whether Pleo accepted it, and the order outcomes were
 *   recorded in;
 * - `export_final_events`: the job's final event, recorded before it is sent (first one wins);
 * - `credentials`: rotated ERP credentials with a version for compare-and-set;
 * - `job_claims`: one active job per company, with an owner and a lease (scale-out comes later);
 * - `job_runs`: what the runner did with each job (for `run --json` and restarts);
 * - `entry_attachments` (version 2): receipts already attached to an entry's document
 *   (`ExportStore.recordAttachment`), one row per (job, accounting entry, file index), so a resumed run
 *   does not upload them again.
 */
export interface Migration {
  readonly version: number;
  readonly name: string;
  readonly sqlite: string;
  readonly postgres: string;
}

const tables = (autoId: string) => `
CREATE TABLE export_entries (
  seq ${autoId},
  job_id TEXT NOT NULL,
  accounting_entry_id TEXT NOT NULL,
  state TEXT NOT NULL CHECK (state IN ('intent', 'done')),
  outcome TEXT,
  outcome_seq INTEGER,
  reported INTEGER NOT NULL DEFAULT 0,
  intent_at TEXT,
  outcome_at TEXT,
  reported_at TEXT,
  UNIQUE (job_id, accounting_entry_id)
);
CREATE INDEX export_entries_unreported ON export_entries (job_id, reported, outcome_seq);
CREATE TABLE export_final_events (
  job_id TEXT PRIMARY KEY,
  event TEXT NOT NULL CHECK (event IN ('completed', 'completed_with_errors', 'failed')),
  failure_reason_type TEXT,
  failure_reason TEXT,
  sent INTEGER NOT NULL DEFAULT 0,
  recorded_at TEXT NOT NULL,
  sent_at TEXT
);
CREATE TABLE credentials (
  key TEXT PRIMARY KEY,
  version INTEGER NOT NULL,
  value TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE TABLE job_claims (
  company_id TEXT PRIMARY KEY,
  job_id TEXT NOT NULL,
  owner TEXT NOT NULL,
  claimed_at TEXT NOT NULL,
  lease_until TEXT NOT NULL
);
CREATE TABLE job_runs (
  job_id TEXT PRIMARY KEY,
  company_id TEXT NOT NULL,
  state TEXT NOT NULL CHECK (state IN ('running', 'finished', 'error')),
  attempts INTEGER NOT NULL DEFAULT 0,
  outcome TEXT,
  last_error TEXT,
  started_at TEXT NOT NULL,
  finished_at TEXT
);
`;

/** Version 2 (additive): the receipts attached per entry. Same DDL on both dialects. */
const entryAttachments = `
CREATE TABLE entry_attachments (
  job_id TEXT NOT NULL,
  accounting_entry_id TEXT NOT NULL,
  file_index INTEGER NOT NULL CHECK (file_index >= 0),
  attached_at TEXT NOT NULL,
  PRIMARY KEY (job_id, accounting_entry_id, file_index)
);
`;

/** All migrations, oldest first. */
export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'journal, credentials, claims, job runs',
    sqlite: tables('INTEGER PRIMARY KEY AUTOINCREMENT'),
    postgres: tables('BIGSERIAL PRIMARY KEY'),
  },
  {
    version: 2,
    name: 'receipt attachments per entry',
    sqlite: entryAttachments,
    postgres: entryAttachments,
  },
];
