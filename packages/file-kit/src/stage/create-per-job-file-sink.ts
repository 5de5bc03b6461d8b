import { createHash } from 'node:crypto';
import { join } from 'node:path';
import {
  type AccountingEntry,
  type AttachmentFile,
  type ConnectorContext,
  type JobCommit,
  JobError,
  type JobIssue,
  LedgerportError,
  type PostedEntry,
  type PostResult,
} from '@ledgerport/core';
import { checkJobFileId } from '../job/check-job-file-id';
import { outputDirectoryError } from '../job/output-directory-error';
import { nodeOutputFileSystem, type OutputFileSystem } from '../output/output-file-system';
import { checkReceiptLimits } from '../receipts/check-receipt-limits';
import {
  decodeReceiptManifest,
  encodeReceiptManifest,
  type ReceiptManifestEntry,
  receiptManifestName,
} from '../receipts/receipt-manifest';
import type { FileJobStage, StagedEntry } from './file-job-stage';
import type { FileSinkConfig, PerJobFileFormat } from './per-job-file-format';

/** Options of {@link createPerJobFileSink}. */
export interface PerJobFileSinkOptions {
  /** File operations; default {@link nodeOutputFileSystem} (local disk, atomic writes). */
  readonly fileSystem?: OutputFileSystem | undefined;
}

/**
 * The `postEntry` / `attach` / `commitJob` / directory check of a `per_job` file connector
 * (`ConnectorV1`, core `connector/connector-v1.ts`; `delivery: 'per_job'`), ready to plug in.
 */
export interface PerJobFileSink<Config extends FileSinkConfig, Records, State, Owner extends object> {
  /**
   * Stages the entry (once per staging key) and returns the externalId it will have in the file.
   * @throws `ItemError` from the format; `JobError` (see {@link createPerJobFileSink}); the signal's reason.
   */
  post(ctx: ConnectorContext<Config>, entry: AccountingEntry): Promise<PostResult>;
  /**
   * Checks the receipt against the limits and stages it for the entry. A receipt already in the job's
   * manifest is skipped; the same file name staged twice keeps the last bytes.
   * @throws `ItemError('receipt_file_size_limit_exceeded' | 'receipt_conversion_failure')`.
   */
  attach(ctx: ConnectorContext<Config>, posted: PostedEntry, file: AttachmentFile): Promise<void>;
  /**
   * Writes receipts, then `<job>.receipts.json`, then the rendered files, each atomically; returns the
   * written paths (rendered files first). Clears the job's stage on success.
   * @throws `JobError('invalid_configuration', field 'outputDirectory')` when a write fails (files written
   *   before keep their previous complete content).
   */
  commit(
    ctx: ConnectorContext<Config>,
    commit: JobCommit,
  ): Promise<{ readonly artifacts: readonly string[] }>;
  /** `[]`, or one `invalid_configuration` issue when `outputDirectory` is not a writable directory. Never writes. */
  checkOutputDirectory(ctx: ConnectorContext<Config>): Promise<JobIssue[]>;
  /** The job's current stage (read from the output directory on first use). For tests and diagnostics. */
  stage(ctx: ConnectorContext<Config>): Promise<FileJobStage<Records, State, Owner>>;
}

/**
 * Creates the format-agnostic machinery of a `per_job` file connector around a
 * {@link PerJobFileFormat}: staging per export job (keyed `<companyId>/<job id>`, idempotent per
 * `format.entryKey`), receipt checks and copying with a manifest, the atomic commit, and merge by
 * reference on a re-run: on first use in a job the job's existing files (`format.jobFilePattern`) are
 * read back with `format.readJobFile` and their records kept, so entries already there are not added
 * again (a crash between commit and reporting; Pleo Export API "exactly once" guidance, erp-apis.md §8–9).
 *
 * @throws (from the methods) `JobError('validation_failure', field 'job.id')` for a job id that cannot
 *   be a file name; `JobError('invalid_configuration', field 'outputDirectory')` when the directory
 *   cannot be read or written, or a job file is not a valid `format.documentName`.
 */
export function createPerJobFileSink<Config extends FileSinkConfig, Records, State, Owner extends object>(
  format: PerJobFileFormat<Config, Records, State, Owner>,
  options: PerJobFileSinkOptions = {},
): PerJobFileSink<Config, Records, State, Owner> {
  type Stage = FileJobStage<Records, State, Owner>;
  const fs = options.fileSystem ?? nodeOutputFileSystem;
  const stages = new Map<string, Promise<Stage>>();
  const stageKey = (ctx: ConnectorContext<Config>) => `${ctx.companyId}/${ctx.job.id}`;

  function loadStage(ctx: ConnectorContext<Config>): Promise<Stage> {
    const key = stageKey(ctx);
    let stage = stages.get(key);
    if (stage === undefined) {
      stage = readStage(ctx);
      stages.set(key, stage);
      stage.catch(() => stages.delete(key));
    }
    return stage;
  }

  async function readStage(ctx: ConnectorContext<Config>): Promise<Stage> {
    const jobId = ctx.job.id;
    checkJobFileId(jobId);
    const directory = ctx.config.outputDirectory;
    const stage: Stage = { jobId, entries: new Map(), manifest: [], state: format.createState(ctx) };
    const pattern = format.jobFilePattern(jobId);
    const files: { name: string; bytes: Uint8Array }[] = [];
    let manifestBytes: Uint8Array | undefined;
    try {
      for (const name of (await fs.listDirectory(directory)).filter((n) => pattern.test(n)).sort()) {
        const bytes = await fs.readFile(join(directory, name));
        if (bytes !== undefined) files.push({ name, bytes });
      }
      manifestBytes = await fs.readFile(join(directory, receiptManifestName(jobId)));
    } catch (error) {
      throw outputDirectoryError(error, directory);
    }
    for (const file of files) {
      let readBack: ReturnType<typeof format.readJobFile>;
      try {
        readBack = format.readJobFile(file, stage);
      } catch (error) {
        throw new JobError(
          'invalid_configuration',
          `The job's existing file ${file.name} is not a valid ${format.documentName} (${(error as Error).message}): move it out of outputDirectory and run the export again.`,
          { field: 'outputDirectory', cause: error },
        );
      }
      for (const { key, externalId, records } of readBack) {
        const staged = stage.entries.get(key);
        stage.entries.set(
          key,
          staged === undefined
            ? { key, externalId, records, receipts: [], fromFile: true }
            : { ...staged, records: [...staged.records, ...records] },
        );
      }
    }
    if (manifestBytes !== undefined) stage.manifest.push(...decodeReceiptManifest<Owner>(manifestBytes));
    return stage;
  }

  function stageEntry(ctx: ConnectorContext<Config>, stage: Stage, entry: AccountingEntry) {
    const key = format.entryKey(entry);
    const existing = stage.entries.get(key);
    if (existing !== undefined) return existing;
    const { externalId, records } = format.stageEntry(ctx, entry, stage);
    const staged: StagedEntry<Records> = { key, externalId, records, receipts: [], fromFile: false };
    stage.entries.set(key, staged);
    return staged;
  }

  async function writeReceipts(directory: string, stage: Stage, artifacts: string[]) {
    const manifest: ReceiptManifestEntry<Owner>[] = [...stage.manifest];
    for (const staged of stage.entries.values()) {
      for (const receipt of staged.receipts) {
        const path = join(directory, receipt.fileName);
        await fs.writeFileAtomic(path, receipt.bytes);
        artifacts.push(path);
        manifest.push({
          ...format.manifestOwner(staged),
          file: receipt.fileName,
          mimeType: receipt.mimeType,
          bytes: receipt.bytes.byteLength,
          sha256: createHash('sha256').update(receipt.bytes).digest('hex'),
        });
      }
    }
    if (manifest.length > 0) {
      const path = join(directory, receiptManifestName(stage.jobId));
      await fs.writeFileAtomic(path, encodeReceiptManifest(stage.jobId, manifest));
      artifacts.push(path);
    }
  }

  return {
    stage: loadStage,

    async post(ctx, entry) {
      ctx.signal.throwIfAborted();
      const staged = stageEntry(ctx, await loadStage(ctx), entry);
      return { externalId: staged.externalId, exportedAt: ctx.clock.now().toISOString() };
    },

    async attach(ctx, posted, file) {
      ctx.signal.throwIfAborted();
      checkReceiptLimits(format.attachments, file, format.receiptTarget);
      const stage = await loadStage(ctx);
      const staged = stageEntry(ctx, stage, posted.entry);
      const fileName = format.receiptFileName(staged, file);
      if (stage.manifest.some((receipt) => receipt.file === fileName)) return;
      const receipt = { fileName, mimeType: file.mimeType, bytes: file.bytes };
      const same = staged.receipts.findIndex((candidate) => candidate.fileName === fileName);
      if (same >= 0) staged.receipts[same] = receipt;
      else staged.receipts.push(receipt);
    },

    async commit(ctx, commit) {
      ctx.signal.throwIfAborted();
      const stage = await loadStage(ctx);
      for (const posted of commit.posted) stageEntry(ctx, stage, posted.entry);
      const directory = ctx.config.outputDirectory;
      const artifacts: string[] = [];
      try {
        const rendered = format.render(ctx, stage);
        await writeReceipts(directory, stage, artifacts);
        const written: string[] = [];
        for (const file of rendered) {
          const path = join(directory, file.fileName);
          await fs.writeFileAtomic(path, file.bytes);
          written.push(path);
        }
        artifacts.unshift(...written);
      } catch (error) {
        if (LedgerportError.isInstance(error)) throw error;
        throw outputDirectoryError(error, directory);
      }
      stages.delete(stageKey(ctx));
      return { artifacts };
    },

    async checkOutputDirectory(ctx) {
      try {
        await fs.checkWritableDirectory(ctx.config.outputDirectory);
        return [];
      } catch (error) {
        return [
          {
            reason: 'invalid_configuration',
            message: outputDirectoryError(error, ctx.config.outputDirectory).message,
          },
        ];
      }
    },
  };
}
