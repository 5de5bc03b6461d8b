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
 * Fortnox vouchers carry no currency (the company books in SEK), so the canonical fixtures in other
 * wallet currencies are declared as refusals: the suites assert that each is refused with a
 * non-retryable error and books nothing, and run everything else in full.
 */
const FOREIGN_CURRENCY = 'Fortnox vouchers carry no currency: the company books in SEK only';

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
  refuses: {
    'card-purchase-exclusive-vat-eur': FOREIGN_CURRENCY,
    'card-purchase-reverse-charge-eur-usd': FOREIGN_CURRENCY,
    'chargeback-eur': FOREIGN_CURRENCY,
    'card-purchase-jpy': FOREIGN_CURRENCY,
    'card-purchase-kwd': FOREIGN_CURRENCY,
    'invoice-accounts-payable-eur': FOREIGN_CURRENCY,
    'invoice-payment-accounts-payable-eur': FOREIGN_CURRENCY,
    'card-purchase-accounts-payable-dkk': FOREIGN_CURRENCY,
  },
});
