import { testConnector } from '@ledgerport/testkit';
import { afterAll } from 'vitest';
import { createSieConnector } from '../src/index';
import { createSieFileErpFake } from './support/sie-file-erp-fake';

const fake = createSieFileErpFake();
afterAll(() => fake.dispose());

const valid = {
  outputDirectory: fake.directory,
  companyName: 'Övningsbolaget AB',
  organizationNumber: '556677-8899',
  voucherSeries: 'P',
  dimensions: { PROJECT: { number: 6, name: 'Projekt' }, COSTCENTER: { number: 1, name: 'Kostnadsställe' } },
};

testConnector({
  connector: () => fake.wrap(createSieConnector({ fileSystem: fake.fileSystem })),
  erp: fake,
  config: {
    valid,
    missing: { outputDirectory: fake.directory, companyName: 'Övningsbolaget AB' },
    invalid: { ...valid, organizationNumber: 5566778899 },
  },
  skip: {
    errors:
      'file formats have no HTTP transport: there are no 401/403/404/409/422/429/5xx answers, network errors or rate limits to map',
  },
});
