import type { ExportJobOutcome } from '@ledgerport/core';
import type { ExportJobItemV3, ExportJobV3 } from '@ledgerport/pleo';
import { renderTable } from './render-table';

/** Accounting files listed by name in the summary; the rest are counted. */
const MAX_FILES_SHOWN = 12;
/** Documents of an API connector listed with their external id and link; the rest are counted. */
const MAX_DOCUMENTS_SHOWN = 6;
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
  /**
   * For an API connector: the ERP the entries went to (one line). The summary then lists the documents
   * as Pleo recorded them on the items (`externalId`, `externalUrl`) instead of files.
   */
  readonly erp?: string;
}

/**
 * The end-of-run table: items successful and failed (with each failure reason and message, as Pleo
 * recorded them), the job's final status as Pleo/the sandbox recorded it, and the files written — or,
 * with `erp`, the ERP and the first documents' external ids and links as reported to Pleo.
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
  if (input.erp !== undefined) {
    rows.push(['ERP', input.erp]);
    const reported = items.filter((i) => i.status === 'successful' && i.externalId);
    const shown = reported
      .slice(0, MAX_DOCUMENTS_SHOWN)
      .map((i) => `${i.externalId}${i.externalUrl ? `\n  ${i.externalUrl}` : ''}`);
    const more = reported.length - shown.length;
    rows.push([
      'Documents (external id, link)',
      shown.length === 0 ? '(none)' : [...shown, ...(more > 0 ? [`… and ${more} more`] : [])].join('\n'),
    ]);
    return renderTable(['Export', 'Result'], rows);
  }
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
