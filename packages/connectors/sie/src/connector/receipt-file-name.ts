const EXTENSION_BY_MIME: Readonly<Record<string, string>> = {
  'application/pdf': 'pdf',
  'image/png': 'png',
  'image/jpeg': 'jpg',
  'image/gif': 'gif',
  'image/heic': 'heic',
  'image/tiff': 'tif',
  'image/webp': 'webp',
};

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
  const fromName = /\.([A-Za-z0-9]{1,8})$/.exec(originalName)?.[1]?.toLowerCase();
  const extension = EXTENSION_BY_MIME[mimeType] ?? fromName ?? 'bin';
  return `${voucher.replace(/[^A-Za-z0-9._-]/g, '_')}-${index + 1}.${extension}`;
}
