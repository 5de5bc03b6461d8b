import { minorUnitsToDecimal } from '@ledgerport/connector-kit';
import { ItemError, type SupplierInvoiceEntry } from '@ledgerport/core';
import { foldVatLines } from './fold-vat-lines';
import { toLineItem, type XeroTranslationOptions } from './to-bank-transaction';
import type { XeroBill, XeroContactRef, XeroPayment } from './xero-documents';

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Translates a supplier invoice into a Xero bill (`Invoice` with `Type: ACCPAY`): the contact by
 * `vendor.externalId` when it is a Xero ContactID, else by name; lines = the invoice's debit lines
 * (VAT folded, `LineAmountTypes: Inclusive`); the payable line is Xero's own (accounts payable), so it
 * is not sent. `Status` AUTHORISED when posted or already paid by Pleo (Xero only pays AUTHORISED bills,
 * so a paid bill cannot stay a draft), DRAFT otherwise.
 * Supplier credits (every line a credit) are credit notes instead: see `toSupplierCreditNote`.
 * @throws ItemError(`validation_failure`) when an invoice line is a credit (Xero bills cannot hold one).
 */
export function toBill(entry: SupplierInvoiceEntry, options: XeroTranslationOptions): XeroBill {
  const folded = foldVatLines(entry.lines).filter((f) => f.line.role !== 'payable');
  const credit = folded.find((f) => f.line.side === 'credit');
  if (credit !== undefined) {
    throw new ItemError(
      'validation_failure',
      'A Xero bill cannot hold a credit line, and this supplier invoice mixes debit and credit lines, so it is neither a bill nor a supplier credit note: book it as a journal.',
      {
        field: `lines[${credit.index}].side`,
      },
    );
  }
  return {
    Type: 'ACCPAY',
    Contact: xeroContactOf(entry),
    Date: entry.invoiceDate,
    ...(entry.dueDate === undefined ? {} : { DueDate: entry.dueDate }),
    ...(entry.invoiceNumber === undefined ? {} : { InvoiceNumber: entry.invoiceNumber }),
    Reference: entry.reference,
    CurrencyCode: entry.currency,
    Status: entry.postingMode === 'posted' || entry.payment !== undefined ? 'AUTHORISED' : 'DRAFT',
    LineAmountTypes: 'Inclusive',
    ...(entry.pleoUrl === undefined ? {} : { Url: entry.pleoUrl }),
    LineItems: folded.map((f) => toLineItem(entry, f, options)),
  };
}

/**
 * The Xero contact of a supplier invoice or credit: `{ ContactID }` when `vendor.externalId` is a Xero
 * ContactID (GUID), else `{ Name: vendor.name }` (Xero matches the contact by name or creates it).
 */
export function xeroContactOf(entry: SupplierInvoiceEntry): XeroContactRef {
  const externalId = entry.vendor.externalId;
  return externalId !== undefined && GUID.test(externalId)
    ? { ContactID: externalId }
    : { Name: entry.vendor.name };
}

/**
 * The payment settling a bill from the Pleo wallet (`Payment`): account = the payment's credit (contra)
 * line, amount = the gross. `undefined` when Pleo has not paid it.
 */
export function toBillPayment(entry: SupplierInvoiceEntry, invoiceId: string): XeroPayment | undefined {
  if (entry.payment === undefined) return undefined;
  const contra = entry.payment.lines.find((l) => l.side === 'credit');
  if (contra === undefined) return undefined;
  return {
    Invoice: { InvoiceID: invoiceId },
    Account: { Code: contra.account },
    Date: entry.payment.date,
    Amount: minorUnitsToDecimal(contra.amount, entry.currency),
    Reference: entry.reference,
  };
}
