/**
 * Authorization for the Export API (`securitySchemes` of `export-openapi.yml`): `bearerAuth`
 * (`Authorization: Bearer <OAuth access token>`) or `basicAuth` (API key as the Basic user name,
 * empty password: `Authorization: Basic base64("<apiKey>:")`).
 */
import { PleoInputError } from '../errors/pleo-input-error';

/** How the client authenticates. A bearer `token` may be a function, called before every request (so refreshed tokens are picked up). */
export type PleoAuth =
  | { type: 'apiKey'; apiKey: string }
  | { type: 'bearer'; token: string | (() => string | Promise<string>) };

/** The `Authorization` header value plus the raw secret (so it can be redacted from error text). */
export interface ResolvedAuthorization {
  header: string;
  secret: string;
}

/** Checks `auth` up front; throws {@link PleoInputError} naming the field when it is unusable. */
export function assertValidAuth(auth: unknown): asserts auth is PleoAuth {
  const value = auth as Partial<Record<string, unknown>> | undefined;
  if (!value || typeof value !== 'object') {
    throw new PleoInputError(
      "auth is required: pass { type: 'apiKey', apiKey } or { type: 'bearer', token } to createPleoClient.",
    );
  }
  if (value.type === 'apiKey') {
    if (typeof value.apiKey !== 'string' || value.apiKey.trim() === '') {
      throw new PleoInputError('auth.apiKey must be a non-empty string: pass the Pleo API key.', [
        { path: 'auth.apiKey', message: 'expected a non-empty string' },
      ]);
    }
    return;
  }
  if (value.type === 'bearer') {
    const ok =
      typeof value.token === 'function' || (typeof value.token === 'string' && value.token.trim() !== '');
    if (!ok) {
      throw new PleoInputError(
        'auth.token must be a non-empty string or a function returning the OAuth access token.',
        [{ path: 'auth.token', message: 'expected a non-empty string or a function' }],
      );
    }
    return;
  }
  throw new PleoInputError("auth.type must be 'apiKey' or 'bearer'.", [
    { path: 'auth.type', message: "expected 'apiKey' or 'bearer'" },
  ]);
}

/** Builds the `Authorization` header for one request (awaits a token getter). */
export async function resolveAuthorization(auth: PleoAuth): Promise<ResolvedAuthorization> {
  if (auth.type === 'apiKey') {
    return { header: `Basic ${base64Utf8(`${auth.apiKey}:`)}`, secret: auth.apiKey };
  }
  const token = typeof auth.token === 'function' ? await auth.token() : auth.token;
  if (typeof token !== 'string' || token.trim() === '') {
    throw new PleoInputError(
      'auth.token returned an empty access token; return the current OAuth access token.',
      [{ path: 'auth.token', message: 'getter returned an empty value' }],
    );
  }
  return { header: `Bearer ${token}`, secret: token };
}

/** Replaces every occurrence of the given secrets (and their Basic-auth encoding) in `text`. */
export function redactSecrets(text: string, secrets: readonly string[]): string {
  let out = text;
  for (const secret of secrets) {
    if (secret.length < 4) continue;
    out = out.split(secret).join('[redacted]');
    const basic = base64Utf8(`${secret}:`);
    out = out.split(basic).join('[redacted]');
  }
  return out;
}

/** Standard base64 of the UTF-8 bytes of `text` (no Node `Buffer`, so it runs wherever `fetch` does). */
function base64Utf8(text: string): string {
  let binary = '';
  for (const byte of new TextEncoder().encode(text)) binary += String.fromCharCode(byte);
  return btoa(binary);
}
