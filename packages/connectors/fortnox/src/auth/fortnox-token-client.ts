import { classifyHttpError, createErpFetch, type OAuthTokens } from '@ledgerport/connector-kit';
import { ItemError } from '@ledgerport/core';

/** Token endpoint answer (RFC 6749 §5.1; Fortnox: `expires_in` 3600, rotating `refresh_token`). */
interface TokenBody {
  readonly access_token?: string;
  readonly refresh_token?: string;
  readonly expires_in?: number;
}

/** Path of Fortnox's token endpoint under `tokenBaseUrl` (erp-apis.md §3 "Auth"). */
export const FORTNOX_TOKEN_PATH = '/oauth-v1/token';

/** Options of {@link requestFortnoxToken}. */
export interface FortnoxTokenRequest {
  readonly tokenBaseUrl: string;
  readonly clientId: string;
  readonly clientSecret: string;
  /** `refresh_token`: rotate `refreshToken`; `client_credentials`: a service-account token for `tenantId`. */
  readonly grant: 'refresh_token' | 'client_credentials';
  readonly refreshToken: string | undefined;
  /** The customer's TenantId, sent as the `TenantId` header with `client_credentials`. */
  readonly tenantId: string | undefined;
  readonly signal: AbortSignal;
  readonly timeoutMs: number;
}

/**
 * `POST {tokenBaseUrl}/oauth-v1/token` with `Authorization: Basic base64(clientId:clientSecret)` and a
 * form-encoded body (erp-apis.md §3 "Auth"): `grant_type=refresh_token&refresh_token=…` (the refresh
 * token rotates: persist the returned one), or `grant_type=client_credentials` with the `TenantId`
 * header for a service account (no refresh token involved).
 * @returns the access token, the rotated refresh token (if any) and `expires_in` seconds.
 * @throws ItemError(`accounting_system_authentication_failure`) when Fortnox refuses the grant (400/401:
 *   revoked, expired or already-used refresh token, wrong client secret), or the kit's matrix otherwise.
 */
export async function requestFortnoxToken(request: FortnoxTokenRequest): Promise<OAuthTokens> {
  if (request.grant === 'refresh_token' && request.refreshToken === undefined) {
    throw new ItemError(
      'accounting_system_authentication_failure',
      'No Fortnox refresh token is stored for this company: connect Fortnox (set the secret "refreshToken") and retry.',
      { field: 'refreshToken' },
    );
  }
  if (request.grant === 'client_credentials' && request.tenantId === undefined) {
    throw new ItemError(
      'missing_configuration',
      'The Fortnox service-account flow needs the customer\'s TenantId: set "tenantId" in the Fortnox configuration.',
      { field: 'tenantId' },
    );
  }
  const $token = createErpFetch({
    baseURL: request.tokenBaseUrl,
    signal: request.signal,
    timeoutMs: request.timeoutMs,
  });
  const form = new URLSearchParams(
    request.grant === 'refresh_token'
      ? { grant_type: 'refresh_token', refresh_token: request.refreshToken ?? '' }
      : { grant_type: 'client_credentials' },
  );
  const headers: Record<string, string> = {
    'content-type': 'application/x-www-form-urlencoded',
    authorization: `Basic ${Buffer.from(`${request.clientId}:${request.clientSecret}`).toString('base64')}`,
  };
  if (request.grant === 'client_credentials' && request.tenantId !== undefined) {
    headers.tenantid = request.tenantId;
  }
  let body: TokenBody;
  try {
    body = await $token<TokenBody>(FORTNOX_TOKEN_PATH, { method: 'POST', body: form.toString(), headers });
  } catch (error) {
    const status = (error as { status?: number }).status;
    if (!request.signal.aborted && (status === 400 || status === 401)) {
      throw new ItemError(
        'accounting_system_authentication_failure',
        request.grant === 'refresh_token'
          ? 'Fortnox refused to renew the connection (invalid, expired or revoked refresh token). Reconnect Fortnox for this company.'
          : 'Fortnox refused the service-account token (check the client credentials and the TenantId, or whether the customer revoked consent).',
        { details: { status } },
      );
    }
    if (request.signal.aborted) throw request.signal.reason ?? error;
    // No `cause`: the failed request carried the client secret (HTTP Basic) in its options.
    const classified = classifyHttpError(error, {}, { system: 'Fortnox' });
    throw new ItemError(classified.reason, classified.message, {
      retryable: classified.retryable,
      retryAfterMs: classified.retryAfterMs,
      details: { ...classified.details, endpoint: 'token' },
    });
  }
  if (typeof body.access_token !== 'string' || body.access_token === '') {
    throw new ItemError(
      'accounting_system_authentication_failure',
      'Fortnox returned no access token. Reconnect Fortnox.',
    );
  }
  return {
    accessToken: body.access_token,
    refreshToken: body.refresh_token,
    expiresInSeconds: body.expires_in ?? 3600,
  };
}
