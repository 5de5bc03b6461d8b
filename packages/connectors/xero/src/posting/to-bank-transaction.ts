import { minorUnitsToDecimal } from '@ledgerport/connector-kit';
import type { AccountingEntry, JournalLine } from '@ledgerport/core';
import { type FoldedLine, foldVatLines } from './fold-vat-lines';
import { trackingOf, type XeroTranslationOptions } from './to-manual-journal';

export type { XeroTranslationOptions };

import type { XeroBankTransaction, XeroLineItem } from './xero-documents';

/**
 * Whether an entry can be a Xero bank transaction: a journal entry with exactly one `contra` line (the
 * card / wallet account) and every other line, once VAT is folded ({@link foldVatLines}), on the
 * opposite side.
 */
export function isBankTransactionCandidate(entry: AccountingEntry): boolean {
  if (entry.kind !== 'journal') return false;
  const contra = entry.lines.filter((l) => l.role === 'contra');
  const [only] = contra;
  if (contra.length !== 1 || only === undefined) return false;
  // After VAT folding (reverse-charge halves dropped), every other line must be on the other side.
  return foldVatLines(entry.lines).every((f) => f.line === only || f.line.side !== only.side);
}

/**
 * Translates card spend into a Xero `BankTransaction` (spec `components.schemas.BankTransaction`):
 * `SPEND` when the contra (wallet) line is a credit, `RECEIVE` for refunds and chargebacks;
 * `BankAccount.Code` = the contra line's account (the Pleo wallet as a Xero BANK account in the entry
 * currency); `LineItems` are the other lines with VAT folded per `foldVatLines`
 * (`LineAmountTypes: Inclusive`), unsigned decimals in the entry currency (`CurrencyCode`). Xero bank
 * transactions have no draft state: they are always AUTHORISED.
 * Call only when {@link isBankTransactionCandidate} is true.
 */
export function toBankTransaction(
  entry: AccountingEntry,
  options: XeroTranslationOptions,
): XeroBankTransaction {
  const contra = entry.lines.find((l) => l.role === 'contra') as JournalLine;
  const folded = foldVatLines(entry.lines).filter((f) => f.line !== contra);
  return {
    Type: contra.side === 'credit' ? 'SPEND' : 'RECEIVE',
    BankAccount: { Code: contra.account },
    ...(entry.supplierName === undefined ? {} : { Contact: { Name: entry.supplierName } }),
    Date: entry.postingDate,
    Reference: entry.reference,
    CurrencyCode: entry.currency,
    LineAmountTypes: 'Inclusive',
    ...(entry.pleoUrl === undefined ? {} : { Url: entry.pleoUrl }),
    LineItems: folded.map((f) => toLineItem(entry, f, options)),
  };
}

/** A folded line as an unsigned `LineItem` (quantity 1). */
export function toLineItem(
  entry: AccountingEntry,
  f: FoldedLine,
  options: XeroTranslationOptions,
): XeroLineItem {
  const amount = minorUnitsToDecimal(f.grossAmount, entry.currency);
  const tracking = trackingOf(f.line, f.index, options.trackingCategories);
  return {
    Description: f.line.description ?? entry.description,
    AccountCode: f.line.account,
    Quantity: 1,
    UnitAmount: amount,
    LineAmount: amount,
    TaxType: f.taxType ?? options.noTaxType,
    ...(f.taxAmount === undefined || f.taxType === undefined
      ? {}
      : { TaxAmount: minorUnitsToDecimal(f.taxAmount, entry.currency) }),
    ...(tracking.length === 0 ? {} : { Tracking: tracking }),
  };
}
