/**
 * The normalized accounting entry every connector receives: Pleo's `ExportItemV3` after core applied
 * Pleo's bookkeeping rules (pleo-export-api.md §4 and §6). Lines always balance: Σ debit = Σ credit in
 * the entry's currency. Connectors translate these; they never re-derive tax, contra accounts or sides.
 */
import type {
  BookkeepingMethod,
  ExportItemFile,
  ExportItemSubType,
  ExportItemType,
  ExportItemV3,
} from '@ledgerport/pleo';

/** Debit or credit side of a ledger line. */
export type EntrySide = 'debit' | 'credit';

/** Draft (unapproved, saved) or posted (approved, committed) in the ERP. Default: draft (Pleo: "if unknown default to draft"). */
export type PostingMode = 'draft' | 'posted';

/**
 * What a line stands for, so connectors that model VAT or payables specially (Xero's TaxType, DATEV's
 * BU-Schlüssel) can recognise it without re-deriving it:
 * - `expense`: the GL account of a Pleo line (`accountingEntryLines[].account`), net of VAT where VAT is split out;
 * - `contra`: the wallet / bank / employee account on the other side (`contraAccount` or configured fallback);
 * - `input_vat`: deductible VAT (inclusive/exclusive tax, and the deductible half of reverse charge);
 * - `output_vat`: the self-assessed VAT of a reverse-charge purchase (cancels the input half);
 * - `payable`: the accounts-payable (vendor) account of a supplier invoice or its payment.
 */
export type LineRole = 'expense' | 'contra' | 'input_vat' | 'output_vat' | 'payable';

/** A dimension value (cost centre, project, department…) from a Pleo tag (`groupCode` → `code`) or the team. */
export interface Dimension {
  /** Dimension name: the tag's `groupCode`, or the configured team dimension (default `TEAM`), or a mapped name. */
  readonly dimension: string;
  /** Dimension value code: the tag's `code`, or the team's `code`. */
  readonly value: string;
  /** Human-readable name when Pleo sends one. */
  readonly name?: string | undefined;
}

/** The VAT treatment of a line, copied from Pleo's `tax` on the source line. */
export interface LineTax {
  /** Pleo tax code (`tax.code`), which is the ERP's VAT code (e.g. Xero `INPUT2`). */
  readonly code: string | null;
  /** Rate as a decimal fraction (0.25 = 25 %), as Pleo sends it. */
  readonly rate: number;
  /** Pleo `TaxTypeV3`: VAT included in, added to, or reverse-charged on the net amount (pleo-export-api.md §4). */
  readonly type: 'inclusive' | 'exclusive' | 'reverse';
  /** VAT amount, integer minor units of the entry currency. */
  readonly amount: number;
}

/** One ledger line. Amounts are positive integers in minor units; the side says debit or credit. */
export interface JournalLine {
  /** ERP GL account code (Pleo `account.code`, `contraAccount.code`, or a configured account). */
  readonly account: string;
  /** ERP-internal account identifier when Pleo has one (`account.identifier`). */
  readonly accountIdentifier?: string | undefined;
  /** Debit or credit; derived by core from the item type, never from the amount's sign. */
  readonly side: EntrySide;
  /** Positive integer, minor units of {@link JournalLine.currency} (e.g. 12500 = 125.00 SEK; JPY has 0 decimals). */
  readonly amount: number;
  /** ISO 4217 code; always the entry currency (Pleo wallet currency). */
  readonly currency: string;
  /** What the line stands for (see {@link LineRole}). */
  readonly role: LineRole;
  /** Line text: the entry's {@link AccountingEntryBase.description} on expense lines; `undefined` when empty. */
  readonly description?: string | undefined;
  /** On `expense` lines: the VAT treatment; on VAT lines: the VAT code they belong to. */
  readonly tax?: LineTax | undefined;
  /** Dimension values of the line (tags, team); empty when none. */
  readonly dimensions: readonly Dimension[];
  /** The amount in the supplier's currency, when it differs from the wallet currency (informational). */
  readonly supplierAmount?: { readonly amount: number; readonly currency: string } | undefined;
  /** `accountingEntryLineId` of the Pleo line this came from. */
  readonly sourceLineId?: string | undefined;
}

/** Counterparty of a supplier invoice (Pleo `vendor`, or the legacy `supplier`). */
export interface EntryVendor {
  /** `vendor.name`, else `supplier.name`, else `supplier.code`; never empty. */
  readonly name: string;
  /** `vendor.code` / `supplier.code`. */
  readonly code?: string | undefined;
  /** The vendor's id in the ERP: `vendor.externalId`, or legacy `supplier.account`. */
  readonly externalId?: string | undefined;
  /** ISO 3166-1 alpha-2 country code. */
  readonly country?: string | undefined;
  /** VAT / tax registration number (`vendor.taxRegistrationNumber`, legacy `supplier.taxIdentifier`). */
  readonly taxRegistrationNumber?: string | undefined;
}

/** Fields every accounting entry has. */
export interface AccountingEntryBase {
  /** Key connectors use to make posting idempotent: Pleo `accountingEntryId`. */
  readonly idempotencyKey: string;
  /** Pleo's `accountingEntryId` (UUID) of the export item. */
  readonly accountingEntryId: string;
  /** Pleo's "book ID" (`additionalInformation.reconciliationId`), the external reference. */
  readonly reconciliationId: string | undefined;
  /** Pleo `ExportItemTypeV3` (`card_purchase`, `invoice`, `refund`, …). */
  readonly type: ExportItemType;
  /** Pleo `ExportItemSubTypeV3`, or `null`. */
  readonly subType: ExportItemSubType | null;
  /** Pleo `bookkeeping.method`, or `null` for legacy items (treated as `journal`; pleo-export-api.md §6). */
  readonly bookkeepingMethod: BookkeepingMethod | null;
  /** Transaction date, ISO 8601 calendar date (`YYYY-MM-DD`, UTC) from `item.date`. */
  readonly date: string;
  /** Date to book on (ISO `YYYY-MM-DD`): the transaction date, or the next open period's first day when shifted. */
  readonly postingDate: string;
  /** Description per Pleo's data-mapping guidance: supplier, user, note. */
  readonly description: string;
  /** External reference: `accountingEntryId` (with `reconciliationId` alongside). */
  readonly reference: string;
  /** Entry currency: the Pleo wallet currency (ISO 4217). */
  readonly currency: string;
  /** Gross amount of the entry in minor units (= `amount.inWalletCurrency.value`, unsigned). */
  readonly grossAmount: number;
  /** Balanced lines. */
  readonly lines: readonly JournalLine[];
  /** Pleo `supplier.name` (the merchant), when not empty. */
  readonly supplierName: string | undefined;
  /** Pleo `user.name` (the employee), when not empty. */
  readonly userName: string | undefined;
  /** Pleo `note`, when not empty. */
  readonly note: string | undefined;
  /** The counterparty (see {@link EntryVendor}), when Pleo identifies one. */
  readonly vendor: EntryVendor | undefined;
  /** Receipts to attach, in upload order. URLs expire 24 h after the item was fetched. */
  readonly files: readonly ExportItemFile[];
  /** Draft or posted, from `MapOptions.postingMode` (default `draft`). */
  readonly postingMode: PostingMode;
  /** Deep link back to the expense in Pleo's web app (`_links.web.exportItem`), when present. */
  readonly pleoUrl: string | undefined;
  /** The raw Pleo item: an escape hatch, not to be used to re-derive accounting rules. */
  readonly source: ExportItemV3;
}

/**
 * A journal entry: bookkeeping method `journal`, `none` or legacy null; wallet top-ups/unloads under any
 * method; and, under `accounts_payable`, the settlement of a payable booked earlier (`invoice_payment`,
 * `direct_reimbursement`, `external_reimbursement`: debit payable, credit contra, with `vendor` set).
 */
export interface JournalEntry extends AccountingEntryBase {
  /** Discriminant of {@link AccountingEntry}. */
  readonly kind: 'journal';
}

/**
 * A supplier invoice (bookkeeping method `accounts_payable`): `lines` are the invoice (debit expense and
 * VAT, credit the payable account); `payment`, when Pleo already paid it, settles it (debit payable,
 * credit contra). Each balances on its own.
 */
export interface SupplierInvoiceEntry extends AccountingEntryBase {
  /** Discriminant of {@link AccountingEntry}. */
  readonly kind: 'supplier_invoice';
  /** The vendor (required for accounts payable). */
  readonly vendor: EntryVendor;
  /** `additionalInformation.invoiceInformation.invoiceNumber`, when not empty. */
  readonly invoiceNumber: string | undefined;
  /** Invoice date, ISO `YYYY-MM-DD` (`invoiceInformation.invoiceDate`, else the transaction date). */
  readonly invoiceDate: string;
  /** Due date, ISO `YYYY-MM-DD`, when Pleo has one. */
  readonly dueDate: string | undefined;
  /**
   * The payment Pleo already made, when the item moved wallet money: `date` is the entry's
   * `postingDate` (ISO `YYYY-MM-DD`); `lines` debit the payable and credit the contra account.
   */
  readonly payment: { readonly date: string; readonly lines: readonly JournalLine[] } | undefined;
}

/** What core hands a connector's `postEntry`. */
export type AccountingEntry = JournalEntry | SupplierInvoiceEntry;
