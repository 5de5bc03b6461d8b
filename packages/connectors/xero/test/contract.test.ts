import { testConnector } from '@ledgerport/testkit';
import { afterEach } from 'vitest';
import { createXeroConnector } from '../src/index';
import { createXeroFake } from '../src/testing/index';
import { canonicalXeroSeed } from './canonical-seed';

const fake = createXeroFake({ seed: canonicalXeroSeed });

afterEach(() => fake.assertSpecCompliant());

testConnector({
  connector: () => createXeroConnector(),
  erp: fake,
  config: {
    valid: {
      clientId: fake.options.clientId,
      apiBaseUrl: fake.options.apiBaseUrl,
      connectionsBaseUrl: fake.options.connectionsBaseUrl,
      identityBaseUrl: fake.options.identityBaseUrl,
      trackingCategories: { PROJECT: 'Project', TEAM: 'Team' },
      timeoutMs: 500,
    },
    missing: { apiBaseUrl: fake.options.apiBaseUrl },
    invalid: { clientId: fake.options.clientId, tenantId: 'not-a-uuid', timeoutMs: 'soon' },
  },
  secrets: { clientSecret: fake.options.clientSecret, refreshToken: fake.options.refreshToken },
});
