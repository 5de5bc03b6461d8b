import { testConnector } from '@ledgerport/testkit';
import { afterEach, beforeAll, expect } from 'vitest';
import { createFortnoxConnector } from '../src/index';
import { createFortnoxFake } from '../src/testing/index';

const fake = createFortnoxFake({
  apiBaseUrl: 'https://fortnox.test/api',
  tokenBaseUrl: 'https://fortnox.test/auth',
});

// Load the spec validator before the suites: it blocks for about 0.5 s, longer than the short timeout
// the contract's timeout rows need.
beforeAll(() => fake.ready());

afterEach(() => {
  expect(fake.specViolations, 'requests must match the Fortnox OpenAPI spec').toEqual([]);
});

/**
 * The Ledgerport connector contract against the stateful, spec-validating Fortnox fake, with the
 * service-account flow (client credentials + TenantId): every test context gets a fresh credentials
 * store, and rotating refresh tokens cannot be shared between stores (test/fortnox-oauth.test.ts covers
 * the authorization-code flow with one persistent store).
 *
 * Three suites are skipped, with the reason below; test/fortnox-canonical.test.ts runs the same checks
 * (post, amounts conserved, read-only validation) over every canonical entry in the ledger currency and
 * proves the others are refused with `validation_failure` on `currency`.
 */
const FOREIGN_CURRENCY =
  'the canonical fixtures include EUR/JPY/KWD/DKK wallets, and Fortnox vouchers carry no currency (the company books in SEK), so the connector refuses them by design; test/fortnox-canonical.test.ts runs this suite over every SEK fixture and asserts the refusal for the others';

testConnector({
  connector: () => createFortnoxConnector(),
  erp: fake,
  config: {
    valid: {
      authMode: 'client_credentials',
      clientId: fake.options.clientId,
      tenantId: fake.seed.tenantId,
      apiBaseUrl: fake.options.apiBaseUrl,
      tokenBaseUrl: fake.options.tokenBaseUrl,
      timeoutMs: 1500,
    },
    missing: { authMode: 'client_credentials', tenantId: fake.seed.tenantId },
    invalid: { clientId: fake.options.clientId, voucherSeries: 42, timeoutMs: 'fast' },
  },
  secrets: { clientSecret: fake.options.clientSecret, refreshToken: fake.options.refreshToken },
  skip: { post: FOREIGN_CURRENCY, amounts: FOREIGN_CURRENCY, validate: FOREIGN_CURRENCY },
});
