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
import { type SieConfig, sieConfigSchema } from '../config/sie-config';
import { readSieDocument } from '../document/read-sie-document';
import type { SieDocument, SieObject, SieObjectRef, SieVoucher } from '../document/sie-document';
import { writeSieDocument } from '../document/write-sie-document';
import { nodeOutputFileSystem, type OutputFileSystem } from '../output/output-file-system';
import { entryToVouchers, voucherKey } from '../voucher/entry-to-vouchers';
import { receiptFileName } from './receipt-file-name';
import type { ReceiptManifestEntry, SieJobStage, StagedEntry } from './sie-job-stage';
import { sieManifest } from './sie-manifest';

/** Options of {@link createSieConnector}. */
export interface CreateSieConnectorOptions {
  /** File operations; default the local disk with atomic writes. Tests pass a counting fake. */
  readonly fileSystem?: OutputFileSystem;
}

/**
 * File name of a job's SIE file for one wallet currency: `<job id>.si` for the configured ledger
 * currency, `<job id>-<CUR>.si` for any other (a SIE file has one currency, `#VALUTA`).
 */
export const sieFileName = (jobId: string, currency: string, ledgerCurrency: string): string =>
  currency === ledgerCurrency ? `${jobId}.si` : `${jobId}-${currency}.si`;

const jobFilePattern = (jobId: string) => new RegExp(`^${jobId}(?:-([A-Z]{3}))?\\.si$`);
/** File name of a job's receipt manifest: `<job id>.receipts.json`. */
export const sieReceiptManifestName = (jobId: string): string => `${jobId}.receipts.json`;

/** `<series><number>` for a numbered voucher (`A12`), `<series>-<reference>` when the importer numbers it. */
export function sieExternalId(series: string, number: string, key: string): string {
  return number === '' ? `${series}-${key}` : `${series}${number}`;
}

const isoDate = (date: Date): string => date.toISOString().slice(0, 10);
const objectKey = (object: SieObjectRef): string => `${object.dimension}\u0000${object.object}`;

function checkJobId(jobId: string): void {
  if (!/^[A-Za-z0-9_-]{1,100}$/.test(jobId)) {
    throw new JobError(
      'validation_failure',
      `job id "${jobId.slice(0, 40)}" cannot be used as a file name.`,
      {
        field: 'job.id',
      },
    );
  }
}

function fileSystemError(error: unknown, config: SieConfig): JobError {
  const code = (error as NodeJS.ErrnoException | undefined)?.code ?? 'unknown';
  return new JobError(
    'invalid_configuration',
    `outputDirectory "${config.outputDirectory}" cannot be used (${code}): create it and make it writable for Ledgerport.`,
    { field: 'outputDirectory', cause: error },
  );
}

/**
 * Creates the SIE 4I connector (`id: 'sie'`): one CP437 `.si` file per export job with one `#VER` per
 * entry (SIE filformat Utgåva 4B, type 4I; erp-apis.md §9).
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
  const fs = options.fileSystem ?? nodeOutputFileSystem;
  const stages = new Map<string, Promise<SieJobStage>>();

  async function loadStage(ctx: ConnectorContext<SieConfig>): Promise<SieJobStage> {
    const stageKey = `${ctx.companyId}/${ctx.job.id}`;
    let stage = stages.get(stageKey);
    if (stage === undefined) {
      stage = readStage(ctx);
      stages.set(stageKey, stage);
      stage.catch(() => stages.delete(stageKey));
    }
    return stage;
  }

  async function readStage(ctx: ConnectorContext<SieConfig>): Promise<SieJobStage> {
    checkJobId(ctx.job.id);
    const directory = ctx.config.outputDirectory;
    const stage: SieJobStage = { entries: new Map(), objects: new Map(), manifest: [], voucherCount: 0 };
    const pattern = jobFilePattern(ctx.job.id);
    const files: { name: string; bytes: Uint8Array }[] = [];
    let manifestBytes: Uint8Array | undefined;
    try {
      for (const name of (await fs.listDirectory(directory)).filter((n) => pattern.test(n)).sort()) {
        const bytes = await fs.readFile(join(directory, name));
        if (bytes !== undefined) files.push({ name, bytes });
      }
      manifestBytes = await fs.readFile(join(directory, sieReceiptManifestName(ctx.job.id)));
    } catch (error) {
      throw fileSystemError(error, ctx.config);
    }
    for (const file of files) {
      let existing: ReturnType<typeof readSieDocument>;
      try {
        existing = readSieDocument(file.bytes);
      } catch (error) {
        throw new JobError(
          'invalid_configuration',
          `The job's existing file ${file.name} is not a valid SIE file (${(error as Error).message}): move it out of outputDirectory and run the export again.`,
          { field: 'outputDirectory', cause: error },
        );
      }
      const { document } = existing;
      for (const object of document.objects) stage.objects.set(objectKey(object), object);
      for (const voucher of document.vouchers) {
        const key = voucherKey(voucher.text);
        const staged = stage.entries.get(key);
        stage.entries.set(
          key,
          staged === undefined
            ? {
                key,
                currency: document.currency,
                externalId: sieExternalId(voucher.series, voucher.number, key),
                vouchers: [voucher],
                receipts: [],
                fromFile: true,
              }
            : { ...staged, vouchers: [...staged.vouchers, voucher] },
        );
      }
      stage.voucherCount += document.vouchers.length;
    }
    if (manifestBytes !== undefined) {
      const parsed = JSON.parse(new TextDecoder().decode(manifestBytes)) as {
        receipts?: ReceiptManifestEntry[];
      };
      stage.manifest.push(...(parsed.receipts ?? []));
    }
    return stage;
  }

  function buildDocument(
    ctx: ConnectorContext<SieConfig>,
    stage: SieJobStage,
    currency: string,
    vouchers: readonly SieVoucher[],
  ): SieDocument {
    const used = new Set(vouchers.flatMap((v) => v.transactions.flatMap((t) => t.objects.map(objectKey))));
    const objects = [...used]
      .map((key) => stage.objects.get(key))
      .filter((object): object is SieObject => object !== undefined)
      .sort((a, b) => a.dimension - b.dimension || a.object.localeCompare(b.object));
    const usedDimensions = new Set(objects.map((object) => object.dimension));
    const dimensions = [
      ...new Map(
        Object.values(ctx.config.dimensions).map((dimension) => [dimension.number, dimension]),
      ).values(),
    ]
      .filter((dimension) => usedDimensions.has(dimension.number))
      .sort((a, b) => a.number - b.number);
    return {
      program: ctx.config.program,
      generatedOn: isoDate(ctx.clock.now()),
      companyName: ctx.config.companyName,
      organizationNumber: ctx.config.organizationNumber,
      currency,
      dimensions,
      objects,
      vouchers,
    };
  }

  function stageEntry(
    ctx: ConnectorContext<SieConfig>,
    stage: SieJobStage,
    entry: AccountingEntry,
  ): StagedEntry {
    const existing = stage.entries.get(entry.idempotencyKey);
    if (existing !== undefined) return existing;
    const start = ctx.config.voucherNumberStart;
    const { vouchers, objects } = entryToVouchers(
      entry,
      ctx.config,
      (index) => (start === undefined ? '' : String(start + stage.voucherCount + index)),
      isoDate(ctx.clock.now()),
    );
    const first = vouchers[0];
    const staged: StagedEntry = {
      key: entry.idempotencyKey,
      currency: entry.currency,
      externalId: sieExternalId(ctx.config.voucherSeries, first?.number ?? '', entry.idempotencyKey),
      vouchers,
      receipts: [],
      fromFile: false,
    };
    for (const object of objects) stage.objects.set(objectKey(object), object);
    stage.entries.set(entry.idempotencyKey, staged);
    stage.voucherCount += vouchers.length;
    return staged;
  }

  return defineConnector<SieConfig>({
    specificationVersion: 'v1',
    id: 'sie',
    manifest: sieManifest,
    configSchema: sieConfigSchema,
    secretFields: [],

    mapOptions(config) {
      return {
        inputVatAccount: config.vatAccounts.input,
        outputVatAccount: config.vatAccounts.reverseChargeOutput,
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
              'The job uses vendor-based bookkeeping, but SIE 4I files carry vouchers only (no supplier ledger): turn vendor-based bookkeeping off for this company.',
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
          entryToVouchers(entry, ctx.config, () => '', isoDate(ctx.clock.now()));
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
      return { externalId: staged.externalId, exportedAt: ctx.clock.now().toISOString() };
    },

    async attach(ctx, posted, file) {
      ctx.signal.throwIfAborted();
      const limits = sieManifest.attachments;
      if (limits.supported && file.bytes.byteLength > limits.maxBytes) {
        throw new ItemError(
          'receipt_file_size_limit_exceeded',
          `Receipt ${file.index + 1} is ${file.bytes.byteLength} bytes; the SIE connector copies receipts up to ${limits.maxBytes} bytes: shrink or split the receipt in Pleo.`,
          { field: `files[${file.index}]` },
        );
      }
      if (limits.supported && !limits.mimeTypes.includes(file.mimeType)) {
        throw new ItemError(
          'receipt_conversion_failure',
          `Receipt ${file.index + 1} has type ${file.mimeType.slice(0, 60)}; receipts beside SIE files must be ${limits.mimeTypes.join(', ')}.`,
          { field: `files[${file.index}]` },
        );
      }
      const stage = await loadStage(ctx);
      const staged = stageEntry(ctx, stage, posted.entry);
      const fileName = receiptFileName(staged.externalId, file.index, file.mimeType, file.fileName);
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
              voucher: staged.externalId,
              reference: staged.key,
              file: receipt.fileName,
              mimeType: receipt.mimeType,
              bytes: receipt.bytes.byteLength,
              sha256: createHash('sha256').update(receipt.bytes).digest('hex'),
            });
          }
        }
        if (manifest.length > 0) {
          const path = join(directory, sieReceiptManifestName(commit.job.id));
          const json = `${JSON.stringify({ job: commit.job.id, receipts: manifest }, null, 2)}\n`;
          await fs.writeFileAtomic(path, new TextEncoder().encode(json));
          artifacts.push(path);
        }
        const byCurrency = new Map<string, SieVoucher[]>();
        for (const staged of stage.entries.values()) {
          const list = byCurrency.get(staged.currency) ?? [];
          list.push(...staged.vouchers);
          byCurrency.set(staged.currency, list);
        }
        if (byCurrency.size === 0) byCurrency.set(ctx.config.currency, []);
        const sieFiles: string[] = [];
        for (const [currency, vouchers] of [...byCurrency.entries()].sort(([a], [b]) => a.localeCompare(b))) {
          const { bytes } = writeSieDocument(buildDocument(ctx, stage, currency, vouchers));
          const path = join(directory, sieFileName(commit.job.id, currency, ctx.config.currency));
          await fs.writeFileAtomic(path, bytes);
          sieFiles.push(path);
        }
        artifacts.unshift(...sieFiles);
      } catch (error) {
        if (LedgerportError.isInstance(error)) throw error;
        throw fileSystemError(error, ctx.config);
      }
      stages.delete(`${ctx.companyId}/${ctx.job.id}`);
      return { artifacts };
    },
  });
}
