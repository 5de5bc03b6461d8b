const EXTENSION_BY_MIME: Readonly<Record<string, string>> = {
  'application/pdf': 'pdf',
  'image/png': 'png',
  'image/jpeg': 'jpg',
  'image/tiff': 'tif',
};

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
  const fromName = /\.([A-Za-z0-9]{1,8})$/.exec(originalName)?.[1]?.toLowerCase();
  const extension = EXTENSION_BY_MIME[mimeType] ?? fromName ?? 'bin';
  return `${belegfeld1.replace(/[^A-Za-z0-9$&%+-]/g, '_')}_${index + 1}.${extension}`;
}
