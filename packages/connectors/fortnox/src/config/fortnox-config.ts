import { z } from 'zod';

/** Default Fortnox REST API base URL (spec `servers[0]`, erp-apis.md §3). */
export const FORTNOX_API_BASE_URL = 'https://api.fortnox.se';
/** Default Fortnox OAuth 2.0 server; the token endpoint is `{base}/oauth-v1/token` (erp-apis.md §3 "Auth"). */
export const FORTNOX_TOKEN_BASE_URL = 'https://apps.fortnox.se';
/** Voucher-inbox folder id Fortnox uses (`GET /3/inbox` lists it; erp-apis.md §3 marks the id [mem]). */
export const FORTNOX_VOUCHER_INBOX_ID = 'inbox_v';

/**
 * Per-company configuration of the Fortnox connector (erp-apis.md §3). Secrets are not config: the
 * OAuth client secret is the secret `clientSecret`; for the authorization-code flow the first refresh
 * token is the secret `refreshToken` (rotated tokens then live in `ctx.credentials`).
 *
 * Every issue names its field and the fix, e.g. `voucherSeries: voucherSeries must be 1–10 characters`.
 */
export const fortnoxConfigSchema = z
  .object({
    /**
     * `authorization_code`: OAuth 2.0 with rotating refresh tokens (Fortnox rotates on every refresh);
     * `client_credentials`: a Fortnox service account, which needs the customer's `tenantId`.
     */
    authMode: z.enum(['authorization_code', 'client_credentials']).default('authorization_code'),
    /** OAuth client id of the Fortnox app (Fortnox Developer Portal). */
    clientId: z
      .string({ error: 'clientId is required: copy it from your app in the Fortnox Developer Portal' })
      .min(1, 'clientId is required: copy it from your app in the Fortnox Developer Portal'),
    /**
     * The customer's Fortnox TenantId (JWT claim `tenantId`, the consent webhook, or `DatabaseNumber` of
     * `/3/companyinformation`); required for `client_credentials`.
     */
    tenantId: z
      .string()
      .regex(/^\d{1,20}$/, 'tenantId must be the numeric Fortnox TenantId (DatabaseNumber)')
      .optional(),
    /** Voucher series the vouchers are booked in (`VoucherSeries.Code`, 1–10 characters). Default `A`. */
    voucherSeries: z
      .string()
      .min(1, 'voucherSeries must be 1–10 characters, e.g. "A"')
      .max(10, 'voucherSeries must be 1–10 characters, e.g. "A"')
      .default('A'),
    /**
     * The company's accounting currency (Fortnox vouchers carry no currency: every amount is in it).
     * Entries in another wallet currency are refused. Default `SEK`.
     */
    currency: z
      .string()
      .regex(/^[A-Z]{3}$/, 'currency must be an ISO 4217 code such as "SEK"')
      .default('SEK'),
    /** Entry dimension (Pleo tag group) whose value becomes the row's `CostCenter`. Default `COSTCENTER`. */
    costCenterDimension: z.string().min(1).default('COSTCENTER'),
    /** Entry dimension whose value becomes the row's `Project`. Default `PROJECT`. */
    projectDimension: z.string().min(1).default('PROJECT'),
    /** Inbox folder receipts are uploaded to before being connected to the voucher. Default `inbox_v`. */
    inboxFolderId: z.string().min(1).default(FORTNOX_VOUCHER_INBOX_ID),
    apiBaseUrl: z.url({ error: 'apiBaseUrl must be an absolute http(s) URL' }).default(FORTNOX_API_BASE_URL),
    tokenBaseUrl: z
      .url({ error: 'tokenBaseUrl must be an absolute http(s) URL' })
      .default(FORTNOX_TOKEN_BASE_URL),
    /** Per-request timeout in ms. Default 30 000. */
    timeoutMs: z
      .number({ error: 'timeoutMs must be a number of milliseconds' })
      .int()
      .positive()
      .max(300_000)
      .default(30_000),
  })
  .refine((c) => c.authMode !== 'client_credentials' || c.tenantId !== undefined, {
    path: ['tenantId'],
    message:
      'tenantId is required when authMode is "client_credentials": set it to the customer\'s Fortnox TenantId',
  });

/** Parsed Fortnox configuration. */
export type FortnoxConfig = z.output<typeof fortnoxConfigSchema>;

/** Secret names the connector reads through `ctx.secrets`. */
export const FORTNOX_SECRET_NAMES = { clientSecret: 'clientSecret', refreshToken: 'refreshToken' } as const;
