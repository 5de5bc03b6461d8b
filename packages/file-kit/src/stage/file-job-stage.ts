import type { ReceiptManifestEntry } from '../receipts/receipt-manifest';

/** A receipt staged for an entry, written beside the job's files by the commit. */
export interface StagedReceipt {
  /** Name beside the job's files, chosen by the format (`A1-1.pdf`, `RE-2026-17_1.pdf`). */
  readonly fileName: string;
  readonly mimeType: string;
  readonly bytes: Uint8Array;
}

/**
 * One staged entry of a job: the format's records for it (SIE vouchers, DATEV bookings), the externalId
 * `postEntry` returned, and the receipts staged in this run (receipts already on disk are in the
 * stage's manifest).
 */
export interface StagedEntry<Records> {
  /** The staging key (the entry's idempotency key or reference, as the format chooses). */
  readonly key: string;
  readonly externalId: string;
  readonly records: readonly Records[];
  readonly receipts: StagedReceipt[];
  /** True when the records were read back from the job's existing files (a re-run after a commit). */
  readonly fromFile: boolean;
}

/**
 * What one export job has staged so far: entries in posting order keyed by staging key (entries read
 * back from the job's existing files first), the receipt manifest read from disk, and the format's own
 * state (e.g. SIE's `#OBJEKT` declarations and voucher count). Nothing is written before the commit.
 */
export interface FileJobStage<Records, State, Owner extends object> {
  readonly jobId: string;
  readonly entries: Map<string, StagedEntry<Records>>;
  /** Receipts already beside the job's files (from `<job>.receipts.json`). */
  readonly manifest: ReceiptManifestEntry<Owner>[];
  readonly state: State;
}

/** Records the format read back from one of the job's existing files, for one staging key. */
export interface ReadBackRecords<Records> {
  readonly key: string;
  readonly externalId: string;
  readonly records: readonly Records[];
}

/** A file the format rendered for the commit: its name in the output directory and its bytes. */
export interface RenderedFile {
  readonly fileName: string;
  readonly bytes: Uint8Array;
}
