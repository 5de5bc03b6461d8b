import type { ExportJobOutcome } from '@ledgerport/core';
import type { ExportJobItemV3, ExportJobV3 } from '@ledgerport/pleo';
import { renderTable } from './render-table';

/** Accounting files listed by name in the summary; the rest are counted. */
const MAX_FILES_SHOWN = 12;
/** Receipt copies written next to the accounting files are counted, not listed. */
const RECEIPT_EXTENSION = /\.(pdf|png|jpe?g|gif|tiff?|heic|docx?|xlsx?|txt)$/i;

/** What the summary shows: the run's outcome and Pleo's own record of the job and its items. */
export interface JobSummaryInput {
  readonly outcome: ExportJobOutcome;
  /** The job as Pleo (or the sandbox) recorded it after the run. */
  readonly job: ExportJobV3;
  readonly items: readonly ExportJobItemV3[];
  /** Files the connector wrote. */
  readonly files: readonly string[];
}

/**
 * The end-of-run table: items successful and failed (with each failure reason and message, as Pleo
 * recorded them), the job's final status as Pleo/the sandbox recorded it, and the files written.
 */
export function renderJobSummary(input: JobSummaryInput): string {
  const { job, items, outcome, files } = input;
  const successful = items.filter((i) => i.status === 'successful').length;
  const failed = items.filter((i) => i.status === 'failed');
  const rows: string[][] = [
    ['Job', job.id],
    [
      'Final status (recorded by Pleo)',
      `${job.status}${job.failureReasonType ? ` (${job.failureReasonType})` : ''}`,
    ],
    ['Items', String(job.numberOfItems)],
    ['Successful', String(successful)],
    ['Failed', String(failed.length)],
  ];
  if (outcome.skipped > 0) rows.push(['Already final before this run', String(outcome.skipped)]);
  if (job.failureReason) rows.push(['Job failure reason', job.failureReason]);
  const byReason = new Map<string, { count: number; example: string }>();
  for (const item of failed) {
    const key = item.failureReasonType ?? 'unknown';
    const entry = byReason.get(key) ?? { count: 0, example: item.failureReason ?? '' };
    entry.count += 1;
    byReason.set(key, entry);
  }
  for (const [reason, { count, example }] of byReason) rows.push([`Failed: ${reason} ×${count}`, example]);
  const receipts = files.filter((f) => RECEIPT_EXTENSION.test(f));
  const documents = files.filter((f) => !RECEIPT_EXTENSION.test(f));
  const shown = documents.slice(0, MAX_FILES_SHOWN);
  const more = documents.length - shown.length;
  const lines = [
    ...shown,
    ...(more > 0 ? [`… and ${more} more`] : []),
    ...(receipts.length > 0 ? [`+ ${receipts.length} receipt file${receipts.length === 1 ? '' : 's'}`] : []),
  ];
  rows.push(['Files written', lines.length === 0 ? '(none)' : lines.join('\n')]);
  return renderTable(['Export', 'Result'], rows);
}
