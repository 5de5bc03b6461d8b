import type { AccountingEntry } from '@ledgerport/core';
import type { XeroConfig } from '../config/xero-config';
import type { XeroDocumentKind } from '../links/xero-deep-link';
import { isBankTransactionCandidate } from './to-bank-transaction';

/**
 * Which Xero endpoint an entry goes to: supplier invoices → `Invoices` (ACCPAY bill, plus a payment);
 * posted card spend with `cardSpendAs: bank_transaction` → `BankTransactions`; everything else →
 * `ManualJournals`. Deterministic, so `attach` finds the same endpoint again.
 */
export function chooseDocument(
  entry: AccountingEntry,
  config: Pick<XeroConfig, 'cardSpendAs'>,
): XeroDocumentKind {
  if (entry.kind === 'supplier_invoice') return 'Invoices';
  if (config.cardSpendAs === 'bank_transaction' && isBankTransactionCandidate(entry))
    return 'BankTransactions';
  return 'ManualJournals';
}
