import { minorUnitsToDecimal } from '@ledgerport/connector-kit';
import type { AccountingEntry, SupplierInvoiceEntry } from '@ledgerport/core';
import { foldVatLines } from './fold-vat-lines';
import { toLineItem, type XeroTranslationOptions } from './to-bank-transaction';
import { xeroContactOf } from './to-bill';
import type { XeroPayment, XeroSupplierCreditNote } from './xero-documents';

/**
 * Whether an entry is a supplier credit: a supplier-invoice entry (bookkeeping method
 * `accounts_payable`) for a chargeback, refund or cashback, which core maps with every side reversed —
 * after VAT folding ({@link foldVatLines}) every non-payable line is a credit and the payable line a
 * debit. Xero books these as supplier credit notes (`ACCPAYCREDIT`), not bills.
 */
export function isSupplierCredit(entry: AccountingEntry): entry is SupplierInvoiceEntry {
  if (entry.kind !== 'supplier_invoice') return false;
  const folded = foldVatLines(entry.lines).filter((f) => f.line.role !== 'payable');
  return folded.length > 0 && folded.every((f) => f.line.side === 'credit');
}

/**
 * Translates a supplier credit into a Xero supplier credit note (spec `components.schemas.CreditNote`,
 * `Type: ACCPAYCREDIT`, created by `PUT /CreditNotes`), the mirror image of a bill (`toBill`):
 * - `Contact` as for bills (`vendor.externalId` when a ContactID, else the vendor name);
 * - `LineItems` = the credit lines with VAT folded (`LineAmountTypes: Inclusive`, `TaxType` = Pleo
 *   tax code, `TaxAmount` = VAT), unsigned decimals of the entry currency — Xero credits the GL
 *   accounts and the VAT and debits accounts payable itself, so the payable line is not sent;
 * - `CreditNoteNumber` = the supplier's invoice/credit number when Pleo has one, else the Pleo
 *   reference (`accountingEntryId`), because the spec documents `Reference` as ACCRECCREDIT-only;
 * - no `Url`: the spec's CreditNote has no such field (bills and journals carry `entry.pleoUrl`);
 * - `Status` AUTHORISED when posted or refunded into the wallet (Xero records payments only against
 *   authorised credit notes), DRAFT otherwise.
 * Call only when {@link isSupplierCredit} is true.
 */
export function toSupplierCreditNote(
  entry: SupplierInvoiceEntry,
  options: XeroTranslationOptions,
): XeroSupplierCreditNote {
  const folded = foldVatLines(entry.lines).filter((f) => f.line.role !== 'payable');
  return {
    Type: 'ACCPAYCREDIT',
    Contact: xeroContactOf(entry),
    Date: entry.invoiceDate,
    ...(entry.dueDate === undefined ? {} : { DueDate: entry.dueDate }),
    CreditNoteNumber: entry.invoiceNumber ?? entry.reference,
    CurrencyCode: entry.currency,
    Status: entry.postingMode === 'posted' || entry.payment !== undefined ? 'AUTHORISED' : 'DRAFT',
    LineAmountTypes: 'Inclusive',
    LineItems: folded.map((f) => toLineItem(entry, f, options)),
  };
}

/**
 * The refund of a supplier credit note into the Pleo wallet (spec `Payment` with `CreditNote`; Xero
 * records it as an `APCREDITPAYMENT`): account = the payment's `contra` line (the wallet, debited
 * because money came back), amount = that line's amount as a decimal of the entry currency, date =
 * the payment date. `undefined` when the entry has no payment (the credit stays open in Xero, to be
 * allocated to a later bill).
 */
export function toCreditNoteRefund(
  entry: SupplierInvoiceEntry,
  creditNoteId: string,
): XeroPayment | undefined {
  if (entry.payment === undefined) return undefined;
  const lines = entry.payment.lines;
  const wallet = lines.find((l) => l.role === 'contra') ?? lines.find((l) => l.side === 'debit');
  if (wallet === undefined) return undefined;
  return {
    CreditNote: { CreditNoteID: creditNoteId },
    Account: { Code: wallet.account },
    Date: entry.payment.date,
    Amount: minorUnitsToDecimal(wallet.amount, entry.currency),
    Reference: entry.reference,
  };
}
