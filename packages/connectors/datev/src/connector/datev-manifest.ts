import { perJobFileManifest } from '@ledgerport/file-kit';

/**
 * Manifest of the DATEV EXTF Buchungsstapel connector: a file format (no auth, no rate limits), one
 * file per booking period of a job (`per_job`), idempotent by Belegfeld 1 in the staged job and in the
 * job's existing files (`lookup`), receipts written beside the files.
 */
export const datevManifest = perJobFileManifest({
  displayName: 'DATEV EXTF Buchungsstapel (Germany)',
  docsUrl: 'https://developer.datev.de/datev/platform/de/dtvf/formate/buchungsstapel',
  attachments: {
    supported: true,
    maxBytes: 20 * 1024 * 1024,
    mimeTypes: ['application/pdf', 'image/png', 'image/jpeg', 'image/tiff'],
    maxFiles: 100,
    singleFileOnly: false,
  },
});
