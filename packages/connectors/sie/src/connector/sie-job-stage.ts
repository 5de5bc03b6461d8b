import type { FileJobStage, ReceiptManifestEntry as FileReceiptManifestEntry } from '@ledgerport/file-kit';
import type { SieObject, SieVoucher } from '../document/sie-document';

/** One staged SIE voucher and the wallet currency that selects its file (`<job>.si` or `<job>-<CUR>.si`). */
export interface SieStagedVoucher {
  readonly currency: string;
  readonly voucher: SieVoucher;
}

/** SIE's per-job state beside the staged entries: the `#OBJEKT` declarations used and the voucher count. */
export interface SieStageState {
  readonly objects: Map<string, SieObject>;
  /** Vouchers staged so far (used for numbering). */
  voucherCount: number;
}

/** The manifest fields naming a receipt's voucher: its externalId and the entry reference (idempotency key). */
export interface SieReceiptOwner {
  /** The voucher's externalId. */
  readonly voucher: string;
  readonly reference: string;
}

/** Receipt line of the manifest (`<job>.receipts.json`), which lists every receipt beside the file. */
export type ReceiptManifestEntry = FileReceiptManifestEntry<SieReceiptOwner>;

/**
 * What one export job has staged so far: entries in posting order (keyed by idempotency key, across
 * the job's currency files), the `#OBJEKT` declarations they use, and the receipt manifest read from
 * disk. Vouchers are only written by `commitJob`.
 */
export type SieJobStage = FileJobStage<SieStagedVoucher, SieStageState, SieReceiptOwner>;
