import type { AccountingEntry } from '@ledgerport/core';
import type { XeroConfig } from '../config/xero-config';
import type { XeroDocumentKind } from '../links/xero-deep-link';
import { isBankTransactionCandidate } from './to-bank-transaction';
import { isSupplierCredit } from './to-credit-note';

/**
 * Which Xero endpoint an entry goes to, or `undefined` when Xero cannot hold it:
 * - supplier credits (chargeback, refund, cashback under accounts payable: every line a credit) →
 *   `CreditNotes` (ACCPAYCREDIT credit note, plus a refund payment when the money came back);
 * - other supplier invoices → `Invoices` (ACCPAY bill, plus a payment when paid);
 * - entries in a currency other than the organisation's base currency → `BankTransactions` on the
 *   wallet (contra) account, because Xero manual journals have no currency; `undefined` when the entry
 *   has no single contra line (e.g. a foreign-currency out-of-pocket expense);
 * - posted card spend with `cardSpendAs: bank_transaction` → `BankTransactions`;
 * - everything else → `ManualJournals` (DRAFT or POSTED).
 * Deterministic, so `attach` finds the same endpoint again.
 */
export function chooseDocument(
  entry: AccountingEntry,
  config: Pick<XeroConfig, 'cardSpendAs'>,
  baseCurrency: string,
): XeroDocumentKind | undefined {
  if (entry.kind === 'supplier_invoice') return isSupplierCredit(entry) ? 'CreditNotes' : 'Invoices';
  if (entry.currency !== baseCurrency)
    return isBankTransactionCandidate(entry) ? 'BankTransactions' : undefined;
  if (
    config.cardSpendAs === 'bank_transaction' &&
    entry.postingMode === 'posted' &&
    isBankTransactionCandidate(entry)
  ) {
    return 'BankTransactions';
  }
  return 'ManualJournals';
}
