import type { AttachmentLimits, ConnectorManifest } from '@ledgerport/core';
import { bookkeepingMethodSchema, exportItemTypeSchema } from '@ledgerport/pleo';

/**
 * The manifest of a `per_job` file connector (core `connector/connector-manifest.ts`): a file format
 * has no auth (`authMode: 'none'`) and no rate limits; output is one set of files per job
 * (`delivery: 'per_job'`); idempotent by looking entries up by reference in the staged job and the
 * job's existing files (`idempotency: 'lookup'`); one call at a time (`maxConcurrency: 1`,
 * `batchSize: 1`); every Pleo export item type and bookkeeping method; no vendor-based bookkeeping.
 * `overrides` replace any of these.
 */
export function perJobFileManifest(
  manifest: {
    readonly displayName: string;
    readonly docsUrl: string;
    readonly attachments: AttachmentLimits;
  },
  overrides: Partial<ConnectorManifest> = {},
): ConnectorManifest {
  return {
    ...manifest,
    authMode: 'none',
    entryTypes: exportItemTypeSchema.options,
    bookkeepingMethods: bookkeepingMethodSchema.options,
    vendorBasedBookkeeping: false,
    idempotency: 'lookup',
    maxConcurrency: 1,
    batchSize: 1,
    delivery: 'per_job',
    ...overrides,
  };
}
