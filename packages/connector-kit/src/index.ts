export {
  type ClassifyHttpErrorOptions,
  classifyHttpError,
  describeHttpFailure,
  type HttpFailure,
  type RethrowHttpErrorOptions,
  rethrowHttpError,
} from './errors/classify-http-error';
export {
  DEFAULT_HTTP_REASON_TABLE,
  type HttpFailureKey,
  type HttpReasonOverrides,
  type HttpReasonRow,
} from './errors/http-reason-table';
export { parseRetryAfter } from './errors/parse-retry-after';
export { createErpFetch, DEFAULT_ERP_TIMEOUT_MS, type ErpFetchOptions } from './http/create-erp-fetch';
export { createNodeHttpFetch, type NodeHttpFetchOptions } from './http/create-node-http-fetch';
export {
  currencyExponent,
  decimalToMinorUnits,
  formatMinorUnits,
  minorUnitsToDecimal,
} from './money/decimal-amount';
export {
  createOAuthSession,
  type OAuthSession,
  type OAuthSessionOptions,
  type OAuthTokens,
} from './oauth/create-oauth-session';
export {
  createTenantRateLimiter,
  type TenantRateLimiter,
  type TenantRateLimiterOptions,
  type TenantRateLimiterStats,
} from './rate-limit/create-tenant-rate-limiter';
export {
  describeRequestForLog,
  type HeadersLike,
  redactForLog,
  redactHeaders,
  redactUrl,
} from './redaction/redact-http';
