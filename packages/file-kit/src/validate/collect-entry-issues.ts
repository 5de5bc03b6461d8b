import { type AccountingEntry, type EntryIssue, ItemError } from '@ledgerport/core';

/**
 * Runs a connector's per-entry check (typically its entry → records translation, which throws
 * `ItemError` naming the field) over `entries` and collects the failures as `EntryIssue`s for
 * `ConnectorV1.validate` (core `connector/connector-v1.ts`), in entry order. Writes nothing.
 *
 * @throws whatever `check` throws that is not an `ItemError` (a bug, not an entry issue).
 */
export function collectEntryIssues(
  entries: readonly AccountingEntry[],
  check: (entry: AccountingEntry) => unknown,
): EntryIssue[] {
  const issues: EntryIssue[] = [];
  for (const entry of entries) {
    try {
      check(entry);
    } catch (error) {
      if (!ItemError.isInstance(error)) throw error;
      issues.push({
        accountingEntryId: entry.accountingEntryId,
        reason: error.reason,
        message: error.message,
        field: error.field,
      });
    }
  }
  return issues;
}
