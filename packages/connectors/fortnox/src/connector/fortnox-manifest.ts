import type { ConnectorManifest } from '@ledgerport/core';

/** Largest receipt the connector uploads to the Fortnox inbox: 10 MB (conservative; Fortnox documents no lower cap). */
export const FORTNOX_MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024;
/** Files the connector connects to one voucher (Fortnox allows several voucher file connections). */
export const FORTNOX_MAX_ATTACHMENTS_PER_VOUCHER = 10;
/** Fortnox's limit: 25 requests per 5 s per access token, a sliding window (spec `info`, erp-apis.md §3 "Limits"). */
export const FORTNOX_RATE_LIMITS = { requests: 25, windowMs: 5_000 } as const;
/**
 * Wall-clock ms added to Fortnox's 5 s window before a call's token returns (connector-kit's
 * `safetyMarginMs`): the start-to-arrival jitter must not squeeze a 26th arrival into a server window.
 */
export const FORTNOX_RATE_LIMIT_MARGIN_MS = 150;

/**
 * The Fortnox connector's manifest (issue #7): vouchers only (no batch, no idempotency key, so
 * `idempotency: 'lookup'` — a voucher is looked up by its reference marker before every post), receipts
 * through the inbox and voucher file connections, 25 requests / 5 s per token.
 */
export const fortnoxManifest: ConnectorManifest = {
  displayName: 'Fortnox',
  docsUrl: 'https://apps.fortnox.se/apidocs',
  authMode: 'oauth2_authorization_code',
  rateLimits: { ...FORTNOX_RATE_LIMITS, maxConcurrent: 10 },
  attachments: {
    supported: true,
    maxBytes: FORTNOX_MAX_ATTACHMENT_BYTES,
    mimeTypes: ['application/pdf', 'image/png', 'image/jpeg', 'image/gif', 'image/tiff'],
    maxFiles: FORTNOX_MAX_ATTACHMENTS_PER_VOUCHER,
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
  vendorBasedBookkeeping: false,
  idempotency: 'lookup',
  maxConcurrency: 10,
  batchSize: 1,
  delivery: 'per_entry',
};
