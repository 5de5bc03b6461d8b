import type { ConnectorManifest } from '@ledgerport/core';
import { bookkeepingMethodSchema, exportItemTypeSchema } from '@ledgerport/pleo';

/**
 * Manifest of the DATEV EXTF Buchungsstapel connector: a file format (no auth, no rate limits), one
 * file per booking period of a job (`per_job`), idempotent by Belegfeld 1 in the staged job and in the
 * job's existing files (`lookup`), receipts written beside the files.
 */
export const datevManifest: ConnectorManifest = {
  displayName: 'DATEV EXTF Buchungsstapel (Germany)',
  docsUrl: 'https://developer.datev.de/datev/platform/de/dtvf/formate/buchungsstapel',
  authMode: 'none',
  attachments: {
    supported: true,
    maxBytes: 20 * 1024 * 1024,
    mimeTypes: ['application/pdf', 'image/png', 'image/jpeg', 'image/tiff'],
    maxFiles: 100,
    singleFileOnly: false,
  },
  entryTypes: exportItemTypeSchema.options,
  bookkeepingMethods: bookkeepingMethodSchema.options,
  vendorBasedBookkeeping: false,
  idempotency: 'lookup',
  maxConcurrency: 1,
  batchSize: 1,
  delivery: 'per_job',
};
