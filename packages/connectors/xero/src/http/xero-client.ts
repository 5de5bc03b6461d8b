import {
  createErpFetch,
  createNodeHttpFetch,
  createOAuthSession,
  type OAuthSession,
  type TenantRateLimiter,
} from '@ledgerport/connector-kit';
import type { ConnectorContext } from '@ledgerport/core';
import { JobError } from '@ledgerport/core';
import { type $Fetch, FetchError, type FetchResponse } from 'ofetch';
import { requestXeroToken } from '../auth/xero-token-client';
import { XERO_SECRET_NAMES, type XeroConfig } from '../config/xero-config';
import { rethrowXeroError } from '../errors/classify-xero-error';

/**
 * Credentials-store key prefix under which the tenant resolved from `GET /Connections` is remembered
 * between jobs: `xero-tenant:<clientId>:<companyId>` → `{ tenantId, tenantName }` (the configured
 * `tenantName`, or '' when none, so a changed setting looks the tenant up again).
 */
export const XERO_TENANT_KEY_PREFIX = 'xero-tenant:';

/** A connection from `GET /Connections` (identity spec `components.schemas.Connection`). */
interface XeroConnection {
  readonly tenantId?: string;
  readonly tenantName?: string;
  readonly tenantType?: string;
}

/**
 * One keep-alive connection pool for every Xero client in the process, on Node's http module: a request
 * is written when its rate-limit slot frees, not a loop turn later as with the global fetch (see
 * connector-kit's `createNodeHttpFetch`).
 */
const xeroHttpFetch = createNodeHttpFetch();

/** The body of an answer: parsed JSON, the text when it is not JSON, `undefined` when empty. */
async function readJson(response: Response): Promise<unknown> {
  const text = await response.text();
  if (text === '') return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

/**
 * An ofetch `FetchError` for an error status (what `rethrowXeroError`, connector-kit's `describeHttpFailure`
 * and the OAuth session's 401 check read: `status`, `response.headers`, parsed `data`). Its message names
 * the method, path and status only — never the query, headers or body.
 */
async function httpError(response: FetchResponse<unknown>): Promise<FetchError> {
  const data = await readJson(response);
  const error = new FetchError(`Xero answered HTTP ${response.status} ${response.statusText}`.trim());
  Object.assign(error, {
    response,
    data,
    status: response.status,
    statusCode: response.status,
    statusText: response.statusText,
    statusMessage: response.statusText,
  });
  return error;
}

/** Options of one Xero call. */
export interface XeroCallOptions {
  readonly method?: 'GET' | 'PUT' | 'POST';
  readonly query?: Record<string, string>;
  readonly body?: unknown;
  /** Raw bytes (attachments) instead of JSON. */
  readonly bytes?: Uint8Array;
  readonly contentType?: string;
  readonly idempotencyKey?: string;
}

/** An authenticated, rate-limited client for one company's Xero organisation. */
export interface XeroClient {
  /** The organisation's tenant id (from config or `/Connections`). */
  tenantId(): Promise<string>;
  /** Calls `{apiBaseUrl}{path}` with the bearer token and `xero-tenant-id`; errors are typed (`rethrowXeroError`). */
  call<T>(path: string, options?: XeroCallOptions): Promise<T>;
  /** Number of HTTP calls made to the accounting API by this client (for benchmarks). */
  readonly calls: { count: number };
}

/**
 * Builds the client for `ctx`: tokens through connector-kit's refresh-once OAuth session (rotating
 * refresh tokens persisted in `ctx.credentials` under `xero:<clientId>:<companyId>`), the tenant from
 * config, else remembered in `ctx.credentials` ({@link XERO_TENANT_KEY_PREFIX}), else from `GET /Connections`
 * (then remembered; a 403 forgets it), every accounting call through the shared per-tenant `limiter` (60/min, 5 concurrent, 5,000/day) which also learns from
 * `X-MinLimit-Remaining`, `X-DayLimit-Remaining` and 429 `Retry-After`.
 */
export function createXeroClient(ctx: ConnectorContext<XeroConfig>, limiter: TenantRateLimiter): XeroClient {
  const config = ctx.config;
  const clientSecret = ctx.secrets.require(XERO_SECRET_NAMES.clientSecret);
  const session: OAuthSession = createOAuthSession({
    key: `xero:${config.clientId}:${ctx.companyId}`,
    credentials: ctx.credentials,
    clock: ctx.clock,
    system: 'Xero',
    initialRefreshToken: ctx.secrets.get(XERO_SECRET_NAMES.refreshToken),
    refresh: (refreshToken) =>
      requestXeroToken({
        identityBaseUrl: config.identityBaseUrl,
        clientId: config.clientId,
        clientSecret,
        refreshToken,
        grant: config.authMode === 'client_credentials' ? 'client_credentials' : 'refresh_token',
        signal: ctx.signal,
        timeoutMs: config.timeoutMs,
      }),
  });
  let resolvedTenant: string | undefined = config.tenantId;
  const calls = { count: 0 };

  const $api: $Fetch = createErpFetch({
    fetch: xeroHttpFetch,
    baseURL: config.apiBaseUrl,
    signal: ctx.signal,
    timeoutMs: config.timeoutMs,
    logger: ctx.logger,
    onResponse: ({ response }) => {
      if (resolvedTenant !== undefined) limiter.observe(resolvedTenant, response.status, response.headers);
    },
  });

  // One `/Connections` look-up however many calls start before it answers (a failed one is forgotten).
  let pendingTenant: Promise<string> | undefined;
  const tenantId = (): Promise<string> => {
    if (resolvedTenant !== undefined) return Promise.resolve(resolvedTenant);
    pendingTenant ??= lookUpTenant().finally(() => {
      pendingTenant = undefined;
    });
    return pendingTenant;
  };

  // The tenant resolved from /Connections is remembered across jobs (a durable store in the runner), for
  // the same tenantName setting; a 403 from the accounting API forgets it (the organisation was
  // disconnected), so the next job looks it up again.
  const tenantKey = `${XERO_TENANT_KEY_PREFIX}${config.clientId}:${ctx.companyId}`;
  const wanted = config.tenantName ?? '';
  let rememberedFromStore = false;
  const lookUpTenant = async (): Promise<string> => {
    if (resolvedTenant !== undefined) return resolvedTenant;
    const cached = ctx.cache.get('xero:tenantId');
    if (typeof cached === 'string') {
      resolvedTenant = cached;
      return cached;
    }
    const remembered = await ctx.credentials.get(tenantKey);
    const rememberedId = remembered?.value.tenantId;
    if (rememberedId !== undefined && rememberedId !== '' && remembered?.value.tenantName === wanted) {
      resolvedTenant = rememberedId;
      rememberedFromStore = true;
      ctx.cache.set('xero:tenantId', rememberedId);
      return rememberedId;
    }
    const $identity = createErpFetch({
      baseURL: config.connectionsBaseUrl,
      signal: ctx.signal,
      timeoutMs: config.timeoutMs,
    });
    let connections: XeroConnection[];
    try {
      connections = await session.withAccessToken((token) =>
        $identity<XeroConnection[]>('/Connections', { headers: { authorization: `Bearer ${token}` } }),
      );
    } catch (error) {
      rethrowXeroError(error, ctx.signal, ctx.clock.now());
    }
    const organisations = connections.filter(
      (c) => c.tenantType === undefined || c.tenantType === 'ORGANISATION',
    );
    const match =
      config.tenantName !== undefined
        ? organisations.filter((c) => c.tenantName === config.tenantName)
        : organisations;
    const [only] = match;
    if (match.length !== 1 || only?.tenantId === undefined) {
      const names = organisations.map((c) => c.tenantName ?? c.tenantId).join(', ') || 'none';
      throw new JobError(
        'invalid_configuration',
        match.length === 0
          ? `No connected Xero organisation matches the configuration (connected: ${names}). Set tenantId or tenantName to one of them.`
          : `Several Xero organisations are connected (${names}). Set tenantId or tenantName in the Xero configuration.`,
        { field: config.tenantName === undefined ? 'tenantId' : 'tenantName' },
      );
    }
    resolvedTenant = only.tenantId;
    ctx.cache.set('xero:tenantId', resolvedTenant);
    // Losing a compare-and-set race means another job stored it first: either value is right.
    await ctx.credentials.compareAndSet(tenantKey, remembered?.version, {
      tenantId: resolvedTenant,
      tenantName: wanted,
    });
    return resolvedTenant;
  };

  /** Forgets a remembered tenant the API refused (403): the next job asks /Connections again. */
  const forgetTenant = async () => {
    if (!rememberedFromStore) return;
    rememberedFromStore = false;
    const current = await ctx.credentials.get(tenantKey);
    if (current !== undefined) await ctx.credentials.compareAndSet(tenantKey, current.version, {});
  };

  return {
    tenantId,
    calls,
    async call<T>(path: string, options: XeroCallOptions = {}): Promise<T> {
      const tenant = await tenantId();
      // Serialised before the call waits for its slot: when a slot frees, the request goes out at once.
      const body: Uint8Array | undefined =
        options.bytes ?? (options.body === undefined ? undefined : Buffer.from(JSON.stringify(options.body)));
      const contentType =
        options.contentType ??
        (options.bytes === undefined && body !== undefined ? 'application/json' : undefined);
      try {
        const response = await session.withAccessToken(async (token) => {
          const answered = await limiter.schedule(
            tenant,
            () => {
              calls.count++;
              const headers: Record<string, string> = {
                authorization: `Bearer ${token}`,
                'xero-tenant-id': tenant,
              };
              if (options.idempotencyKey !== undefined) headers['idempotency-key'] = options.idempotencyKey;
              if (contentType !== undefined) headers['content-type'] = contentType;
              // The call holds its slot until Xero's answer arrives (status and headers), not while its
              // body is read and parsed: Xero's concurrency counts requests it is working on, and five
              // answers landing together must not each wait for the others' parsing to free their slot.
              return $api.raw(path, {
                method: options.method ?? 'GET',
                headers,
                responseType: 'stream',
                ignoreResponseError: true,
                ...(options.query === undefined ? {} : { query: options.query }),
                ...(body === undefined ? {} : { body }),
              });
            },
            ctx.signal,
          );
          if (!answered.ok) {
            if (answered.status === 403) await forgetTenant();
            throw await httpError(answered);
          }
          return answered;
        });
        return (await readJson(response)) as T;
      } catch (error) {
        rethrowXeroError(error, ctx.signal, ctx.clock.now());
      }
    },
  };
}
