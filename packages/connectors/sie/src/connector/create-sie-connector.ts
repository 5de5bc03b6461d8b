import type { ConnectorV1 } from '@ledgerport/core';
import { defineFileConnector, type OutputFileSystem } from '@ledgerport/file-kit';
import { type SieConfig, sieConfigSchema } from '../config/sie-config';
import { entryToVouchers } from '../voucher/entry-to-vouchers';
import { sieFileFormat } from './sie-file-format';
import { sieManifest } from './sie-manifest';

/** Options of {@link createSieConnector}. */
export interface CreateSieConnectorOptions {
  /** File operations; default the local disk with atomic writes. Tests pass a counting fake. */
  readonly fileSystem?: OutputFileSystem;
}

/**
 * Creates the SIE 4I connector (`id: 'sie'`): one CP437 `.si` file per export job with one `#VER` per
 * entry (SIE filformat Utgåva 4B, type 4I; erp-apis.md §9). Staging, receipts and the commit are
 * `@ledgerport/file-kit`'s per-job file sink; the format is {@link sieFileFormat}.
 *
 * - `postEntry` stages the entry's vouchers and returns the externalId they will have
 *   ({@link sieExternalId}); staging the same `idempotencyKey` twice keeps one voucher.
 * - `attach` stages receipts; `commitJob` writes them as `<voucher>-<n>.<ext>`, then the manifest
 *   `<job>.receipts.json`, then `<job>.si`, each atomically (temporary file + rename).
 * - Idempotency across runs: when `<job>.si` already exists (a crash after commit), its vouchers are
 *   read back with the reader and kept; entries whose key is already in the file are not added again
 *   (merge by reference, see the README).
 *
 * @throws (from methods) `ItemError` for one entry (`validation_failure`, `missing_configuration`),
 *   `JobError('invalid_configuration')` when the output directory is unusable or the existing job file
 *   is not a valid SIE file.
 */
export function createSieConnector(options: CreateSieConnectorOptions = {}): ConnectorV1<SieConfig> {
  return defineFileConnector({
    id: 'sie',
    manifest: sieManifest,
    configSchema: sieConfigSchema,
    format: sieFileFormat,
    fileSystem: options.fileSystem,
    mapOptions: (config) => ({
      inputVatAccount: config.vatAccounts.input,
      outputVatAccount: config.vatAccounts.reverseChargeOutput,
      contraAccounts: config.contraAccounts,
    }),
    vendorBasedBookkeepingMessage:
      'The job uses vendor-based bookkeeping, but SIE 4I files carry vouchers only (no supplier ledger): turn vendor-based bookkeeping off for this company.',
    checkEntry: (ctx, entry) =>
      entryToVouchers(entry, ctx.config, () => '', ctx.clock.now().toISOString().slice(0, 10)),
  });
}
