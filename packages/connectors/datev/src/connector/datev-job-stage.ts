import type { DatevBooking } from '../booking/datev-booking';

/** A receipt staged for an entry, written beside the files on commit. */
export interface StagedReceipt {
  readonly fileName: string;
  readonly mimeType: string;
  readonly bytes: Uint8Array;
}

/** One staged entry, keyed by its Belegfeld 1. */
export interface StagedEntry {
  /** Belegfeld 1 (the entry reference) = the externalId. */
  readonly belegfeld1: string;
  readonly bookings: readonly DatevBooking[];
  readonly receipts: StagedReceipt[];
  /** True when the bookings were read back from the job's existing files. */
  readonly fromFile: boolean;
}

/** Receipt line of the manifest (`<job>.receipts.json`). */
export interface ReceiptManifestEntry {
  /** Belegfeld 1 of the bookings the receipt belongs to. */
  readonly belegfeld1: string;
  readonly file: string;
  readonly mimeType: string;
  readonly bytes: number;
  /** Hex SHA-256 of the file's bytes. */
  readonly sha256: string;
}

/** What one export job has staged so far (entries in posting order) and the receipts already on disk. */
export interface DatevJobStage {
  readonly entries: Map<string, StagedEntry>;
  readonly manifest: ReceiptManifestEntry[];
}
