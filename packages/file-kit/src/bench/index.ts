export { runWriteBench, type WriteBenchOptions } from './run-write-bench';
export { type SyntheticJournalEntryOptions, syntheticJournalEntry } from './synthetic-journal-entry';
