/** Which Xero document a deep link opens. */
export type XeroDocumentKind = 'ManualJournals' | 'BankTransactions' | 'Invoices' | 'CreditNotes';

/**
 * A go.xero.com deep link to a document, built from `Organisation.ShortCode` (developer.xero.com
 * deep-link guide, erp-apis.md §1 "External id and URL"): bank transactions
 * `/Bank/ViewTransaction.aspx?bankTransactionID=`, bills `/AccountsPayable/Edit.aspx?InvoiceID=`,
 * manual journals `/Journal/View.aspx?invoiceID=` (not in Xero's documented list: [mem]), supplier
 * credit notes `/AccountsPayable/ViewCreditNote.aspx?creditNoteID=` (not in erp-apis.md nor the spec: [mem]).
 */
export function xeroDeepLink(shortCode: string, kind: XeroDocumentKind, id: string): string {
  const target =
    kind === 'BankTransactions'
      ? `/Bank/ViewTransaction.aspx?bankTransactionID=${id}`
      : kind === 'Invoices'
        ? `/AccountsPayable/Edit.aspx?InvoiceID=${id}`
        : kind === 'CreditNotes'
          ? `/AccountsPayable/ViewCreditNote.aspx?creditNoteID=${id}`
          : `/Journal/View.aspx?invoiceID=${id}`;
  return `https://go.xero.com/organisationlogin/default.aspx?shortcode=${encodeURIComponent(shortCode)}&redirecturl=${target}`;
}
