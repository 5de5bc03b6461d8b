import { type AttachmentFile, ItemError } from '@ledgerport/core';

/** Magic numbers of the MIME types the memory ledger stores. */
const SIGNATURES: Readonly<Record<string, readonly number[]>> = {
  'application/pdf': [0x25, 0x50, 0x44, 0x46, 0x2d], // %PDF-
  'image/png': [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a],
  'image/jpeg': [0xff, 0xd8, 0xff],
};

/**
 * Refuses a receipt the ledger cannot store, before anything is sent:
 * over `maxBytes` → `receipt_file_size_limit_exceeded`; a MIME type outside `mimeTypes`, or bytes whose
 * magic number does not match the declared type → `receipt_conversion_failure`. Neither is retryable.
 *
 * @param limits - `maxBytes` in bytes; `mimeTypes` accepted (only PDF, PNG and JPEG can pass, the
 *   types whose magic number is known).
 * @throws ItemError with one of those reasons (Export API `ExportJobItemFailureReasonType`,
 *   pleo-export-api.md §5.2), field `files[<index>]`; returns nothing when the receipt is accepted.
 */
export function checkAttachment(
  file: AttachmentFile,
  limits: { readonly maxBytes: number; readonly mimeTypes: readonly string[] },
): void {
  if (file.bytes.byteLength > limits.maxBytes) {
    throw new ItemError(
      'receipt_file_size_limit_exceeded',
      `Receipt ${file.fileName} is ${file.bytes.byteLength} bytes; the ledger accepts at most ${limits.maxBytes} bytes.`,
      { field: `files[${file.index}]`, details: { size: file.bytes.byteLength, maxBytes: limits.maxBytes } },
    );
  }
  const signature = SIGNATURES[file.mimeType];
  if (!limits.mimeTypes.includes(file.mimeType) || signature === undefined) {
    throw new ItemError(
      'receipt_conversion_failure',
      `Receipt ${file.fileName} has type ${file.mimeType}; the ledger accepts ${limits.mimeTypes.join(', ')}.`,
      { field: `files[${file.index}]`, details: { mimeType: file.mimeType } },
    );
  }
  if (!signature.every((byte, i) => file.bytes[i] === byte)) {
    throw new ItemError(
      'receipt_conversion_failure',
      `Receipt ${file.fileName} is declared ${file.mimeType} but its content is not; re-upload the receipt in Pleo.`,
      { field: `files[${file.index}]`, details: { mimeType: file.mimeType } },
    );
  }
}
