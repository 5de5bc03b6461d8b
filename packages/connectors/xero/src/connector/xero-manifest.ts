import type { ConnectorManifest } from '@ledgerport/core';

/** Largest attachment Xero accepts: 10 MB (erp-apis.md §1 "Attachments"). */
export const XERO_MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024;
/** Most attachments per Xero record (erp-apis.md §1 "Attachments"). */
export const XERO_MAX_ATTACHMENTS_PER_RECORD = 10;
/** Elements per PUT (Xero's advice: about 50 per request). */
export const XERO_BATCH_SIZE = 50;
/**
 * Wall-clock ms added to Xero's (scaled) 60 s window before a call's start leaves it (connector-kit's
 * `safetyMarginMs`, never scaled): the limiter counts starts, Xero counts arrivals, so the margin covers
 * the spread of start-to-arrival delays (a 429 beyond it pauses the tenant and core retries the batch).
 */
export const XERO_RATE_LIMIT_MARGIN_MS = 100;

/**
 * The Xero connector's manifest: per-tenant limits of 60 calls/min, 5 concurrent and 5,000/day
 * (developer.xero.com/faq/limits, erp-apis.md §1 "Limits"), native `Idempotency-Key`, batches of 50.
 */
export const xeroManifest: ConnectorManifest = {
  displayName: 'Xero',
  docsUrl: 'https://developer.xero.com/documentation/api/accounting/overview',
  authMode: 'oauth2_authorization_code',
  rateLimits: { requests: 60, windowMs: 60_000, maxConcurrent: 5, perDay: 5_000 },
  attachments: {
    supported: true,
    maxBytes: XERO_MAX_ATTACHMENT_BYTES,
    mimeTypes: ['application/pdf', 'image/png', 'image/jpeg', 'image/gif', 'image/tiff', 'image/webp'],
    maxFiles: XERO_MAX_ATTACHMENTS_PER_RECORD,
    singleFileOnly: false,
  },
  entryTypes: [
    'card_purchase',
    'card_invoice',
    'out_of_pocket',
    'mileage',
    'per_diem',
    'external_reimbursement',
    'direct_reimbursement',
    'invoice',
    'invoice_payment',
    'chargeback',
    'refund',
    'cashback',
    'atm_withdrawal',
    'wallet_topup',
    'wallet_unload',
    'personal_spend',
    'fee',
  ],
  bookkeepingMethods: ['journal', 'accounts_payable', 'none'],
  vendorBasedBookkeeping: true,
  idempotency: 'native',
  maxConcurrency: 10,
  batchSize: XERO_BATCH_SIZE,
  delivery: 'per_entry',
};
