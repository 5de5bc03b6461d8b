import { type CredentialsStore, createMemoryCredentialsStore, ItemError } from '@ledgerport/core';
import { describe, expect, it } from 'vitest';
import { createOAuthSession, type OAuthTokens } from '../src/index';

const clock = { now: () => new Date('2026-11-23T12:00:00Z') };
const expired = { accessToken: 'old-access', refreshToken: 'rt-0', expiresAt: '2026-11-23T11:00:00Z' };

/** An identity server with rotating refresh tokens: each refresh token works once. */
function rotatingIdentity() {
  let n = 0;
  const used = new Set<string>();
  const calls: (string | undefined)[] = [];
  return {
    calls,
    refresh: async (refreshToken: string | undefined): Promise<OAuthTokens> => {
      calls.push(refreshToken);
      await new Promise((r) => setTimeout(r, 5));
      if (refreshToken === undefined || used.has(refreshToken)) throw new Error('invalid_grant');
      used.add(refreshToken);
      n++;
      return { accessToken: `access-${n}`, refreshToken: `rt-${n}`, expiresInSeconds: 1800 };
    },
  };
}

describe('createOAuthSession', () => {
  it('returns a fresh stored token without refreshing', async () => {
    const credentials = createMemoryCredentialsStore({
      k: { accessToken: 'a', refreshToken: 'r', expiresAt: '2026-11-23T12:20:00Z' },
    });
    const identity = rotatingIdentity();
    const session = createOAuthSession({ key: 'k', credentials, refresh: identity.refresh, clock });
    expect(await session.getAccessToken()).toBe('a');
    expect(identity.calls).toEqual([]);
  });

  it('reads the store once while its access token is fresh, and again after a 401', async () => {
    const inner = createMemoryCredentialsStore({
      k: { accessToken: 'a', refreshToken: 'r', expiresAt: '2026-11-23T12:20:00Z' },
    });
    let reads = 0;
    const credentials: CredentialsStore = {
      get: (key) => {
        reads++;
        return inner.get(key);
      },
      compareAndSet: (key, version, value) => inner.compareAndSet(key, version, value),
    };
    const identity = rotatingIdentity();
    const session = createOAuthSession({ key: 'k', credentials, refresh: identity.refresh, clock });
    for (let i = 0; i < 5; i++) expect(await session.withAccessToken(async (token) => token)).toBe('a');
    expect(reads).toBe(1);
    let first = true;
    const token = await session.withAccessToken(async (t) => {
      if (first) {
        first = false;
        throw Object.assign(new Error('401'), { status: 401 });
      }
      return t;
    });
    expect(token).toBe('access-1'); // refreshed with the stored refresh token after the rejection
    expect(identity.calls).toEqual(['r']);
    expect(await session.getAccessToken()).toBe('access-1');
  });

  it('serialises concurrent refreshes of one tenant into one refresh and persists the rotated token', async () => {
    const credentials = createMemoryCredentialsStore({ k: expired });
    const identity = rotatingIdentity();
    const tokens = await Promise.all(
      Array.from({ length: 10 }, () =>
        createOAuthSession({ key: 'k', credentials, refresh: identity.refresh, clock }).getAccessToken(),
      ),
    );
    expect(new Set(tokens)).toEqual(new Set(['access-1']));
    expect(identity.calls).toEqual(['rt-0']);
    expect((await credentials.get('k'))?.value).toMatchObject({
      refreshToken: 'rt-1',
      accessToken: 'access-1',
    });
  });

  it('uses the winner when another process wrote first (compare-and-set lost), never a stale token', async () => {
    const inner = createMemoryCredentialsStore({ k: expired });
    // A second replica refreshes in between our read and our write.
    let raced = false;
    const credentials = {
      get: inner.get,
      async compareAndSet(key: string, version: number | undefined, value: Readonly<Record<string, string>>) {
        if (!raced) {
          raced = true;
          const now = await inner.get(key);
          await inner.compareAndSet(key, now?.version, {
            accessToken: 'winner-access',
            refreshToken: 'winner-rt',
            expiresAt: '2026-11-23T12:30:00Z',
          });
        }
        return inner.compareAndSet(key, version, value);
      },
    };
    const identity = rotatingIdentity();
    const session = createOAuthSession({ key: 'k', credentials, refresh: identity.refresh, clock });
    expect(await session.getAccessToken()).toBe('winner-access');
    expect((await inner.get('k'))?.value.refreshToken).toBe('winner-rt');
  });

  it('on 401 refreshes once and retries once', async () => {
    const credentials = createMemoryCredentialsStore({
      k: { accessToken: 'revoked', refreshToken: 'rt-0', expiresAt: '2026-11-23T12:20:00Z' },
    });
    const identity = rotatingIdentity();
    const session = createOAuthSession({ key: 'k', credentials, refresh: identity.refresh, clock });
    const seen: string[] = [];
    const result = await session.withAccessToken(async (token) => {
      seen.push(token);
      if (token === 'revoked') throw Object.assign(new Error('401'), { status: 401 });
      return 'ok';
    });
    expect(result).toBe('ok');
    expect(seen).toEqual(['revoked', 'access-1']);
  });

  it('a second 401 fails with accounting_system_authentication_failure (no loop)', async () => {
    const credentials = createMemoryCredentialsStore({ k: expired });
    const identity = rotatingIdentity();
    const session = createOAuthSession({
      key: 'k',
      credentials,
      refresh: identity.refresh,
      clock,
      system: 'Xero',
    });
    let calls = 0;
    const error = await session
      .withAccessToken(async () => {
        calls++;
        throw Object.assign(new Error('401'), { status: 401 });
      })
      .catch((e: unknown) => e);
    expect(ItemError.isInstance(error)).toBe(true);
    expect((error as ItemError).reason).toBe('accounting_system_authentication_failure');
    expect(calls).toBe(2);
    expect(identity.calls).toHaveLength(2); // one to get a token, one after the 401
  });

  it('wraps a failed refresh (revoked grant) as an authentication failure without leaking the token', async () => {
    const credentials = createMemoryCredentialsStore({ k: { ...expired, refreshToken: 'rt-secret-value' } });
    const session = createOAuthSession({
      key: 'k',
      credentials,
      refresh: async () => {
        throw new Error('invalid_grant');
      },
      clock,
    });
    const error = (await session.getAccessToken().catch((e: unknown) => e)) as ItemError;
    expect(error.reason).toBe('accounting_system_authentication_failure');
    expect(error.message).not.toContain('rt-secret-value');
  });
});

describe('createOAuthSession and cancellation', () => {
  it('rethrows the abort reason instead of an authentication failure', async () => {
    const controller = new AbortController();
    const reason = new Error('job canceled');
    controller.abort(reason);
    const session = createOAuthSession({
      key: 'k',
      credentials: createMemoryCredentialsStore({ k: expired }),
      refresh: async () => {
        throw new DOMException('aborted', 'AbortError');
      },
      clock,
      signal: controller.signal,
    });
    await expect(session.getAccessToken()).rejects.toBe(reason);
  });
});
