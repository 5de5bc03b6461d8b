import type { Dimension, EntrySide, LineRole, PostingMode } from '@ledgerport/core';

/** One line of a voucher in the in-memory ledger. Amounts are positive integer minor units. */
export interface MemoryLine {
  readonly account: string;
  readonly side: EntrySide;
  readonly amount: number;
  readonly currency: string;
  readonly role: LineRole;
  /** VAT code of the line, when it has one. */
  readonly vatCode: string | undefined;
  readonly dimensions: readonly Dimension[];
}

/** A receipt stored on a voucher; `index` is the entry's file position (uploads are idempotent per index). */
export interface MemoryAttachment {
  readonly index: number;
  readonly fileName: string;
  readonly mimeType: string;
  readonly bytes: Uint8Array;
}

/**
 * A voucher in the in-memory ledger: one per idempotency key (Pleo `accountingEntryId`). A paid
 * supplier invoice keeps its payment lines on the same voucher (`paymentLines`).
 */
export interface MemoryDocument {
  /** Voucher id, e.g. `MEM-000001`; returned as the post's `externalId`. */
  readonly externalId: string;
  readonly idempotencyKey: string;
  readonly kind: 'journal' | 'supplier_invoice';
  /** Draft or posted, from the entry's posting mode. */
  readonly status: PostingMode;
  /** ISO `YYYY-MM-DD`. */
  readonly postingDate: string;
  readonly description: string;
  /** Pleo `accountingEntryId` and `reconciliationId` (book ID). */
  readonly reference: string;
  readonly reconciliationId: string | undefined;
  /** ISO 4217 code. */
  readonly currency: string;
  readonly lines: readonly MemoryLine[];
  readonly paymentLines: readonly MemoryLine[];
  readonly vendorName: string | undefined;
  readonly invoiceNumber: string | undefined;
  /** ISO 8601 date-time the voucher was created (the post's `exportedAt`). */
  readonly createdAt: string;
  readonly attachments: readonly MemoryAttachment[];
}
