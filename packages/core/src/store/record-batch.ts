import type { EntryOutcomeToRecord, ExportStore } from './export-store';

/**
 * Records the intents of several entries: one `store.recordIntents` call when the store has it and
 * there is more than one id, else `store.recordIntent` for each id in order. Durable when it resolves.
 */
export async function recordIntentsIn(
  store: ExportStore,
  jobId: string,
  accountingEntryIds: readonly string[],
): Promise<void> {
  if (accountingEntryIds.length > 1 && store.recordIntents !== undefined) {
    await store.recordIntents(jobId, accountingEntryIds);
    return;
  }
  for (const id of accountingEntryIds) await store.recordIntent(jobId, id);
}

/**
 * Records several outcomes: one `store.recordOutcomes` call when the store has it and there is more
 * than one outcome, else `store.recordOutcome` for each in order. Durable when it resolves.
 */
export async function recordOutcomesIn(
  store: ExportStore,
  jobId: string,
  outcomes: readonly EntryOutcomeToRecord[],
): Promise<void> {
  if (outcomes.length > 1 && store.recordOutcomes !== undefined) {
    await store.recordOutcomes(jobId, outcomes);
    return;
  }
  for (const { accountingEntryId, outcome } of outcomes) {
    await store.recordOutcome(jobId, accountingEntryId, outcome);
  }
}
