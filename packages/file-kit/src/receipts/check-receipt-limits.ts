import { type AttachmentFile, type AttachmentLimits, ItemError } from '@ledgerport/core';

/**
 * Checks one receipt against the connector manifest's attachment limits (`ConnectorManifest.attachments`,
 * core `connector/connector-manifest.ts`) before it is staged. `target` names where receipts go in the
 * messages, e.g. `'the SIE connector'` or `'DATEV'`. Limits with `supported: false` check nothing.
 *
 * @throws `ItemError('receipt_file_size_limit_exceeded', field 'files[<index>]')` when the file has more
 *   than `maxBytes` bytes; `ItemError('receipt_conversion_failure', field 'files[<index>]')` when its
 *   MIME type is not in `mimeTypes` (Pleo Export API failure reasons). Neither is retryable.
 */
export function checkReceiptLimits(
  limits: AttachmentLimits,
  file: Pick<AttachmentFile, 'index' | 'mimeType' | 'bytes'>,
  target: string,
): void {
  if (!limits.supported) return;
  if (file.bytes.byteLength > limits.maxBytes) {
    throw new ItemError(
      'receipt_file_size_limit_exceeded',
      `Receipt ${file.index + 1} is ${file.bytes.byteLength} bytes; ${target} takes receipts up to ${limits.maxBytes} bytes: shrink or split the receipt in Pleo.`,
      { field: `files[${file.index}]` },
    );
  }
  if (!limits.mimeTypes.includes(file.mimeType)) {
    throw new ItemError(
      'receipt_conversion_failure',
      `Receipt ${file.index + 1} has type ${file.mimeType.slice(0, 60)}; receipts for ${target} must be ${limits.mimeTypes.join(', ')}.`,
      { field: `files[${file.index}]` },
    );
  }
}
