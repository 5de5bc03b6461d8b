import { receiptExtension } from '@ledgerport/file-kit';

/**
 * File name of a receipt beside the SIE file: `<voucher>-<n>.<ext>` (issue #4), `n` 1-based in Pleo's
 * `files[]` order, the extension from the MIME type (or the original name when the type is unknown).
 * Characters that are unsafe in file names are replaced by `_`.
 */
export function receiptFileName(
  voucher: string,
  index: number,
  mimeType: string,
  originalName: string,
): string {
  return `${voucher.replace(/[^A-Za-z0-9._-]/g, '_')}-${index + 1}.${receiptExtension(mimeType, originalName)}`;
}
