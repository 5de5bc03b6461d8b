/**
 * `refuses`: a memory ledger restricted to SEK (as a single-currency ERP would be) refuses every other
 * wallet currency with a non-retryable ItemError; the contract runs over the SEK fixtures and asserts
 * the refusals instead of skipping whole suites.
 */
import { type AccountingEntry, ItemError } from '@ledgerport/core';
import {
  CANONICAL_CHART_OF_ACCOUNTS,
  CANONICAL_FIXTURE_NAMES,
  canonicalEntries,
  testConnector,
} from '@ledgerport/testkit';
import { createMemoryConnector, createMemoryLedger, type MemoryConnector, memoryErpFake } from '../src/index';

const ledger = createMemoryLedger({
  name: 'sek',
  apiKey: 'mem-sek-key-3e3e3e3e',
  chartOfAccounts: CANONICAL_CHART_OF_ACCOUNTS,
});

function sekOnly(): MemoryConnector {
  const c = createMemoryConnector({ ledger });
  const refuse = (entry: AccountingEntry) => {
    if (entry.currency !== 'SEK') {
      throw new ItemError(
        'validation_failure',
        `This ledger books SEK only; ${entry.currency} is not supported.`,
        {
          field: 'currency',
        },
      );
    }
  };
  return {
    ...c,
    postEntry: async (ctx, entry) => {
      refuse(entry);
      return c.postEntry(ctx, entry);
    },
  };
}

const entries = canonicalEntries();
const refuses = Object.fromEntries(
  CANONICAL_FIXTURE_NAMES.filter((_, i) => entries[i]!.currency !== 'SEK').map((name) => [
    name,
    'the ledger books SEK only',
  ]),
);

testConnector({
  name: 'SEK-only memory connector with refusals',
  connector: sekOnly,
  erp: memoryErpFake(ledger),
  refuses,
  config: {
    valid: { ledgerName: 'sek', apiKey: 'mem-sek-key-3e3e3e3e' },
    missing: { ledgerName: 'sek' },
    invalid: { ledgerName: 'sek', apiKey: true },
  },
});
