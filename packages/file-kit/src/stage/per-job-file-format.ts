import type { AccountingEntry, AttachmentFile, AttachmentLimits, ConnectorContext } from '@ledgerport/core';
import type { FileJobStage, ReadBackRecords, RenderedFile, StagedEntry } from './file-job-stage';

/** The config every per-job file connector has: the directory its files are written to. */
export interface FileSinkConfig {
  readonly outputDirectory: string;
}

/**
 * The format-specific half of a `per_job` file connector, the hooks {@link createPerJobFileSink} calls.
 * Everything here is pure translation (no file access): records, encoding, field rules, file naming,
 * readers. `Records` is the format's unit (a SIE voucher, a DATEV booking row), `State` anything the
 * format keeps per job besides entries, `Owner` the fields naming a receipt's document in the manifest.
 */
export interface PerJobFileFormat<Config extends FileSinkConfig, Records, State, Owner extends object> {
  /** Names a job file in errors: "is not a valid <documentName>" (`'SIE file'`, `'Buchungsstapel'`). */
  readonly documentName: string;
  /** Names where receipts go in receipt errors (`'the SIE connector'`, `'DATEV'`). */
  readonly receiptTarget: string;
  /** The manifest's attachment limits, checked for every receipt. */
  readonly attachments: AttachmentLimits;
  /** Matches the names of the job's own files in the output directory (read back on a re-run). */
  jobFilePattern(jobId: string): RegExp;
  /** Fresh per-job format state. */
  createState(ctx: ConnectorContext<Config>): State;
  /**
   * Reads one of the job's existing files back. May record format state in `stage.state`.
   * @throws anything when the file is not valid; the sink turns it into `JobError('invalid_configuration')`.
   */
  readJobFile(
    file: { readonly name: string; readonly bytes: Uint8Array },
    stage: FileJobStage<Records, State, Owner>,
  ): readonly ReadBackRecords<Records>[];
  /** The staging key of an entry: posting the same key twice stages it once. */
  entryKey(entry: AccountingEntry): string;
  /**
   * Translates an entry not staged yet into records and its externalId. May record format state.
   * @throws `ItemError` naming the field when the entry cannot be written in this format.
   */
  stageEntry(
    ctx: ConnectorContext<Config>,
    entry: AccountingEntry,
    stage: FileJobStage<Records, State, Owner>,
  ): { readonly externalId: string; readonly records: readonly Records[] };
  /** File name of a receipt beside the job's files (must be unique per entry and `file.index`). */
  receiptFileName(staged: StagedEntry<Records>, file: AttachmentFile): string;
  /** The manifest fields naming the receipt's document, written first in its manifest line. */
  manifestOwner(staged: StagedEntry<Records>): Owner;
  /**
   * Renders the job's files from everything staged (entries in staging order), e.g. one file per
   * currency (SIE) or per month (DATEV). Written in the returned order, each atomically.
   */
  render(ctx: ConnectorContext<Config>, stage: FileJobStage<Records, State, Owner>): readonly RenderedFile[];
}
