import type { ConnectorManifest } from '@ledgerport/core';
import { bookkeepingMethodSchema, exportItemTypeSchema } from '@ledgerport/pleo';

/** Largest receipt the memory ledger stores: 10 MiB. */
export const MEMORY_MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024;

/**
 * Manifest of the memory connector: every Pleo item type and bookkeeping method, vendor-based
 * bookkeeping when enabled, native idempotency, batches of 50, receipts up to 10 MiB (PDF, PNG, JPEG,
 * 10 per voucher), and rate limits far above what one process can post.
 */
export function memoryManifest(options: { readonly vendorBasedBookkeeping: boolean }): ConnectorManifest {
  return {
    displayName: 'In-memory ledger',
    docsUrl: 'https://github.com/ledgerport/ledgerport/tree/main/packages/connectors/memory#readme',
    authMode: 'api_key',
    rateLimits: { requests: 1_000_000, windowMs: 1000 },
    attachments: {
      supported: true,
      maxBytes: MEMORY_MAX_ATTACHMENT_BYTES,
      mimeTypes: ['application/pdf', 'image/png', 'image/jpeg'],
      maxFiles: 10,
      singleFileOnly: false,
    },
    entryTypes: exportItemTypeSchema.options,
    bookkeepingMethods: bookkeepingMethodSchema.options,
    vendorBasedBookkeeping: options.vendorBasedBookkeeping,
    idempotency: 'native',
    maxConcurrency: 16,
    batchSize: 50,
    delivery: 'per_entry',
  };
}
