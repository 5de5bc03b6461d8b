/**
 * Authentication as the spec's security schemes have it: `bearerAuth` (`Authorization: Bearer
 * <token>`) or `basicAuth` ("Use your API key as the username and leave the password empty").
 * Credentials are never echoed in error messages.
 */
import type { SandboxStore } from '../store/sandbox-store';
import { unauthorized } from './api-error';

/**
 * Resolves the `Authorization` header to the company it may act for.
 *
 * @throws SandboxApiError 401 `UNAUTHORIZED` for a missing, malformed or unknown credential, or a
 *   Basic credential with a non-empty password.
 */
export function authenticate(store: SandboxStore, authorization: string | undefined): string {
  if (!authorization) {
    throw unauthorized(
      'Authorization header missing: send "Bearer <token>" or Basic with the API key as username and an empty password.',
    );
  }
  const [scheme, credential = ''] = authorization.trim().split(/\s+/, 2);
  if (scheme?.toLowerCase() === 'bearer') {
    const companyId = store.companyForBearerToken(credential);
    if (companyId === undefined) throw unauthorized('Bearer token is not valid for this sandbox.');
    return companyId;
  }
  if (scheme?.toLowerCase() === 'basic') {
    const decoded = Buffer.from(credential, 'base64').toString('utf8');
    const colon = decoded.indexOf(':');
    if (colon < 0)
      throw unauthorized(
        'Basic credential must be base64("<apiKey>:") — API key as username, empty password.',
      );
    if (decoded.slice(colon + 1) !== '') {
      throw unauthorized('Basic credential must have an empty password: use the API key as username only.');
    }
    const companyId = store.companyForApiKey(decoded.slice(0, colon));
    if (companyId === undefined) throw unauthorized('API key is not valid for this sandbox.');
    return companyId;
  }
  throw unauthorized('Unsupported Authorization scheme: use Bearer or Basic.');
}
