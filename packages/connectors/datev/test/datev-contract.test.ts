import { testConnector } from '@ledgerport/testkit';
import { afterAll } from 'vitest';
import { createDatevConnector } from '../src/index';
import { createDatevFileErpFake } from './support/datev-file-erp-fake';

const fake = createDatevFileErpFake();
afterAll(() => fake.dispose());

const valid = {
  outputDirectory: fake.directory,
  beraternummer: 29098,
  mandantennummer: 55003,
  chartOfAccounts: '04',
  vat: { mode: 'explicit_lines' },
  exchangeRates: { SEK: '11,2345', DKK: '7,4612', JPY: '163,25', USD: '1,0842' },
  costCenters: { kost1: 'COSTCENTER', kost2: 'PROJECT' },
};

/**
 * DATEV amounts have exactly two decimals (Umsatz ^\d{1,10},\d{2}$) and Kurs must be 1–9999 units per
 * EUR (^[1-9]\d{0,3},\d{2,6}$), so the canonical 12.345 KWD purchase cannot be represented: the
 * suites assert that it is refused (non-retryable ItemError, nothing booked) and run everything else.
 */
const KWD_REFUSAL =
  'DATEV cannot represent 12.345 KWD: Umsatz has exactly 2 decimals and Kurs must be at least 1 unit per EUR';

testConnector({
  connector: () => fake.wrap(createDatevConnector({ fileSystem: fake.fileSystem })),
  erp: fake,
  config: {
    valid,
    missing: { ...valid, beraternummer: undefined },
    invalid: { ...valid, chartOfAccounts: 3 },
  },
  refuses: { 'card-purchase-kwd': KWD_REFUSAL },
  skip: {
    errors:
      'file formats have no HTTP transport: there are no 401/403/404/409/422/429/5xx answers, network errors or rate limits to map',
  },
});
