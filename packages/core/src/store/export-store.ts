import type { ItemFailureReason, JobFailureReason } from '../errors/failure-reasons';

/**
 * Final outcome of one entry as recorded before it is reported to Pleo; the fields become an
 * `UpdateExportJobItemV3` (pleo-export-api.md §3.2): `externalId`/`externalUrl` are the ERP's
 * document id and link, `exportedAt` an ISO 8601 timestamp; `reason` an
 * `ExportJobItemFailureReasonType` with its user-facing `message`.
 */
export type EntryOutcome =
  | {
      readonly status: 'successful';
      readonly externalId: string;
      readonly externalUrl?: string | undefined;
      readonly exportedAt: string;
    }
  | { readonly status: 'failed'; readonly reason: ItemFailureReason; readonly message: string };

/** One entry's durable record in an {@link ExportStore}. */
export interface EntryRecord {
  /** The Pleo export job id. */
  readonly jobId: string;
  /** Pleo's `accountingEntryId` of the item. */
  readonly accountingEntryId: string;
  /** `intent`: a post was started (outcome unknown until `outcome` is set). */
  readonly state: 'intent' | 'done';
  /** Set once `state` is `done`. */
  readonly outcome?: EntryOutcome | undefined;
  /** Whether the outcome was accepted by Pleo (`PUT …/items`). */
  readonly reported: boolean;
  /**
   * Indexes into the item's `files[]` (0-based, the `index` of `connector.attach`) of the receipts
   * already attached to the document of the entry's current posting, recorded by
   * {@link ExportStore.recordAttachment}; ascending, no duplicates. Absent (or empty) when none were
   * recorded or the store does not journal attachments. Core skips these files when it attaches the
   * entry's receipts after a resumed post (pleo-export-api.md §9: avoid duplicate uploads on retries).
   */
  readonly attachedFiles?: readonly number[] | undefined;
}

/** One element of {@link ExportStore.recordOutcomes}: an entry and its outcome. */
export interface EntryOutcomeToRecord {
  /** Pleo's `accountingEntryId` of the item. */
  readonly accountingEntryId: string;
  readonly outcome: EntryOutcome;
}

/** The final job event as recorded before it is sent (`POST /v3/export-job-events`, pleo-export-api.md §3.1). */
export interface FinalEventRecord {
  /** The `ExportJobEventType` to send. */
  readonly event: 'completed' | 'completed_with_errors' | 'failed';
  /** With `failed`: the `ExportJobFailureReasonType` (§5.1). */
  readonly failureReasonType?: JobFailureReason | undefined;
  /** With `failed`: the user-facing reason text. */
  readonly failureReason?: string | undefined;
  /** Whether Pleo accepted the event. */
  readonly sent: boolean;
}

/**
 * Crash-safety journal of the lifecycle (write-ahead): each entry's posting intent and outcome are
 * recorded before they are reported to Pleo, so a restarted runner resumes without posting anything
 * twice and without losing a result. Implementations: in memory (core), SQLite and PostgreSQL (runner).
 * All methods must be durable when their promise resolves.
 *
 * The batch methods `recordIntents` / `recordOutcomes` are optional: a store that has them saves the
 * lifecycle one durable write per entry (one transaction per posting group instead of one per entry);
 * core falls back to `recordIntent` / `recordOutcome`, one entry at a time, for stores without them.
 */
export interface ExportStore {
  /** The entry's record, or `undefined` when nothing was recorded for it. */
  getEntry(jobId: string, accountingEntryId: string): Promise<EntryRecord | undefined>;
  /** Records that a post of this entry is about to start. */
  recordIntent(jobId: string, accountingEntryId: string): Promise<void>;
  /**
   * Optional: forgets an intent whose post provably created nothing (the connector call rejected on an
   * aborted signal, which the contract says creates nothing), so a resume of an `idempotency: 'none'`
   * connector may post the entry again. Stores without it make such entries fail as "outcome unknown".
   * A store that implements {@link ExportStore.recordAttachment} forgets the entry's recorded
   * attachments with the intent: the next post is a new posting (possibly a new document), which needs
   * every receipt again.
   */
  discardIntent?(jobId: string, accountingEntryId: string): Promise<void>;
  /**
   * Optional batch form of {@link ExportStore.recordIntent}: records that posts of these entries are
   * about to start, with the same semantics for each id as `recordIntent` applied in array order (an
   * entry that already has an outcome keeps it). All of them are durable together (one transaction)
   * when the promise resolves; when it rejects, none may be assumed recorded. An empty array is a
   * no-op. Core calls it with the entries of one posting group (a `postEntries` batch) when the group
   * holds more than one entry, and falls back to one `recordIntent` per entry when a store lacks it.
   */
  recordIntents?(jobId: string, accountingEntryIds: readonly string[]): Promise<void>;
  /** Records the entry's outcome (not yet reported). */
  recordOutcome(jobId: string, accountingEntryId: string, outcome: EntryOutcome): Promise<void>;
  /**
   * Optional batch form of {@link ExportStore.recordOutcome}: `outcomes` is a list of
   * `{ accountingEntryId, outcome }`, each recorded with the same semantics as `recordOutcome` applied
   * in array order (an unreported outcome is replaced; `listUnreported` returns them after every outcome
   * recorded earlier, in array order; a repeated id keeps its last outcome and position). All of them are
   * durable together (one transaction) when the promise resolves; when it rejects, none may be assumed
   * recorded. An empty array is a no-op. Core calls it when several outcomes become known together (a
   * batch's successes without receipts, entries failed together, a `per_job` commit) and falls back to
   * one `recordOutcome` per entry when a store lacks it.
   */
  recordOutcomes?(jobId: string, outcomes: readonly EntryOutcomeToRecord[]): Promise<void>;
  /**
   * Optional: records that receipt `fileIndex` (0-based index into the item's `files[]`, the `index`
   * passed to `connector.attach`) is attached to the document of the entry's current posting, so that a
   * resumed run does not upload it again (pleo-export-api.md §9: avoid duplicate uploads on retries).
   * Core calls it right after each successful `attach`, before the entry's outcome is recorded; it
   * must be durable when its promise resolves. Recording an index twice is a no-op. The indexes are
   * returned by `getEntry` as `attachedFiles` and belong to the posting: they are kept while the entry
   * keeps its intent or outcome (a resumed post of an idempotent connector returns the same document,
   * which already holds them) and forgotten together with the intent by `discardIntent` (the entry will
   * be posted anew). Stores without it: every receipt is attached after every post, as before (a
   * crash between an attachment and the outcome uploads the attached files again on resume).
   */
  recordAttachment?(jobId: string, accountingEntryId: string, fileIndex: number): Promise<void>;
  /** Marks outcomes as accepted by Pleo. */
  markReported(jobId: string, accountingEntryIds: readonly string[]): Promise<void>;
  /** Outcomes recorded but not yet reported, oldest first. */
  listUnreported(jobId: string): Promise<readonly EntryRecord[]>;
  /** Records the final event to send; returns the stored record (the first one recorded wins). */
  recordFinalEvent(jobId: string, event: Omit<FinalEventRecord, 'sent'>): Promise<FinalEventRecord>;
  /** Marks the recorded final event as accepted by Pleo. */
  markFinalEventSent(jobId: string): Promise<void>;
  /** The recorded final event, or `undefined` when none was recorded. */
  getFinalEvent(jobId: string): Promise<FinalEventRecord | undefined>;
}
