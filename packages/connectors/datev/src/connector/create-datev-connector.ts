import type { ConnectorV1, JobIssue } from '@ledgerport/core';
import { defineFileConnector, type OutputFileSystem } from '@ledgerport/file-kit';
import { entryToBookings } from '../booking/entry-to-bookings';
import { type DatevConfig, datevConfigSchema, SKR_VAT_ACCOUNTS } from '../config/datev-config';
import { datevFileFormat } from './datev-file-format';
import { datevManifest } from './datev-manifest';

/** Options of {@link createDatevConnector}. */
export interface CreateDatevConnectorOptions {
  /** File operations; default the local disk with atomic writes. Tests pass a counting fake. */
  readonly fileSystem?: OutputFileSystem;
}

/** BU-Schlüssel mode needs a mapping or Automatikkonten, else every VAT line fails. */
function vatModeIssues(config: DatevConfig): JobIssue[] {
  const vat = config.vat;
  if (vat.mode !== 'bu_schluessel') return [];
  if (Object.keys(vat.buSchluessel).length > 0 || vat.automaticAccounts.length > 0) return [];
  return [
    {
      reason: 'missing_configuration',
      message:
        'vat.mode is "bu_schluessel" but neither vat.buSchluessel nor vat.automaticAccounts is configured: map each Pleo tax code to its BU-Schlüssel, list the Automatikkonten, or set vat.mode to "explicit_lines".',
    },
  ];
}

/**
 * Creates the DATEV connector (`id: 'datev'`): DATEV-Format EXTF Buchungsstapel, format version 13,
 * one Windows-1252 CSV file per booking period (month) of a job, `EXTF_Buchungsstapel_<YYYYMM>_<job>.csv`
 * (erp-apis.md §8). Staging, receipts and the commit are `@ledgerport/file-kit`'s per-job file sink;
 * the format is {@link datevFileFormat}.
 *
 * - `postEntry` translates the entry into bookings (every field checked against DATEV's rules) and
 *   stages them; the externalId is Belegfeld 1 (the entry reference); staging the same entry twice keeps
 *   one set of bookings.
 * - `attach` stages receipts; `commitJob` writes them as `<Belegfeld 1>_<n>.<ext>`, then the manifest
 *   `<job>.receipts.json`, then each period file, each atomically (temporary file + rename).
 * - Idempotency across runs: the job's existing files are read back and their bookings kept; entries
 *   whose Belegfeld 1 is already there are not added again (merge by reference, see the README).
 *
 * @throws (from methods) `ItemError` `validation_failure` naming the DATEV field a value cannot be
 *   written to, `missing_configuration` naming the config key; `JobError('invalid_configuration')` when
 *   the output directory or an existing job file is unusable.
 */
export function createDatevConnector(options: CreateDatevConnectorOptions = {}): ConnectorV1<DatevConfig> {
  return defineFileConnector({
    id: 'datev',
    manifest: datevManifest,
    configSchema: datevConfigSchema,
    format: datevFileFormat,
    fileSystem: options.fileSystem,
    mapOptions(config) {
      const defaults = SKR_VAT_ACCOUNTS[config.chartOfAccounts];
      return {
        inputVatAccount: config.vat.accounts.input ?? defaults.input,
        outputVatAccount: config.vat.accounts.reverseChargeOutput ?? defaults.reverseChargeOutput,
        contraAccounts: config.contraAccounts,
      };
    },
    vendorBasedBookkeepingMessage:
      'The job uses vendor-based bookkeeping (creditor accounts per vendor), which this DATEV connector does not write: turn vendor-based bookkeeping off for this company.',
    jobIssues: (ctx) => vatModeIssues(ctx.config),
    checkEntry: (ctx, entry) => entryToBookings(entry, ctx.config),
  });
}
