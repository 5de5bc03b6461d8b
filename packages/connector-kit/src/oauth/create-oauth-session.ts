import { type Clock, type CredentialsStore, ItemError, type StoredCredential } from '@ledgerport/core';

/** Tokens a refresh returns (RFC 6749 §5.1, camel-cased). */
export interface OAuthTokens {
  readonly accessToken: string;
  /** The rotated refresh token; omit when the grant has none (client credentials) or did not rotate. */
  readonly refreshToken?: string | undefined;
  /** Lifetime of the access token in seconds (`expires_in`); default 1800 (Xero's 30 minutes). */
  readonly expiresInSeconds?: number | undefined;
}

/** Options of {@link createOAuthSession}. */
export interface OAuthSessionOptions {
  /** Credentials-store key of this tenant's tokens, e.g. `xero:<companyId>`. */
  readonly key: string;
  /** Where tokens live (`ctx.credentials`); writes are compare-and-set. */
  readonly credentials: CredentialsStore;
  /**
   * Exchanges a refresh token for new tokens (or, for client credentials, gets a token: the argument is
   * then `undefined`). Throw `ItemError`/`JobError` for a clear failure; anything thrown is wrapped as
   * `accounting_system_authentication_failure`.
   */
  readonly refresh: (refreshToken: string | undefined) => Promise<OAuthTokens>;
  /** A refresh token to start from when the store holds nothing yet (e.g. from the company's secrets). */
  readonly initialRefreshToken?: string | undefined;
  readonly clock?: Clock;
  /** Refresh this long before expiry. Default 60 s. */
  readonly skewMs?: number;
  /** Whether an error means "the access token was rejected". Default: `error.status === 401`. */
  readonly isUnauthorized?: (error: unknown) => boolean;
  /** ERP name for messages. Default `the accounting system`. */
  readonly system?: string;
  /** The job's signal (`ctx.signal`): when it is aborted, a failed refresh rethrows the abort reason. */
  readonly signal?: AbortSignal;
}

/** A tenant's OAuth session. */
export interface OAuthSession {
  /** A valid access token: the stored one, or a refreshed one when missing or about to expire. */
  getAccessToken(): Promise<string>;
  /** Refreshes unless another caller already replaced `staleAccessToken`; returns the new token. */
  refreshAfterRejection(staleAccessToken: string): Promise<string>;
  /**
   * Runs `call` with a token; on 401 refreshes once and retries once; a second 401 throws
   * `ItemError('accounting_system_authentication_failure')`.
   */
  withAccessToken<T>(call: (accessToken: string) => Promise<T>): Promise<T>;
}

/** Stored shape under `key`: `{ accessToken, refreshToken?, expiresAt }` (ISO 8601). */
type TokenRecord = Readonly<Record<string, string>>;

const inFlight = new WeakMap<CredentialsStore, Map<string, Promise<TokenRecord>>>();

/**
 * Refresh-once OAuth 2.0 helper (issue #3, connector-kit), for rotating refresh tokens (Xero, Fortnox):
 * - concurrent refreshes for one key in this process share one refresh call;
 * - across processes, the rotated tokens are written with `compareAndSet(key, readVersion, …)`; when
 *   the write loses (another replica refreshed first), the winner's tokens are re-read and used, so no
 *   rotated refresh token is ever overwritten by a stale one;
 * - a 401 triggers at most one refresh and one retry, then `accounting_system_authentication_failure`.
 *
 * @throws ItemError(`accounting_system_authentication_failure`) when no token can be obtained.
 */
export function createOAuthSession(options: OAuthSessionOptions): OAuthSession {
  const clock = options.clock ?? { now: () => new Date() };
  const skewMs = options.skewMs ?? 60_000;
  const system = options.system ?? 'the accounting system';
  const isUnauthorized =
    options.isUnauthorized ?? ((error: unknown) => (error as { status?: unknown } | null)?.status === 401);
  let flights = inFlight.get(options.credentials);
  if (flights === undefined) {
    flights = new Map();
    inFlight.set(options.credentials, flights);
  }
  const pending = flights;

  const isFresh = (record: TokenRecord | undefined): boolean => {
    if (record?.accessToken === undefined || record.expiresAt === undefined) return false;
    return Date.parse(record.expiresAt) - skewMs > clock.now().getTime();
  };

  const authFailure = (message: string, cause?: unknown) =>
    new ItemError(
      'accounting_system_authentication_failure',
      `${message} Reconnect the integration to ${system}.`,
      cause === undefined ? {} : { cause },
    );

  const doRefresh = async (staleAccessToken: string | undefined): Promise<TokenRecord> => {
    const current: StoredCredential | undefined = await options.credentials.get(options.key);
    if (current !== undefined && isFresh(current.value) && current.value.accessToken !== staleAccessToken) {
      return current.value; // another caller or process already refreshed
    }
    const refreshToken = current?.value.refreshToken ?? options.initialRefreshToken;
    let tokens: OAuthTokens;
    try {
      tokens = await options.refresh(refreshToken);
    } catch (error) {
      if (options.signal?.aborted) throw options.signal.reason ?? error;
      if (isAbort(error) || ItemError.isInstance(error) || (error as { scope?: unknown })?.scope === 'job')
        throw error;
      throw authFailure(`Could not refresh the ${system} access token.`, error);
    }
    const next: Record<string, string> = {
      accessToken: tokens.accessToken,
      expiresAt: new Date(clock.now().getTime() + (tokens.expiresInSeconds ?? 1800) * 1000).toISOString(),
    };
    const rotated = tokens.refreshToken ?? refreshToken;
    if (rotated !== undefined) next.refreshToken = rotated;
    if (await options.credentials.compareAndSet(options.key, current?.version, next)) return next;
    const winner = await options.credentials.get(options.key);
    if (winner?.value.accessToken === undefined)
      throw authFailure(`The ${system} token store lost the session.`);
    return winner.value;
  };

  const refreshSerialised = (staleAccessToken: string | undefined): Promise<TokenRecord> => {
    const running = pending.get(options.key);
    if (running !== undefined) return running;
    const flight = doRefresh(staleAccessToken).finally(() => pending.delete(options.key));
    pending.set(options.key, flight);
    return flight;
  };

  const tokenOf = (record: TokenRecord): string => {
    const token = record.accessToken;
    if (token === undefined) throw authFailure(`${system} returned no access token.`);
    return token;
  };

  // The tokens this session last read or obtained: while the access token is fresh, a call needs no
  // credentials-store read (a database round trip per ERP call with a durable store). Another process
  // refreshing does not revoke it; a 401 goes through `refreshAfterRejection`, which replaces it.
  let known: TokenRecord | undefined;

  const session: OAuthSession = {
    async getAccessToken() {
      if (known !== undefined && isFresh(known)) return tokenOf(known);
      const stored = (await options.credentials.get(options.key))?.value;
      known = stored !== undefined && isFresh(stored) ? stored : await refreshSerialised(stored?.accessToken);
      return tokenOf(known);
    },
    async refreshAfterRejection(staleAccessToken) {
      known = undefined;
      known = await refreshSerialised(staleAccessToken);
      return tokenOf(known);
    },
    async withAccessToken(call) {
      const first = await session.getAccessToken();
      try {
        return await call(first);
      } catch (error) {
        if (!isUnauthorized(error)) throw error;
      }
      const second = await session.refreshAfterRejection(first);
      try {
        return await call(second);
      } catch (error) {
        if (isUnauthorized(error)) {
          throw authFailure(
            `${capitalize(system)} rejected the access token even after a refresh (HTTP 401).`,
            error,
          );
        }
        throw error;
      }
    },
  };
  return session;
}

function isAbort(error: unknown): boolean {
  return (error as { name?: unknown } | null)?.name === 'AbortError';
}

function capitalize(text: string): string {
  return text.length === 0 ? text : text[0]?.toUpperCase() + text.slice(1);
}
