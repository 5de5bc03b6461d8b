import type { ExportItemFile } from '@ledgerport/pleo';
import type { ConnectorContext } from '../connector/connector-context';
import type { AttachmentLimits } from '../connector/connector-manifest';
import type { Connector, PostedEntry } from '../connector/connector-v1';
import { ItemError, LedgerportError } from '../errors/ledgerport-error';
import type { ExportStore } from '../store/export-store';
import type { RetryRunner } from './retry-runner';

/** Downloads one receipt's bytes (Pleo `files[].url`, valid 24 h after the item was fetched). */
export type DownloadFile = (file: ExportItemFile, signal: AbortSignal) => Promise<Uint8Array>;

/** A receipt download answered with an HTTP error status. */
export class ReceiptDownloadError extends Error {
  override readonly name = 'ReceiptDownloadError';
  constructor(readonly status: number) {
    super(`The receipt download answered HTTP ${status}.`);
  }
}

/**
 * Default {@link DownloadFile}: `fetch(file.url)`. Throws {@link ReceiptDownloadError} on a non-2xx
 * answer; network errors propagate as `TypeError`s. Retries are done by the caller
 * ({@link isRetryableDownloadError}).
 */
export const fetchReceipt: DownloadFile = async (file, signal) => {
  const response = await fetch(file.url, { signal });
  if (!response.ok) {
    await response.body?.cancel();
    throw new ReceiptDownloadError(response.status);
  }
  return new Uint8Array(await response.arrayBuffer());
};

/** 408, 429 and 5xx answers and network errors (`TypeError` from fetch) are worth retrying. */
export function isRetryableDownloadError(error: unknown): boolean {
  if (error instanceof ReceiptDownloadError) {
    return error.status === 408 || error.status === 429 || error.status >= 500;
  }
  return error instanceof TypeError;
}

/**
 * Checks an entry's receipts against the connector's attachment limits BEFORE anything is posted, so
 * an entry whose receipts cannot be attached never leaves a document without its receipts:
 * - a file larger than `maxBytes` (by Pleo's `files[].size`) → `receipt_file_size_limit_exceeded`;
 * - a MIME type outside `mimeTypes` → `receipt_conversion_failure` (core converts nothing);
 * - more files than `maxFiles` (or more than one when `singleFileOnly`) → `receipt_conversion_failure`:
 *   the receipts would have to be merged into fewer files, which core does not do; attaching only
 *   some of them would lose receipts silently, so the item fails with a message saying what to do.
 * Connectors without attachment support get no receipts: returns `undefined`.
 */
export function checkReceiptLimits(
  files: readonly ExportItemFile[],
  limits: AttachmentLimits,
  erpName: string,
): ItemError | undefined {
  if (!limits.supported || files.length === 0) return undefined;
  const maxFiles = limits.singleFileOnly ? Math.min(1, limits.maxFiles) : limits.maxFiles;
  if (files.length > maxFiles) {
    return new ItemError(
      'receipt_conversion_failure',
      `This expense has ${files.length} receipts but ${erpName} accepts at most ${maxFiles} per document: combine them into ${maxFiles === 1 ? 'one file' : `${maxFiles} files`} in Pleo and export again.`,
      { field: 'files' },
    );
  }
  for (const [index, file] of files.entries()) {
    if (file.size > limits.maxBytes) {
      return new ItemError(
        'receipt_file_size_limit_exceeded',
        `Receipt ${index + 1} is ${formatBytes(file.size)}, more than the ${formatBytes(limits.maxBytes)} ${erpName} accepts: replace it with a smaller file in Pleo and export again.`,
        { field: `files[${index}].size` },
      );
    }
    if (!limits.mimeTypes.includes(normaliseMime(file.type))) {
      return new ItemError(
        'receipt_conversion_failure',
        `Receipt ${index + 1} is of type ${file.type}, which ${erpName} does not accept (${limits.mimeTypes.join(', ')}): replace it in Pleo and export again.`,
        { field: `files[${index}].type` },
      );
    }
  }
  return undefined;
}

/** Options of {@link attachReceipts}. */
export interface AttachReceiptsOptions<Config> {
  readonly connector: Connector<Config>;
  readonly ctx: ConnectorContext<Config>;
  readonly posted: PostedEntry;
  readonly download: DownloadFile;
  readonly retry: RetryRunner;
  readonly signal: AbortSignal;
  /**
   * The job's journal. When the store implements the optional `recordAttachment`, files whose index
   * `getEntry(jobId, entry).attachedFiles` lists are skipped (neither downloaded nor attached) and each
   * successful `attach` is recorded before the next file; without it (or without `journal`) every file
   * is attached.
   */
  readonly journal?: { readonly store: ExportStore; readonly jobId: string } | undefined;
}

/**
 * Downloads and attaches the entry's receipts one by one, in `files[]` order (pleo-export-api.md §9
 * step 5–6). Throws an `ItemError`: `receipt_download_failure` when a download fails after retries,
 * `receipt_file_size_limit_exceeded` when the downloaded bytes exceed `maxBytes`, the connector's own
 * reason when `attach` throws a `LedgerportError` (e.g. `accounting_system_authentication_failure`),
 * else `receipt_upload_failure`. Rejects with the signal's reason when aborted.
 *
 * With a `journal` whose store has `recordAttachment`, the entry's record is read once before the
 * first file: files listed in its `attachedFiles` (attached by an earlier, interrupted run to the same
 * document) are skipped, and every file attached now is recorded right after its `attach` resolves
 * (pleo-export-api.md §9: avoid duplicate uploads on retries). A crash between `attach` and
 * `recordAttachment` can still upload that one file twice on resume.
 */
export async function attachReceipts<Config>(options: AttachReceiptsOptions<Config>): Promise<void> {
  const { connector, ctx, posted, signal } = options;
  const limits = connector.manifest.attachments;
  if (!limits.supported || connector.attach === undefined) return;
  const attach = connector.attach.bind(connector);
  const erpName = connector.manifest.displayName;
  const journal = options.journal;
  const recordAttachment = journal?.store.recordAttachment?.bind(journal.store);
  const accountingEntryId = posted.entry.accountingEntryId;
  let alreadyAttached: ReadonlySet<number> = new Set();
  if (journal !== undefined && recordAttachment !== undefined) {
    const record = await journal.store.getEntry(journal.jobId, accountingEntryId);
    alreadyAttached = new Set(record?.attachedFiles ?? []);
  }
  for (const [index, file] of posted.entry.files.entries()) {
    if (alreadyAttached.has(index)) continue;
    let bytes: Uint8Array;
    try {
      bytes = await options.retry.run(() => options.download(file, signal), signal, {
        isRetryable: isRetryableDownloadError,
      });
    } catch (error) {
      if (signal.aborted) throw signal.reason;
      throw new ItemError(
        'receipt_download_failure',
        `Receipt ${index + 1} could not be downloaded from Pleo: export again; if it keeps failing, upload the receipt in Pleo again.`,
        { field: `files[${index}].url`, cause: error },
      );
    }
    if (bytes.byteLength > limits.maxBytes) {
      throw new ItemError(
        'receipt_file_size_limit_exceeded',
        `Receipt ${index + 1} is ${formatBytes(bytes.byteLength)}, more than the ${formatBytes(limits.maxBytes)} ${erpName} accepts: replace it with a smaller file in Pleo and export again.`,
        { field: `files[${index}]` },
      );
    }
    const mimeType = normaliseMime(file.type);
    try {
      await options.retry.run(
        () => attach(ctx, posted, { fileName: receiptFileName(index, mimeType), mimeType, bytes, index }),
        signal,
      );
    } catch (error) {
      if (signal.aborted) throw signal.reason;
      if (LedgerportError.isInstance(error) && error.scope === 'item') throw error;
      throw new ItemError(
        'receipt_upload_failure',
        `Receipt ${index + 1} could not be uploaded to ${erpName}: export again; the entry itself is already booked (${posted.result.externalId}).`,
        { cause: error },
      );
    }
    if (journal !== undefined && recordAttachment !== undefined) {
      await recordAttachment(journal.jobId, accountingEntryId, index);
    }
  }
}

/** `receipt-1.pdf`, `receipt-2.png`, … (1-based, extension from the MIME type). */
export function receiptFileName(index: number, mimeType: string): string {
  const extension = MIME_EXTENSIONS[mimeType] ?? 'bin';
  return `receipt-${index + 1}.${extension}`;
}

const MIME_EXTENSIONS: Record<string, string> = {
  'application/pdf': 'pdf',
  'image/png': 'png',
  'image/jpeg': 'jpg',
  'image/gif': 'gif',
  'image/webp': 'webp',
  'image/heic': 'heic',
  'image/tiff': 'tiff',
};

function normaliseMime(type: string): string {
  const base = type.split(';')[0]?.trim().toLowerCase() ?? '';
  return base === 'image/jpg' ? 'image/jpeg' : base;
}

function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
  if (bytes >= 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${bytes} bytes`;
}
