import { type CredentialsStore, createMemoryCredentialsStore, ItemError } from '@ledgerport/core';
import { HttpResponse, http } from 'msw';
import { describe, expect, it } from 'vitest';
import { entryNamed, withId } from './support/entries';
import { setupFortnoxTest } from './support/fortnox-test-setup';

const t = setupFortnoxTest();
const authCode = () => t.config({ authMode: 'authorization_code', tenantId: undefined });
const key = () => `fortnox:${t.fake.options.clientId}:`;

describe('OAuth 2.0 authorization code with rotating refresh tokens (issue #7 "Auth")', () => {
  it('persists the rotated refresh token, and a second context reuses the stored access token', async () => {
    const credentials = createMemoryCredentialsStore();
    const connector = t.connector();
    const ctx = t.ctx(connector, { config: authCode(), credentials });
    await connector.authenticate(ctx);
    const stored = await credentials.get(`${key()}${ctx.companyId}`);
    expect(stored?.value.refreshToken).toMatch(/^fake-fortnox-refresh-/);
    expect(stored?.value.refreshToken).not.toBe(t.fake.options.refreshToken);
    await connector.authenticate(t.ctx(connector, { config: authCode(), credentials }));
    expect(t.fake.tokenGrants()).toBe(1);
  });

  it('refreshes once when Fortnox rejects an expired access token, then continues', async () => {
    const credentials = createMemoryCredentialsStore();
    const connector = t.connector();
    await connector.authenticate(t.ctx(connector, { config: authCode(), credentials }));
    t.fake.expireAccessTokens();
    await connector.postEntry(
      t.ctx(connector, { config: authCode(), credentials }),
      entryNamed('refund-sek'),
    );
    expect(t.fake.tokenGrants()).toBe(2);
    expect(t.fake.reusedRefreshTokens()).toBe(0);
  });

  it('six concurrent posts on one store refresh exactly once', async () => {
    const credentials = createMemoryCredentialsStore();
    const connector = t.connector();
    const base = entryNamed('card-purchase-zero-tax-sek');
    await Promise.all(
      Array.from({ length: 6 }, (_, i) =>
        connector.postEntry(t.ctx(connector, { config: authCode(), credentials }), withId(base, `c-${i}`)),
      ),
    );
    expect(t.fake.tokenGrants()).toBe(1);
    expect(t.fake.vouchers()).toHaveLength(6);
  });

  it('a replica whose refresh lost the rotation race adopts the winner’s tokens instead of failing', async () => {
    const shared = createMemoryCredentialsStore();
    let releaseStale: () => void = () => {};
    const staleRead = new Promise<void>((resolve) => {
      releaseStale = resolve;
    });
    // Replica B read the (empty) store twice (session check, then refresh) before replica A wrote its
    // rotated tokens, so B refreshes with the already-used initial refresh token.
    let staleReads = 2;
    const replicaB: CredentialsStore = {
      async get(k) {
        if (staleReads > 0) {
          staleReads--;
          await staleRead;
          return undefined;
        }
        return shared.get(k);
      },
      compareAndSet: (k, v, value) => shared.compareAndSet(k, v, value),
    };
    const replicaA: CredentialsStore = {
      get: (k) => shared.get(k),
      compareAndSet: (k, v, val) => shared.compareAndSet(k, v, val),
    };
    const connectorA = t.connector();
    const connectorB = t.connector();
    const b = connectorB.authenticate(t.ctx(connectorB, { config: authCode(), credentials: replicaB }));
    await connectorA.authenticate(t.ctx(connectorA, { config: authCode(), credentials: replicaA }));
    releaseStale();
    await expect(b).resolves.toBeUndefined();
    expect(t.fake.reusedRefreshTokens()).toBe(1); // B presented the already-rotated token…
    expect(t.fake.tokenGrants()).toBe(1); // …and used A's tokens instead of failing
    const stored = await shared.get(`${key()}${t.ctx(connectorA).companyId}`);
    expect(stored?.version).toBe(1); // A's rotated refresh token was never overwritten
  });

  it('a revoked refresh token fails authenticate as a job-level authentication failure', async () => {
    const connector = t.connector();
    const ctx = t.ctx(connector, {
      config: authCode(),
      secrets: { clientSecret: t.fake.options.clientSecret, refreshToken: 'revoked-refresh-token' },
    });
    const error = await connector.authenticate(ctx).catch((e: unknown) => e);
    expect((error as { scope?: string }).scope).toBe('job');
    expect((error as { reason?: string }).reason).toBe('accounting_system_authentication_failure');
    expect(String((error as Error).message)).not.toContain('revoked-refresh-token');
  });
});

describe('token endpoint failures', () => {
  it('a 503 from the token endpoint is retryable and its error carries no client secret', async () => {
    t.server.use(
      http.post(`${t.fake.options.tokenBaseUrl}/oauth-v1/token`, () =>
        HttpResponse.json({ error: 'temporarily_unavailable' }, { status: 503 }),
      ),
    );
    const connector = t.connector();
    const error = await connector
      .postEntry(t.ctx(connector), entryNamed('refund-sek'))
      .catch((e: unknown) => e);
    expect(ItemError.isInstance(error) && error.reason).toBe('accounting_system_unreachable');
    expect((error as ItemError).retryable).toBe(true);
    const basic = Buffer.from(`${t.fake.options.clientId}:${t.fake.options.clientSecret}`).toString('base64');
    const text = JSON.stringify(error, Object.getOwnPropertyNames(error)) + String((error as Error).stack);
    let cause: unknown = (error as Error).cause;
    let chain = '';
    while (cause !== undefined && cause !== null) {
      chain += JSON.stringify(cause, Object.getOwnPropertyNames(cause));
      cause = (cause as Error).cause;
    }
    expect(`${text}${chain}`).not.toContain(basic);
    expect(`${text}${chain}`).not.toContain(t.fake.options.clientSecret);
  });
});

describe('client credentials with TenantId (service account)', () => {
  it('gets a token for the configured tenant, without a refresh token', async () => {
    const connector = t.connector();
    const credentials = createMemoryCredentialsStore();
    await connector.authenticate(t.ctx(connector, { credentials }));
    const stored = await credentials.get(`${key()}${t.fake.seed.tenantId}`);
    expect(stored?.value.accessToken).toMatch(/^fake-fortnox-access-/);
    expect(stored?.value.refreshToken).toBeUndefined();
  });

  it('a TenantId the client has no consent for is an authentication failure', async () => {
    const connector = t.connector();
    const error = await connector
      .postEntry(t.ctx(connector, { config: t.config({ tenantId: '999' }) }), entryNamed('refund-sek'))
      .catch((e: unknown) => e);
    expect(ItemError.isInstance(error) && error.reason).toBe('accounting_system_authentication_failure');
    expect(await t.fake.listDocuments()).toEqual([]);
  });

  it('the config names the missing tenantId and the fix', () => {
    const connector = t.connector();
    const result = connector.configSchema.safeParse({ clientId: 'c', authMode: 'client_credentials' });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path).toEqual(['tenantId']);
    expect(result.error?.issues[0]?.message).toContain('TenantId');
  });
});
