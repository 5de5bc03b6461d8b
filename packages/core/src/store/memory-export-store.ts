import type { EntryOutcome, EntryRecord, ExportStore, FinalEventRecord } from './export-store';

interface JobJournal {
  readonly entries: Map<string, EntryRecord>;
  /** Ids with an outcome not yet reported, in the order their outcome was recorded. */
  readonly unreported: Set<string>;
  /** Receipt file indexes attached per entry (`recordAttachment`), kept apart from the records. */
  readonly attachments: Map<string, Set<number>>;
  finalEvent: FinalEventRecord | undefined;
}

/**
 * A process-local {@link ExportStore}: the lifecycle's write-ahead journal kept in `Map`s. It survives
 * an aborted and re-run `runExportJob` in the same process (resume without double posting), not a
 * crash of the process; the runner supplies durable SQLite / PostgreSQL stores with the same contract.
 *
 * Contract details (shared by every store):
 * - `recordIntent` on an entry that already has an outcome is ignored (the outcome stays);
 * - `recordOutcome` replaces an unreported outcome and marks it unreported again;
 * - `recordIntents` / `recordOutcomes` do what `recordIntent` / `recordOutcome` do, for each element in
 *   array order, all at once (nothing else runs in between);
 * - `listUnreported` returns outcomes in the order they were recorded;
 * - `recordAttachment` adds a file index to the entry's `attachedFiles` (ascending in `getEntry`); they
 *   are kept across `recordIntent` / `recordOutcome` and forgotten with the intent by `discardIntent`;
 * - `recordFinalEvent` keeps the first event recorded for a job and returns it;
 * - `markFinalEventSent` rejects with an `Error` when no final event is recorded for the job (a
 *   lifecycle bug: record before sending).
 *
 * Memory: one small record per entry of the job (about 150 bytes), nothing per item payload.
 */
export function createMemoryExportStore(): ExportStore {
  const jobs = new Map<string, JobJournal>();
  const journal = (jobId: string): JobJournal => {
    let found = jobs.get(jobId);
    if (found === undefined) {
      found = { entries: new Map(), unreported: new Set(), attachments: new Map(), finalEvent: undefined };
      jobs.set(jobId, found);
    }
    return found;
  };

  const recordIntent = (jobId: string, accountingEntryId: string): void => {
    const j = journal(jobId);
    if (j.entries.get(accountingEntryId)?.state === 'done') return;
    j.entries.set(accountingEntryId, { jobId, accountingEntryId, state: 'intent', reported: false });
  };
  const recordOutcome = (jobId: string, accountingEntryId: string, outcome: EntryOutcome): void => {
    const j = journal(jobId);
    j.entries.set(accountingEntryId, { jobId, accountingEntryId, state: 'done', outcome, reported: false });
    j.unreported.delete(accountingEntryId);
    j.unreported.add(accountingEntryId);
  };

  return {
    async getEntry(jobId, accountingEntryId) {
      const j = jobs.get(jobId);
      const record = j?.entries.get(accountingEntryId);
      const attached = j?.attachments.get(accountingEntryId);
      if (record === undefined || attached === undefined || attached.size === 0) return record;
      return { ...record, attachedFiles: [...attached].sort((a, b) => a - b) };
    },
    async recordIntent(jobId, accountingEntryId) {
      recordIntent(jobId, accountingEntryId);
    },
    async recordIntents(jobId, accountingEntryIds) {
      for (const id of accountingEntryIds) recordIntent(jobId, id);
    },
    async discardIntent(jobId, accountingEntryId) {
      const j = jobs.get(jobId);
      if (j?.entries.get(accountingEntryId)?.state === 'intent') {
        j.entries.delete(accountingEntryId);
        j.attachments.delete(accountingEntryId);
      }
    },
    async recordAttachment(jobId, accountingEntryId, fileIndex) {
      const j = journal(jobId);
      let attached = j.attachments.get(accountingEntryId);
      if (attached === undefined) {
        attached = new Set();
        j.attachments.set(accountingEntryId, attached);
      }
      attached.add(fileIndex);
    },
    async recordOutcome(jobId, accountingEntryId, outcome) {
      recordOutcome(jobId, accountingEntryId, outcome);
    },
    async recordOutcomes(jobId, outcomes) {
      for (const { accountingEntryId, outcome } of outcomes) recordOutcome(jobId, accountingEntryId, outcome);
    },
    async markReported(jobId, accountingEntryIds) {
      const j = jobs.get(jobId);
      if (j === undefined) return;
      for (const id of accountingEntryIds) {
        const record = j.entries.get(id);
        if (record?.state !== 'done') continue;
        j.entries.set(id, { ...record, reported: true });
        j.unreported.delete(id);
      }
    },
    async listUnreported(jobId) {
      const j = jobs.get(jobId);
      if (j === undefined) return [];
      const records: EntryRecord[] = [];
      for (const id of j.unreported) {
        const record = j.entries.get(id);
        if (record !== undefined) records.push(record);
      }
      return records;
    },
    async recordFinalEvent(jobId, event) {
      const j = journal(jobId);
      if (j.finalEvent === undefined) j.finalEvent = { ...event, sent: false };
      return j.finalEvent;
    },
    async markFinalEventSent(jobId) {
      const j = jobs.get(jobId);
      if (j?.finalEvent === undefined) {
        throw new Error(
          `No final event is recorded for job ${jobId}: call recordFinalEvent before markFinalEventSent.`,
        );
      }
      j.finalEvent = { ...j.finalEvent, sent: true };
    },
    async getFinalEvent(jobId) {
      return jobs.get(jobId)?.finalEvent;
    },
  };
}
