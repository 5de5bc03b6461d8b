import {
  createErpFetch,
  createOAuthSession,
  type OAuthSession,
  type OAuthTokens,
  parseRetryAfter,
  type TenantRateLimiter,
} from '@ledgerport/connector-kit';
import type { ConnectorContext } from '@ledgerport/core';
import type { $Fetch } from 'ofetch';
import { requestFortnoxToken } from '../auth/fortnox-token-client';
import { FORTNOX_SECRET_NAMES, type FortnoxConfig } from '../config/fortnox-config';
import { FORTNOX_RATE_LIMITS } from '../connector/fortnox-manifest';
import { rethrowFortnoxError } from '../errors/classify-fortnox-error';

/** Options of one Fortnox call. */
export interface FortnoxCallOptions {
  readonly method?: 'GET' | 'POST';
  readonly query?: Record<string, string>;
  /** JSON body. */
  readonly body?: unknown;
  /** Multipart body (inbox upload). */
  readonly form?: FormData;
}

/** An authenticated, rate-limited client for one company's Fortnox tenant. */
export interface FortnoxClient {
  /** Credentials-store key and rate-limit key of this tenant's token: `fortnox:<clientId>:<tenant or company>`. */
  readonly key: string;
  /** Calls `{apiBaseUrl}{path}` with the bearer token; failures are typed ({@link rethrowFortnoxError}). */
  call<T>(path: string, options?: FortnoxCallOptions): Promise<T>;
  /** Makes sure a valid access token exists (refreshing / fetching one if needed). */
  ensureToken(): Promise<void>;
}

/**
 * Builds the client for `ctx` (issue #7 "Auth", "Rate limit"):
 * - tokens through connector-kit's refresh-once OAuth session: rotating refresh tokens are persisted
 *   with compare-and-set in `ctx.credentials` under {@link FortnoxClient.key}, so concurrent refreshes
 *   (in this process or another replica) never lose the newest refresh token; a 401 refreshes once;
 * - `client_credentials` service accounts get a token per TenantId (no refresh token);
 * - every API call through the shared per-token `limiter` (connector-kit, 25 / 5 s, even pacing); a 429 pauses the
 *   token's window for `Retry-After` (or one window), both divided by `timeScale` when a fake compresses
 *   time, and fails the call retryably.
 * @param onCall - called once per HTTP request to the API (benchmarks count calls per entry).
 */
export function createFortnoxClient(
  ctx: ConnectorContext<FortnoxConfig>,
  limiter: TenantRateLimiter,
  options: { readonly timeScale?: number; readonly onCall?: () => void } = {},
): FortnoxClient {
  const config = ctx.config;
  const key = `fortnox:${config.clientId}:${config.tenantId ?? ctx.companyId}`;
  let session: OAuthSession | undefined;
  const sessionOf = (): OAuthSession => {
    session ??= createOAuthSession({
      key,
      credentials: ctx.credentials,
      clock: ctx.clock,
      system: 'Fortnox',
      initialRefreshToken:
        config.authMode === 'authorization_code'
          ? ctx.secrets.get(FORTNOX_SECRET_NAMES.refreshToken)
          : undefined,
      refresh: async (refreshToken) => {
        try {
          return await requestFortnoxToken({
            tokenBaseUrl: config.tokenBaseUrl,
            clientId: config.clientId,
            clientSecret: ctx.secrets.require(FORTNOX_SECRET_NAMES.clientSecret),
            grant: config.authMode === 'client_credentials' ? 'client_credentials' : 'refresh_token',
            refreshToken,
            tenantId: config.tenantId,
            signal: ctx.signal,
            timeoutMs: config.timeoutMs,
          });
        } catch (error) {
          const winner = await rotatedElsewhere(error, refreshToken);
          if (winner !== undefined) return winner;
          throw error;
        }
      },
    });
    return session;
  };
  /**
   * A refresh refused because another replica rotated the same refresh token first (Fortnox refresh
   * tokens work once): the winner has written its tokens with compare-and-set, so use them instead of
   * failing. Returns `undefined` when the store holds nothing newer (a real revocation).
   */
  const rotatedElsewhere = async (
    error: unknown,
    usedRefreshToken: string | undefined,
  ): Promise<OAuthTokens | undefined> => {
    if ((error as { reason?: unknown }).reason !== 'accounting_system_authentication_failure')
      return undefined;
    if (config.authMode !== 'authorization_code' || ctx.signal.aborted) return undefined;
    const stored = (await ctx.credentials.get(key))?.value;
    if (stored?.accessToken === undefined || stored.refreshToken === usedRefreshToken) return undefined;
    const expiresAt = Date.parse(stored.expiresAt ?? '');
    const seconds = Number.isNaN(expiresAt)
      ? 60
      : Math.max(1, Math.floor((expiresAt - ctx.clock.now().getTime()) / 1000));
    ctx.logger.info('fortnox refresh token was rotated by another process; using its tokens', { key });
    return { accessToken: stored.accessToken, refreshToken: stored.refreshToken, expiresInSeconds: seconds };
  };
  const timeScale = options.timeScale ?? 1;
  const windowMs = FORTNOX_RATE_LIMITS.windowMs / timeScale;

  const $api: $Fetch = createErpFetch({
    baseURL: config.apiBaseUrl,
    signal: ctx.signal,
    timeoutMs: config.timeoutMs,
    logger: ctx.logger,
    onResponse: ({ response }) => {
      if (response.status === 429) {
        const retryAfter = parseRetryAfter(response.headers.get('retry-after'), ctx.clock.now());
        limiter.pause(key, retryAfter === undefined ? windowMs : retryAfter / timeScale);
      }
    },
  });

  return {
    key,
    async ensureToken() {
      try {
        await sessionOf().getAccessToken();
      } catch (error) {
        rethrowFortnoxError(error, ctx.signal, ctx.clock.now());
      }
    },
    async call<T>(path: string, callOptions: FortnoxCallOptions = {}): Promise<T> {
      try {
        ctx.signal.throwIfAborted();
        return await sessionOf().withAccessToken((token) =>
          limiter.schedule(
            key,
            () => {
              options.onCall?.();
              return $api<T>(path, {
                method: callOptions.method ?? 'GET',
                headers: { authorization: `Bearer ${token}` },
                ...(callOptions.query === undefined ? {} : { query: callOptions.query }),
                ...(callOptions.form !== undefined
                  ? { body: callOptions.form }
                  : callOptions.body === undefined
                    ? {}
                    : { body: callOptions.body as Record<string, unknown> }),
              });
            },
            ctx.signal,
          ),
        );
      } catch (error) {
        rethrowFortnoxError(error, ctx.signal, ctx.clock.now());
      }
    },
  };
}
