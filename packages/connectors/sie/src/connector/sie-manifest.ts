import { perJobFileManifest } from '@ledgerport/file-kit';

/**
 * Manifest of the SIE 4I connector: a file format, so no auth and no rate limits; one file per job
 * (`per_job` delivery); idempotent by looking vouchers up by reference in the staged job and the
 * job's existing file (`lookup`); receipts copied beside the file.
 */
export const sieManifest = perJobFileManifest({
  displayName: 'SIE 4I file (Sweden)',
  docsUrl: 'https://sie.se/format/',
  attachments: {
    supported: true,
    maxBytes: 50 * 1024 * 1024,
    mimeTypes: [
      'application/pdf',
      'image/png',
      'image/jpeg',
      'image/gif',
      'image/heic',
      'image/tiff',
      'image/webp',
    ],
    maxFiles: 100,
    singleFileOnly: false,
  },
});
