import { z } from 'zod';

/** Default Xero Accounting API base URL (spec `servers[0]`). */
export const XERO_API_BASE_URL = 'https://api.xero.com/api.xro/2.0';
/** Default base of `GET /Connections` (identity spec `x-basepath`). */
export const XERO_CONNECTIONS_BASE_URL = 'https://api.xero.com';
/** Default OAuth 2.0 token server (`securitySchemes.OAuth2.flows.authorizationCode.tokenUrl`). */
export const XERO_IDENTITY_BASE_URL = 'https://identity.xero.com';

/**
 * Per-company configuration of the Xero connector (erp-apis.md §1). Secrets are not config: the
 * OAuth client secret is the secret `clientSecret`; for the authorization-code flow the first
 * refresh token is the secret `refreshToken` (rotated tokens then live in `ctx.credentials`).
 */
export const xeroConfigSchema = z.object({
  /**
   * `authorization_code`: OAuth 2.0 with `offline_access` (rotating refresh tokens);
   * `client_credentials`: a Xero Custom Connection (one organisation, no refresh token).
   */
  authMode: z.enum(['authorization_code', 'client_credentials']).default('authorization_code'),
  /** OAuth client id of the Xero app. */
  clientId: z.string().min(1, 'clientId is required: copy it from the Xero app in developer.xero.com'),
  /** Xero organisation to post to (`tenantId` from `GET /Connections`). */
  tenantId: z.uuid({ error: 'tenantId must be a Xero tenant id (a UUID from GET /Connections)' }).optional(),
  /** Alternative to `tenantId`: the organisation's name as listed in `/Connections`. */
  tenantName: z.string().min(1).optional(),
  /**
   * How posted card spend in the base currency is booked: as a manual journal (default), or as a
   * `SPEND`/`RECEIVE` bank transaction on the entry's contra account (the Pleo wallet, a Xero BANK
   * account). Entries in another currency are always bank transactions: Xero manual journals have no
   * currency.
   */
  cardSpendAs: z.enum(['manual_journal', 'bank_transaction']).default('manual_journal'),
  /**
   * Ledgerport dimension (Pleo tag group code, or `TEAM`) → Xero tracking category name. Xero allows at
   * most 2 tracking categories per line; when set, only these dimensions are sent. When empty, every
   * dimension is sent under its own name, and a line with more than 2 fails naming this field.
   */
  trackingCategories: z
    .record(z.string().min(1), z.string().min(1).max(100))
    .refine(
      (m) => Object.keys(m).length <= 2,
      'Xero has at most 2 tracking categories: map at most 2 dimensions',
    )
    .default({}),
  /** TaxType for lines without VAT (contra lines, zero tax). Default `NONE` (UK/AU/NZ "No VAT/GST"). */
  noTaxType: z.string().min(1).default('NONE'),
  apiBaseUrl: z.url().default(XERO_API_BASE_URL),
  connectionsBaseUrl: z.url().default(XERO_CONNECTIONS_BASE_URL),
  identityBaseUrl: z.url().default(XERO_IDENTITY_BASE_URL),
  /** Per-request timeout in ms. */
  timeoutMs: z.number().int().positive().max(300_000).default(30_000),
});

/** Parsed Xero configuration. */
export type XeroConfig = z.output<typeof xeroConfigSchema>;

/** Secret names the connector reads through `ctx.secrets`. */
export const XERO_SECRET_NAMES = { clientSecret: 'clientSecret', refreshToken: 'refreshToken' } as const;
