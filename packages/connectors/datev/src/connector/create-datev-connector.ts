import { createHash } from 'node:crypto';
import { join } from 'node:path';
import {
  type AccountingEntry,
  type ConnectorContext,
  type ConnectorV1,
  defineConnector,
  type EntryIssue,
  ItemError,
  JobError,
  type JobIssue,
  LedgerportError,
} from '@ledgerport/core';
import type { DatevBooking } from '../booking/datev-booking';
import { entryToBookings } from '../booking/entry-to-bookings';
import { type DatevConfig, datevConfigSchema, SKR_VAT_ACCOUNTS } from '../config/datev-config';
import { readBuchungsstapel } from '../document/read-buchungsstapel';
import { buchungsstapelFileName, writeBuchungsstapel } from '../document/write-buchungsstapel';
import { COLUMN } from '../format/buchungsstapel-columns';
import { nodeOutputFileSystem, type OutputFileSystem } from '../output/output-file-system';
import type { DatevJobStage, ReceiptManifestEntry, StagedEntry } from './datev-job-stage';
import { datevManifest } from './datev-manifest';
import { receiptFileName } from './receipt-file-name';

/** Options of {@link createDatevConnector}. */
export interface CreateDatevConnectorOptions {
  /** File operations; default the local disk with atomic writes. Tests pass a counting fake. */
  readonly fileSystem?: OutputFileSystem;
}

/** File name of a job's receipt manifest: `<job id>.receipts.json`. */
export const datevReceiptManifestName = (jobId: string): string => `${jobId}.receipts.json`;

const jobFilePattern = (jobId: string) => new RegExp(`^EXTF_Buchungsstapel_(\\d{6})_${jobId}\\.csv$`);

function checkJobId(jobId: string): void {
  if (!/^[A-Za-z0-9_-]{1,100}$/.test(jobId)) {
    throw new JobError(
      'validation_failure',
      `job id "${jobId.slice(0, 40)}" cannot be used in a file name.`,
      {
        field: 'job.id',
      },
    );
  }
}

function fileSystemError(error: unknown, config: DatevConfig): JobError {
  const code = (error as NodeJS.ErrnoException | undefined)?.code ?? 'unknown';
  return new JobError(
    'invalid_configuration',
    `outputDirectory "${config.outputDirectory}" cannot be used (${code}): create it and make it writable for Ledgerport.`,
    { field: 'outputDirectory', cause: error },
  );
}

/**
 * Creates the DATEV connector (`id: 'datev'`): DATEV-Format EXTF Buchungsstapel, format version 13,
 * one Windows-1252 CSV file per booking period (month) of a job, `EXTF_Buchungsstapel_<YYYYMM>_<job>.csv`
 * (erp-apis.md §8).
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
  const fs = options.fileSystem ?? nodeOutputFileSystem;
  const stages = new Map<string, Promise<DatevJobStage>>();
  const stageKey = (ctx: ConnectorContext<DatevConfig>) => `${ctx.companyId}/${ctx.job.id}`;

  function loadStage(ctx: ConnectorContext<DatevConfig>): Promise<DatevJobStage> {
    let stage = stages.get(stageKey(ctx));
    if (stage === undefined) {
      stage = readStage(ctx);
      stages.set(stageKey(ctx), stage);
      stage.catch(() => stages.delete(stageKey(ctx)));
    }
    return stage;
  }

  async function readStage(ctx: ConnectorContext<DatevConfig>): Promise<DatevJobStage> {
    checkJobId(ctx.job.id);
    const directory = ctx.config.outputDirectory;
    const stage: DatevJobStage = { entries: new Map(), manifest: [] };
    const pattern = jobFilePattern(ctx.job.id);
    const files: { name: string; bytes: Uint8Array }[] = [];
    let manifestBytes: Uint8Array | undefined;
    try {
      for (const name of (await fs.listDirectory(directory)).filter((n) => pattern.test(n)).sort()) {
        const bytes = await fs.readFile(join(directory, name));
        if (bytes !== undefined) files.push({ name, bytes });
      }
      manifestBytes = await fs.readFile(join(directory, datevReceiptManifestName(ctx.job.id)));
    } catch (error) {
      throw fileSystemError(error, ctx.config);
    }
    for (const file of files) {
      const period = pattern.exec(file.name)?.[1] ?? '';
      let rows: readonly (readonly string[])[];
      try {
        rows = readBuchungsstapel(file.bytes).rows;
      } catch (error) {
        throw new JobError(
          'invalid_configuration',
          `The job's existing file ${file.name} is not a valid Buchungsstapel (${(error as Error).message}): move it out of outputDirectory and run the export again.`,
          { field: 'outputDirectory', cause: error },
        );
      }
      for (const fields of rows) {
        const belegfeld1 = fields[COLUMN.belegfeld1] ?? '';
        const staged = stage.entries.get(belegfeld1);
        const booking: DatevBooking = { key: belegfeld1, period, fields };
        stage.entries.set(
          belegfeld1,
          staged === undefined
            ? { belegfeld1, bookings: [booking], receipts: [], fromFile: true }
            : { ...staged, bookings: [...staged.bookings, booking] },
        );
      }
    }
    if (manifestBytes !== undefined) {
      const parsed = JSON.parse(new TextDecoder().decode(manifestBytes)) as {
        receipts?: ReceiptManifestEntry[];
      };
      stage.manifest.push(...(parsed.receipts ?? []));
    }
    return stage;
  }

  function stageEntry(
    ctx: ConnectorContext<DatevConfig>,
    stage: DatevJobStage,
    entry: AccountingEntry,
  ): StagedEntry {
    const existing = stage.entries.get(entry.reference);
    if (existing !== undefined) return existing;
    const bookings = entryToBookings(entry, ctx.config);
    const staged: StagedEntry = { belegfeld1: entry.reference, bookings, receipts: [], fromFile: false };
    stage.entries.set(entry.reference, staged);
    return staged;
  }

  return defineConnector<DatevConfig>({
    specificationVersion: 'v1',
    id: 'datev',
    manifest: datevManifest,
    configSchema: datevConfigSchema,
    secretFields: [],

    mapOptions(config) {
      const defaults = SKR_VAT_ACCOUNTS[config.chartOfAccounts];
      return {
        inputVatAccount: config.vat.accounts.input ?? defaults.input,
        outputVatAccount: config.vat.accounts.reverseChargeOutput ?? defaults.reverseChargeOutput,
        contraAccounts: config.contraAccounts,
      };
    },

    async authenticate(ctx) {
      ctx.signal.throwIfAborted();
    },

    async validate(ctx, _job, entries) {
      ctx.signal.throwIfAborted();
      const jobIssues: JobIssue[] = [];
      const entryIssues: EntryIssue[] = [];
      if (entries.length === 0) {
        if (ctx.job.vendorBasedBookkeeping) {
          jobIssues.push({
            reason: 'invalid_configuration',
            message:
              'The job uses vendor-based bookkeeping (creditor accounts per vendor), which this DATEV connector does not write: turn vendor-based bookkeeping off for this company.',
          });
        }
        const vat = ctx.config.vat;
        if (
          vat.mode === 'bu_schluessel' &&
          Object.keys(vat.buSchluessel).length === 0 &&
          vat.automaticAccounts.length === 0
        ) {
          jobIssues.push({
            reason: 'missing_configuration',
            message:
              'vat.mode is "bu_schluessel" but neither vat.buSchluessel nor vat.automaticAccounts is configured: map each Pleo tax code to its BU-Schlüssel, list the Automatikkonten, or set vat.mode to "explicit_lines".',
          });
        }
        try {
          await fs.checkWritableDirectory(ctx.config.outputDirectory);
        } catch (error) {
          jobIssues.push({
            reason: 'invalid_configuration',
            message: fileSystemError(error, ctx.config).message,
          });
        }
      }
      for (const entry of entries) {
        try {
          entryToBookings(entry, ctx.config);
        } catch (error) {
          if (!ItemError.isInstance(error)) throw error;
          entryIssues.push({
            accountingEntryId: entry.accountingEntryId,
            reason: error.reason,
            message: error.message,
            field: error.field,
          });
        }
      }
      return { jobIssues, entryIssues };
    },

    async postEntry(ctx, entry) {
      ctx.signal.throwIfAborted();
      const stage = await loadStage(ctx);
      const staged = stageEntry(ctx, stage, entry);
      return { externalId: staged.belegfeld1, exportedAt: ctx.clock.now().toISOString() };
    },

    async attach(ctx, posted, file) {
      ctx.signal.throwIfAborted();
      const limits = datevManifest.attachments;
      if (limits.supported && file.bytes.byteLength > limits.maxBytes) {
        throw new ItemError(
          'receipt_file_size_limit_exceeded',
          `Receipt ${file.index + 1} is ${file.bytes.byteLength} bytes; DATEV takes receipts up to ${limits.maxBytes} bytes: shrink or split the receipt in Pleo.`,
          { field: `files[${file.index}]` },
        );
      }
      if (limits.supported && !limits.mimeTypes.includes(file.mimeType)) {
        throw new ItemError(
          'receipt_conversion_failure',
          `Receipt ${file.index + 1} has type ${file.mimeType.slice(0, 60)}; receipts for DATEV must be ${limits.mimeTypes.join(', ')}.`,
          { field: `files[${file.index}]` },
        );
      }
      const stage = await loadStage(ctx);
      const staged = stageEntry(ctx, stage, posted.entry);
      const fileName = receiptFileName(staged.belegfeld1, file.index, file.mimeType, file.fileName);
      if (stage.manifest.some((receipt) => receipt.file === fileName)) return;
      const receipt = { fileName, mimeType: file.mimeType, bytes: file.bytes };
      const same = staged.receipts.findIndex((candidate) => candidate.fileName === fileName);
      if (same >= 0) staged.receipts[same] = receipt;
      else staged.receipts.push(receipt);
    },

    async commitJob(ctx, commit) {
      ctx.signal.throwIfAborted();
      const stage = await loadStage(ctx);
      for (const posted of commit.posted) stageEntry(ctx, stage, posted.entry);
      const directory = ctx.config.outputDirectory;
      const artifacts: string[] = [];
      const manifest = [...stage.manifest];
      try {
        for (const staged of stage.entries.values()) {
          for (const receipt of staged.receipts) {
            const path = join(directory, receipt.fileName);
            await fs.writeFileAtomic(path, receipt.bytes);
            artifacts.push(path);
            manifest.push({
              belegfeld1: staged.belegfeld1,
              file: receipt.fileName,
              mimeType: receipt.mimeType,
              bytes: receipt.bytes.byteLength,
              sha256: createHash('sha256').update(receipt.bytes).digest('hex'),
            });
          }
        }
        if (manifest.length > 0) {
          const path = join(directory, datevReceiptManifestName(commit.job.id));
          const json = `${JSON.stringify({ job: commit.job.id, receipts: manifest }, null, 2)}\n`;
          await fs.writeFileAtomic(path, new TextEncoder().encode(json));
          artifacts.push(path);
        }
        const byPeriod = new Map<string, DatevBooking[]>();
        for (const staged of stage.entries.values()) {
          for (const booking of staged.bookings) {
            const list = byPeriod.get(booking.period) ?? [];
            list.push(booking);
            byPeriod.set(booking.period, list);
          }
        }
        const files: string[] = [];
        for (const [period, bookings] of [...byPeriod.entries()].sort(([a], [b]) => a.localeCompare(b))) {
          const { bytes } = writeBuchungsstapel(ctx.config, period, bookings, ctx.clock.now());
          const path = join(directory, buchungsstapelFileName(period, commit.job.id));
          await fs.writeFileAtomic(path, bytes);
          files.push(path);
        }
        artifacts.unshift(...files);
      } catch (error) {
        if (LedgerportError.isInstance(error)) throw error;
        throw fileSystemError(error, ctx.config);
      }
      stages.delete(stageKey(ctx));
      return { artifacts };
    },
  });
}
