import { type CredentialsStore, createMemoryCredentialsStore } from '@ledgerport/core';
import { createTestContext, type TestContext } from '@ledgerport/testkit';
import { type SetupServer, setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, beforeEach, expect } from 'vitest';
import { createFortnoxConnector, type FortnoxConfig, type FortnoxConnector } from '../../src/index';
import { createFortnoxFake, type FortnoxFake, type FortnoxFakeOptions } from '../../src/testing/index';

/** A fake Fortnox on msw for one test file, reset before each test and spec-checked after it. */
export interface FortnoxTestSetup {
  readonly fake: FortnoxFake;
  /** The msw server running the fake (for one-off `server.use` overrides). */
  readonly server: SetupServer;
  /** Raw config for the service-account flow (override fields per test). */
  config(overrides?: Record<string, unknown>): Record<string, unknown>;
  /** A context for `connector` with that config; pass `credentials` to share a token store. */
  ctx(
    connector: FortnoxConnector,
    options?: {
      config?: Record<string, unknown>;
      credentials?: CredentialsStore;
      signal?: AbortSignal;
      secrets?: Record<string, string>;
    },
  ): TestContext<FortnoxConfig>;
  /** A fresh connector. */
  connector(options?: Parameters<typeof createFortnoxConnector>[0]): FortnoxConnector;
}

/** Registers the msw server hooks in the calling test file. */
export function setupFortnoxTest(options: FortnoxFakeOptions = {}): FortnoxTestSetup {
  const fake = createFortnoxFake({
    apiBaseUrl: 'https://fortnox.test/api',
    tokenBaseUrl: 'https://fortnox.test/auth',
    ...options,
  });
  const server = setupServer(...fake.handlers);
  beforeAll(async () => {
    await fake.ready();
    server.listen({ onUnhandledFrame: 'error' });
  });
  afterAll(() => server.close());
  beforeEach(() => fake.reset());
  afterEach(() => {
    server.resetHandlers();
    expect(fake.specViolations, 'requests must match the Fortnox OpenAPI spec').toEqual([]);
  });
  const config = (overrides: Record<string, unknown> = {}) => ({
    authMode: 'client_credentials',
    clientId: fake.options.clientId,
    tenantId: fake.seed.tenantId,
    apiBaseUrl: fake.options.apiBaseUrl,
    tokenBaseUrl: fake.options.tokenBaseUrl,
    timeoutMs: 1500,
    ...overrides,
  });
  return {
    fake,
    server,
    config,
    ctx(connector, ctxOptions = {}) {
      return createTestContext(connector, ctxOptions.config ?? config(), {
        secrets: ctxOptions.secrets ?? {
          clientSecret: fake.options.clientSecret,
          refreshToken: fake.options.refreshToken,
        },
        credentials: ctxOptions.credentials ?? createMemoryCredentialsStore(),
        ...(ctxOptions.signal === undefined ? {} : { signal: ctxOptions.signal }),
      });
    },
    connector(connectorOptions) {
      return createFortnoxConnector(connectorOptions);
    },
  };
}
