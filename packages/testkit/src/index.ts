/**
 * `@ledgerport/testkit`: the contract suite every Ledgerport connector passes (`testConnector`), the
 * canonical Pleo export-item fixtures and their mapped entries, and a test context factory.
 */

export {
  createTestContext,
  type TestContext,
  type TestContextOptions,
} from './context/create-test-context';
export { ERROR_MATRIX } from './contract/suites/errors-suite';
export { testConnector } from './contract/test-connector';
export {
  CONTRACT_SUITES,
  type ContractSuite,
  type TestConnectorOptions,
} from './contract/test-connector-options';
export type { ErpDocument, ErpFake, ErpFault } from './erp-fake/erp-fake';
export { CANONICAL_ACCOUNTS, CANONICAL_CHART_OF_ACCOUNTS } from './fixtures/canonical-accounts';
export { CANONICAL_MAPPING, canonicalEntries } from './fixtures/canonical-entries';
export {
  CANONICAL_FIXTURE_NAMES,
  type CanonicalFixtureName,
  canonicalExportItem,
  canonicalExportItems,
} from './fixtures/canonical-export-items';
export { CANONICAL_COMPANY_ID } from './fixtures/canonical-ids';
export { CANONICAL_JOB_ID, canonicalJob } from './fixtures/canonical-job';
export { type CanonicalReceipt, canonicalReceipts, RECEIPT_HOST, receiptHandlers } from './fixtures/receipts';
export { isAbortError } from './inspect/abort-error';
