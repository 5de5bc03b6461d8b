import type { Dimension, EntrySide, LineRole, PostingMode } from '@ledgerport/core';

/** One line of a voucher in the in-memory ledger. Amounts are positive integer minor units. */
export interface MemoryLine {
  /** GL account code. */
  readonly account: string;
  /** Debit or credit. */
  readonly side: EntrySide;
  /** Positive integer, minor units of `currency`. */
  readonly amount: number;
  /** ISO 4217 code. */
  readonly currency: string;
  /** What the line stands for (core's `LineRole`). */
  readonly role: LineRole;
  /** VAT code of the line, when it has one. */
  readonly vatCode: string | undefined;
  /** Dimension values (cost centre, project, team…). */
  readonly dimensions: readonly Dimension[];
}

/** A receipt stored on a voucher; `index` is the entry's file position (uploads are idempotent per index). */
export interface MemoryAttachment {
  /** 0-based position in the entry's `files[]`. */
  readonly index: number;
  /** File name as uploaded, e.g. `receipt-1.pdf`. */
  readonly fileName: string;
  /** MIME type, e.g. `application/pdf`. */
  readonly mimeType: string;
  /** The file's content; at most `MEMORY_MAX_ATTACHMENT_BYTES` bytes. */
  readonly bytes: Uint8Array;
}

/**
 * A voucher in the in-memory ledger: one per idempotency key (Pleo `accountingEntryId`). A paid
 * supplier invoice keeps its payment lines on the same voucher (`paymentLines`).
 */
export interface MemoryDocument {
  /** Voucher id, e.g. `MEM-000001`; returned as the post's `externalId`. */
  readonly externalId: string;
  /** The entry's idempotency key (Pleo `accountingEntryId`). */
  readonly idempotencyKey: string;
  /** The entry's kind: a journal entry or a supplier invoice. */
  readonly kind: 'journal' | 'supplier_invoice';
  /** Draft or posted, from the entry's posting mode. */
  readonly status: PostingMode;
  /** ISO `YYYY-MM-DD`. */
  readonly postingDate: string;
  /** The entry's description (supplier, user, note). */
  readonly description: string;
  /** External reference: the entry's `reference` (Pleo `accountingEntryId`). */
  readonly reference: string;
  /** Pleo `reconciliationId` (book ID), when present. */
  readonly reconciliationId: string | undefined;
  /** ISO 4217 code. */
  readonly currency: string;
  /** The balanced lines (for a supplier invoice: the invoice itself). */
  readonly lines: readonly MemoryLine[];
  /** A paid supplier invoice's payment lines; empty otherwise. */
  readonly paymentLines: readonly MemoryLine[];
  /** The vendor's name, when the entry has a vendor. */
  readonly vendorName: string | undefined;
  /** Supplier invoice number, when known. */
  readonly invoiceNumber: string | undefined;
  /** ISO 8601 date-time the voucher was created (the post's `exportedAt`). */
  readonly createdAt: string;
  /** Receipts attached to the voucher, by `index`. */
  readonly attachments: readonly MemoryAttachment[];
}
