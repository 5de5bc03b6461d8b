import { ItemError } from '@ledgerport/core';

/** Magic numbers of the receipt types Fortnox's inbox takes (file signatures). */
const SIGNATURES: Readonly<Record<string, readonly (readonly number[])[]>> = {
  'application/pdf': [[0x25, 0x50, 0x44, 0x46]], // %PDF
  'image/png': [[0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]],
  'image/jpeg': [[0xff, 0xd8, 0xff]],
  'image/gif': [
    [0x47, 0x49, 0x46, 0x38, 0x37, 0x61],
    [0x47, 0x49, 0x46, 0x38, 0x39, 0x61],
  ],
  'image/tiff': [
    [0x49, 0x49, 0x2a, 0x00],
    [0x4d, 0x4d, 0x00, 0x2a],
  ],
};

/**
 * Checks a receipt before any upload (issue #7 "type and size checked first"):
 * @throws ItemError(`receipt_conversion_failure`) when `mimeType` is not accepted or the bytes' magic
 *   number does not match it; ItemError(`receipt_file_size_limit_exceeded`) when empty or over `maxBytes`.
 */
export function checkReceipt(
  file: { readonly fileName: string; readonly mimeType: string; readonly bytes: Uint8Array },
  limits: { readonly maxBytes: number; readonly mimeTypes: readonly string[] },
): void {
  if (!limits.mimeTypes.includes(file.mimeType)) {
    throw new ItemError(
      'receipt_conversion_failure',
      `Receipt "${file.fileName}" is ${file.mimeType}, which Fortnox's inbox does not take (accepted: ${limits.mimeTypes.join(', ')}). Convert it to PDF or an image.`,
      { field: 'mimeType' },
    );
  }
  if (file.bytes.byteLength > limits.maxBytes) {
    throw new ItemError(
      'receipt_file_size_limit_exceeded',
      `Receipt "${file.fileName}" is ${file.bytes.byteLength} bytes, over the ${limits.maxBytes}-byte limit for Fortnox. Upload a smaller file.`,
      { field: 'bytes' },
    );
  }
  const signatures = SIGNATURES[file.mimeType] ?? [];
  const matches = signatures.some((sig) => sig.every((byte, i) => file.bytes[i] === byte));
  if (file.bytes.byteLength === 0 || (signatures.length > 0 && !matches)) {
    throw new ItemError(
      'receipt_conversion_failure',
      `Receipt "${file.fileName}" is not a valid ${file.mimeType} file (its content does not match the type).`,
      { field: 'bytes' },
    );
  }
}
