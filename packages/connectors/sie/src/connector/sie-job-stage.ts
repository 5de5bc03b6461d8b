import type { SieObject, SieVoucher } from '../document/sie-document';

/** A receipt staged for a voucher, written beside the `.si` file on commit. */
export interface StagedReceipt {
  /** `<voucher>-<n>.<ext>`, e.g. `A1-1.pdf`. */
  readonly fileName: string;
  readonly mimeType: string;
  readonly bytes: Uint8Array;
}

/** One staged entry: its vouchers, the externalId `postEntry` returned, and its receipts. */
export interface StagedEntry {
  readonly key: string;
  /** Wallet currency: selects the file (`<job>.si` or `<job>-<CUR>.si`). */
  readonly currency: string;
  readonly externalId: string;
  readonly vouchers: readonly SieVoucher[];
  /** Receipts staged in this run; receipts already on disk are listed in the manifest. */
  readonly receipts: StagedReceipt[];
  /** True when the vouchers were read back from the job's existing file. */
  readonly fromFile: boolean;
}

/** Receipt line of the manifest (`<job>.receipts.json`), which lists every receipt beside the file. */
export interface ReceiptManifestEntry {
  /** The voucher's externalId. */
  readonly voucher: string;
  readonly reference: string;
  readonly file: string;
  readonly mimeType: string;
  readonly bytes: number;
  /** Hex SHA-256 of the file's bytes. */
  readonly sha256: string;
}

/**
 * What one export job has staged so far: entries in posting order (keyed by idempotency key, across
 * the job's currency files), the `#OBJEKT` declarations they use, and the receipt manifest read from disk. Vouchers are only written
 * by `commitJob`.
 */
export interface SieJobStage {
  readonly entries: Map<string, StagedEntry>;
  readonly objects: Map<string, SieObject>;
  readonly manifest: ReceiptManifestEntry[];
  /** Vouchers staged so far (used for numbering). */
  voucherCount: number;
}
