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
 * File extension (no dot, lower case) for a receipt copied beside a job's files: from the MIME type
 * (`application/pdf` → `pdf`, `image/jpeg` → `jpg`, `image/tiff` → `tif`, png/gif/heic/webp), else from
 * the original file name (`scan.TIFF` → `tiff`, 1–8 alphanumerics), else `bin`.
 */
export function receiptExtension(mimeType: string, originalName: string): string {
  const fromName = /\.([A-Za-z0-9]{1,8})$/.exec(originalName)?.[1]?.toLowerCase();
  return EXTENSION_BY_MIME[mimeType] ?? fromName ?? 'bin';
}
