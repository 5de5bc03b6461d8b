/**
 * The contract again with 2 ms of simulated latency per ledger call (so aborts land mid-call) and
 * vendor-based bookkeeping turned off (so the job-level vendor check runs instead of being skipped).
 */
import { CANONICAL_CHART_OF_ACCOUNTS, testConnector } from '@ledgerport/testkit';
import { createMemoryConnector, createMemoryLedger, memoryErpFake } from '../src/index';

const ledger = createMemoryLedger({
  name: 'slow',
  apiKey: 'mem-slow-key-0b6d2e91',
  chartOfAccounts: CANONICAL_CHART_OF_ACCOUNTS,
  latencyMs: 2,
});

testConnector({
  name: 'memory connector with latency, without vendor bookkeeping',
  connector: () => createMemoryConnector({ ledger, vendorBasedBookkeeping: false }),
  erp: memoryErpFake(ledger),
  config: {
    valid: { ledgerName: 'slow', apiKey: 'mem-slow-key-0b6d2e91' },
    missing: { ledgerName: 'slow' },
    invalid: { ledgerName: 'Slow Ledger', apiKey: 'mem-slow-key-0b6d2e91' },
  },
});
