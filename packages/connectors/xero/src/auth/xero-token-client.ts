import { createErpFetch, type OAuthTokens, rethrowHttpError } from '@ledgerport/connector-kit';
import { ItemError } from '@ledgerport/core';

/** Token endpoint answer (identity spec `components.schemas.AccessToken`). */
interface AccessTokenBody {
  readonly access_token?: string;
  readonly refresh_token?: string;
  readonly expires_in?: number;
}

/** Options of {@link requestXeroToken}. */
export interface XeroTokenRequest {
  readonly identityBaseUrl: string;
  readonly clientId: string;
  readonly clientSecret: string;
  /** `refresh_token` grant when given; `client_credentials` (Custom Connection) when `undefined`. */
  readonly refreshToken: string | undefined;
  readonly grant: 'refresh_token' | 'client_credentials';
  readonly signal: AbortSignal;
  readonly timeoutMs: number;
}

/**
 * `POST {identity}/connect/token` (RFC 6749 §6 refresh, §4.4 client credentials) with HTTP Basic client
 * authentication, as Xero documents (`securitySchemes.OAuth2.flows.authorizationCode.tokenUrl`).
 * @returns the new access token, the rotated refresh token, and `expires_in` (Xero: 1800 s).
 * @throws ItemError(`accounting_system_authentication_failure`) when Xero refuses the grant (400/401,
 *   e.g. `invalid_grant` for a revoked or already-used refresh token), or the kit's matrix otherwise.
 */
export async function requestXeroToken(request: XeroTokenRequest): Promise<OAuthTokens> {
  if (request.grant === 'refresh_token' && request.refreshToken === undefined) {
    throw new ItemError(
      'accounting_system_authentication_failure',
      'No Xero refresh token is stored for this company: connect Xero (set the secret "refreshToken") and retry.',
      { field: 'refreshToken' },
    );
  }
  const $identity = createErpFetch({
    baseURL: request.identityBaseUrl,
    signal: request.signal,
    timeoutMs: request.timeoutMs,
  });
  const form = new URLSearchParams(
    request.grant === 'refresh_token'
      ? { grant_type: 'refresh_token', refresh_token: request.refreshToken ?? '' }
      : {
          grant_type: 'client_credentials',
          scope:
            'accounting.transactions accounting.settings.read accounting.contacts.read accounting.attachments',
        },
  );
  let body: AccessTokenBody;
  try {
    body = await $identity<AccessTokenBody>('/connect/token', {
      method: 'POST',
      body: form.toString(),
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        authorization: `Basic ${Buffer.from(`${request.clientId}:${request.clientSecret}`).toString('base64')}`,
      },
    });
  } catch (error) {
    const status = (error as { status?: number }).status;
    if (!request.signal.aborted && (status === 400 || status === 401)) {
      throw new ItemError(
        'accounting_system_authentication_failure',
        'Xero refused to renew the connection (invalid or revoked grant). Reconnect Xero for this company.',
        { details: { status } },
      );
    }
    rethrowHttpError(error, { signal: request.signal, system: 'Xero' });
  }
  if (typeof body.access_token !== 'string' || body.access_token === '') {
    throw new ItemError(
      'accounting_system_authentication_failure',
      'Xero returned no access token. Reconnect Xero.',
    );
  }
  return {
    accessToken: body.access_token,
    refreshToken: body.refresh_token,
    expiresInSeconds: body.expires_in,
  };
}
