/** Which Xero document a deep link opens. */
export type XeroDocumentKind = 'ManualJournals' | 'BankTransactions' | 'Invoices';

/**
 * A go.xero.com deep link to a document, built from `Organisation.ShortCode` (developer.xero.com
 * deep-link guide, erp-apis.md §1 "External id and URL"): bank transactions
 * `/Bank/ViewTransaction.aspx?bankTransactionID=`, bills `/AccountsPayable/Edit.aspx?InvoiceID=`,
 * manual journals `/Journal/View.aspx?invoiceID=` (the latter is not in Xero's documented list: [mem]).
 */
export function xeroDeepLink(shortCode: string, kind: XeroDocumentKind, id: string): string {
  const target =
    kind === 'BankTransactions'
      ? `/Bank/ViewTransaction.aspx?bankTransactionID=${id}`
      : kind === 'Invoices'
        ? `/AccountsPayable/Edit.aspx?InvoiceID=${id}`
        : `/Journal/View.aspx?invoiceID=${id}`;
  return `https://go.xero.com/organisationlogin/default.aspx?shortcode=${encodeURIComponent(shortCode)}&redirecturl=${target}`;
}
