import type { FileJobStage, ReceiptManifestEntry as FileReceiptManifestEntry } from '@ledgerport/file-kit';
import type { DatevBooking } from '../booking/datev-booking';

/** The manifest field naming a receipt's bookings: their Belegfeld 1. */
export interface DatevReceiptOwner {
  /** Belegfeld 1 of the bookings the receipt belongs to. */
  readonly belegfeld1: string;
}

/** Receipt line of the manifest (`<job>.receipts.json`). */
export type ReceiptManifestEntry = FileReceiptManifestEntry<DatevReceiptOwner>;

/**
 * What one export job has staged so far: entries keyed by Belegfeld 1 (the entry reference = the
 * externalId) in posting order, their bookings, and the receipts already on disk. DATEV keeps no
 * other per-job state.
 */
export type DatevJobStage = FileJobStage<DatevBooking, undefined, DatevReceiptOwner>;
