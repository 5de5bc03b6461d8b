import { CANONICAL_CHART_OF_ACCOUNTS, type ErpFake, testConnector } from '@ledgerport/testkit';
import { createMemoryConnector, createMemoryLedger, memoryErpFake } from '../src/index';

const ledger = createMemoryLedger({
  name: 'contract',
  apiKey: 'mem-test-key-4f9a1c77',
  chartOfAccounts: CANONICAL_CHART_OF_ACCOUNTS,
});
const erp: ErpFake = memoryErpFake(ledger);

testConnector({
  connector: () => createMemoryConnector({ ledger }),
  erp,
  config: {
    valid: { ledgerName: 'contract', apiKey: 'mem-test-key-4f9a1c77' },
    missing: { apiKey: 'mem-test-key-4f9a1c77' },
    invalid: { ledgerName: 'contract', apiKey: 12345678 },
  },
});
