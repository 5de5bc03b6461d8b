export { attachToXero } from './attachments/attach-to-xero';
export { requestXeroToken, type XeroTokenRequest } from './auth/xero-token-client';
export {
  XERO_API_BASE_URL,
  XERO_CONNECTIONS_BASE_URL,
  XERO_IDENTITY_BASE_URL,
  XERO_SECRET_NAMES,
  type XeroConfig,
  xeroConfigSchema,
} from './config/xero-config';
export {
  createXeroConnector,
  type XeroConnector,
  type XeroConnectorOptions,
  xeroConnector,
} from './connector/create-xero-connector';
export {
  XERO_BATCH_SIZE,
  XERO_MAX_ATTACHMENT_BYTES,
  XERO_MAX_ATTACHMENTS_PER_RECORD,
  XERO_RATE_LIMIT_MARGIN_MS,
  xeroManifest,
} from './connector/xero-manifest';
export { rethrowXeroError, XERO_HTTP_OVERRIDES } from './errors/classify-xero-error';
export { itemErrorFromValidation, reasonForXeroMessage } from './errors/xero-validation-reason';
export {
  createXeroClient,
  XERO_TENANT_KEY_PREFIX,
  type XeroCallOptions,
  type XeroClient,
} from './http/xero-client';
export { type XeroDocumentKind, xeroDeepLink } from './links/xero-deep-link';
export { chooseDocument } from './posting/choose-document';
export { type FoldedLine, foldVatLines, signedSum } from './posting/fold-vat-lines';
export { idempotencyKeyFor, XERO_IDEMPOTENCY_KEY_MAX } from './posting/idempotency-key';
export { postXeroEntries } from './posting/post-xero-entries';
export { isBankTransactionCandidate, toBankTransaction, toLineItem } from './posting/to-bank-transaction';
export { toBill, toBillPayment } from './posting/to-bill';
export {
  narrationOf,
  toManualJournal,
  trackingOf,
  XERO_MAX_TRACKING_PER_LINE,
  type XeroTranslationOptions,
} from './posting/to-manual-journal';
export type * from './posting/xero-documents';
export { parseXeroDate, toXeroMsDate } from './reference/xero-date';
export {
  findContactNames,
  loadAccounts,
  loadOrganisation,
  loadTaxRates,
  type XeroAccountInfo,
  type XeroOrganisation,
  type XeroTaxRateInfo,
} from './reference/xero-reference-data';
export { validateXeroJob } from './validate/validate-xero-job';
