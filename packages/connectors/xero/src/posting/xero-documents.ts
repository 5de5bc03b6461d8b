/**
 * The parts of Xero's request/response bodies the connector writes and reads, as typed subsets of
 * `components.schemas` in `../shared/specs/xero/xero_accounting.yaml` (ManualJournal, ManualJournalLine,
 * BankTransaction, LineItem, Invoice, CreditNote, Payment, TrackingCategory, ValidationError, Error).
 * Amounts are decimals in the document currency (Xero `x-is-money`).
 */

/** `TrackingCategory` as used on a line: category name + option name. */
export interface XeroTracking {
  readonly Name: string;
  readonly Option: string;
}

/** `LineAmountTypes`. */
export type XeroLineAmountTypes = 'Exclusive' | 'Inclusive' | 'NoTax';

/** `ManualJournalLine`: `LineAmount` is signed, debit positive and credit negative. */
export interface XeroJournalLine {
  readonly LineAmount: number;
  readonly AccountCode: string;
  readonly Description?: string;
  readonly TaxType?: string;
  readonly TaxAmount?: number;
  readonly Tracking?: readonly XeroTracking[];
}

/** `ManualJournal` (request shape). */
export interface XeroManualJournal {
  readonly Narration: string;
  readonly Date: string;
  readonly LineAmountTypes: XeroLineAmountTypes;
  readonly Status: 'DRAFT' | 'POSTED';
  readonly Url?: string;
  readonly JournalLines: readonly XeroJournalLine[];
}

/** `LineItem` of a bank transaction or invoice: `LineAmount` is unsigned. */
export interface XeroLineItem {
  readonly Description: string;
  readonly AccountCode: string;
  readonly Quantity: number;
  readonly UnitAmount: number;
  readonly LineAmount: number;
  readonly TaxType?: string;
  readonly TaxAmount?: number;
  readonly Tracking?: readonly XeroTracking[];
}

/** `BankTransaction` (request shape), `SPEND` for money out, `RECEIVE` for refunds. */
export interface XeroBankTransaction {
  readonly Type: 'SPEND' | 'RECEIVE';
  readonly BankAccount: { readonly Code: string };
  readonly Contact?: { readonly Name: string };
  readonly Date: string;
  readonly Reference: string;
  readonly CurrencyCode: string;
  readonly LineAmountTypes: XeroLineAmountTypes;
  readonly Url?: string;
  readonly LineItems: readonly XeroLineItem[];
}

/** `Invoice` of `Type: ACCPAY` (a bill). */
export interface XeroBill {
  readonly Type: 'ACCPAY';
  readonly Contact: XeroContactRef;
  readonly Date: string;
  readonly DueDate?: string;
  readonly InvoiceNumber?: string;
  readonly Reference: string;
  readonly CurrencyCode: string;
  readonly Status: 'DRAFT' | 'AUTHORISED';
  readonly LineAmountTypes: XeroLineAmountTypes;
  readonly Url?: string;
  readonly LineItems: readonly XeroLineItem[];
}

/** `Contact` of a bill or credit note: by `ContactID` when known, else by name (Xero matches or creates it). */
export type XeroContactRef = { readonly Name: string } | { readonly ContactID: string };

/**
 * `CreditNote` of `Type: ACCPAYCREDIT` (a supplier credit note). The spec's CreditNote has no `Url`
 * and documents `Reference` as ACCRECCREDIT-only, so the Pleo reference goes into `CreditNoteNumber`.
 */
export interface XeroSupplierCreditNote {
  readonly Type: 'ACCPAYCREDIT';
  readonly Contact: XeroContactRef;
  readonly Date: string;
  readonly DueDate?: string;
  readonly CreditNoteNumber: string;
  readonly CurrencyCode: string;
  readonly Status: 'DRAFT' | 'AUTHORISED';
  readonly LineAmountTypes: XeroLineAmountTypes;
  readonly LineItems: readonly XeroLineItem[];
}

/**
 * `Payment` from (bill) or into (supplier credit note refund) the Pleo wallet account: exactly one of
 * `Invoice` / `CreditNote` is set.
 */
export interface XeroPayment {
  readonly Invoice?: { readonly InvoiceID: string };
  readonly CreditNote?: { readonly CreditNoteID: string };
  readonly Account: { readonly Code: string };
  readonly Date: string;
  readonly Amount: number;
  readonly Reference: string;
}

/** `ValidationError`. */
export interface XeroValidationError {
  readonly Message?: string;
}

/** One element of a `PUT` response with `summarizeErrors=false`. */
export interface XeroResponseElement {
  readonly ManualJournalID?: string;
  readonly BankTransactionID?: string;
  readonly InvoiceID?: string;
  readonly CreditNoteID?: string;
  readonly PaymentID?: string;
  readonly StatusAttributeString?: string;
  readonly ValidationErrors?: readonly XeroValidationError[];
}

/** `Error` (the `400Error` response): `ValidationException` with per-element errors. */
export interface XeroErrorBody {
  readonly ErrorNumber?: number;
  readonly Type?: string;
  readonly Message?: string;
  readonly Elements?: readonly { readonly ValidationErrors?: readonly XeroValidationError[] }[];
}
