export { attachToFortnox } from './attachments/attach-to-fortnox';
export { checkReceipt } from './attachments/receipt-checks';
export {
  FORTNOX_TOKEN_PATH,
  type FortnoxTokenRequest,
  requestFortnoxToken,
} from './auth/fortnox-token-client';
export {
  FORTNOX_API_BASE_URL,
  FORTNOX_SECRET_NAMES,
  FORTNOX_TOKEN_BASE_URL,
  FORTNOX_VOUCHER_INBOX_ID,
  type FortnoxConfig,
  fortnoxConfigSchema,
} from './config/fortnox-config';
export {
  createFortnoxConnector,
  type FortnoxConnector,
  type FortnoxConnectorOptions,
  fortnoxConnector,
} from './connector/create-fortnox-connector';
export {
  FORTNOX_MAX_ATTACHMENT_BYTES,
  FORTNOX_MAX_ATTACHMENTS_PER_VOUCHER,
  FORTNOX_RATE_LIMIT_MARGIN_MS,
  FORTNOX_RATE_LIMITS,
  fortnoxManifest,
} from './connector/fortnox-manifest';
export { FORTNOX_HTTP_OVERRIDES, rethrowFortnoxError } from './errors/classify-fortnox-error';
export {
  FORTNOX_ERROR_CODES,
  type FortnoxCodeRow,
  LOCKED_PERIOD_PATTERN,
  NO_FINANCIAL_YEAR_PATTERN,
} from './errors/fortnox-error-codes';
export { type FortnoxErrorInformation, readErrorInformation } from './errors/fortnox-error-information';
export { createFortnoxClient, type FortnoxCallOptions, type FortnoxClient } from './http/fortnox-client';
export { formatExternalId, parseExternalId, type VoucherKey } from './posting/external-id';
export { findVoucher, listVoucherMarkers, type VoucherLookup } from './posting/find-voucher';
export type { FortnoxVoucher, FortnoxVoucherResponse, FortnoxVoucherRow } from './posting/fortnox-voucher';
export { postFortnoxEntry } from './posting/post-fortnox-entry';
export { referenceMarker, type VoucherPart } from './posting/reference-marker';
export {
  assertLedgerCurrency,
  FORTNOX_COMMENTS_MAX,
  FORTNOX_DESCRIPTION_MAX,
  FORTNOX_ROW_TEXT_MAX,
  fortnoxAccountNumber,
  toFortnoxVoucher,
  type VoucherTarget,
} from './posting/to-fortnox-voucher';
export { indexedVoucher, indexVoucherDates, markUncertain, recordVoucher } from './posting/voucher-index';
export {
  FORTNOX_PAGE_LIMIT,
  type FortnoxAccountInfo,
  type FortnoxFinancialYear,
  financialYearFor,
  loadAccounts,
  loadLockedThrough,
  loadVoucherSeries,
} from './reference/fortnox-reference-data';
export { validateFortnoxJob } from './validate/validate-fortnox-job';
