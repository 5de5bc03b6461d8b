import { receiptExtension } from '@ledgerport/file-kit';

/**
 * File name of a receipt beside the Buchungsstapel, named by Belegfeld 1 (issue #4):
 * `<Belegfeld 1>_<n>.<ext>`, `n` 1-based in Pleo's `files[]` order; `/` (allowed in Belegfeld 1, not in
 * file names) becomes `_`.
 */
export function receiptFileName(
  belegfeld1: string,
  index: number,
  mimeType: string,
  originalName: string,
): string {
  return `${belegfeld1.replace(/[^A-Za-z0-9$&%+-]/g, '_')}_${index + 1}.${receiptExtension(mimeType, originalName)}`;
}
