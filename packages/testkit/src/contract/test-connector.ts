import { describe, it } from 'vitest';
import { createHarness, type Harness } from './harness';
import { checkRefusals, checkSkipReasons } from './skip-reasons';
import { amountsSuite } from './suites/amounts-suite';
import { attachmentsSuite } from './suites/attachments-suite';
import { authenticateSuite } from './suites/authenticate-suite';
import { cancellationSuite } from './suites/cancellation-suite';
import { configSuite } from './suites/config-suite';
import { errorsSuite } from './suites/errors-suite';
import { idempotencySuite } from './suites/idempotency-suite';
import { manifestSuite } from './suites/manifest-suite';
import { postSuite } from './suites/post-suite';
import { secretsSuite } from './suites/secrets-suite';
import { validateSuite } from './suites/validate-suite';
import { CONTRACT_SUITES, type ContractSuite, type TestConnectorOptions } from './test-connector-options';

const SUITES: Record<ContractSuite, <Config>(h: Harness<Config>) => void> = {
  manifest: manifestSuite,
  config: configSuite,
  authenticate: authenticateSuite,
  validate: validateSuite,
  post: postSuite,
  idempotency: idempotencySuite,
  amounts: amountsSuite,
  attachments: attachmentsSuite,
  errors: errorsSuite,
  cancellation: cancellationSuite,
  secrets: secretsSuite,
};

/**
 * Registers the Ledgerport connector contract as vitest `describe` blocks, one per {@link ContractSuite}
 * (manifest, config, authenticate, validate, post, idempotency, amounts, attachments, errors,
 * cancellation, secrets), inside an outer `describe(name)`. Call it at the top level of a test file.
 *
 * The ERP fake's msw handlers run in one `setupServer` per call, listening with
 * `onUnhandledFrame: 'error'` (so a request the fake does not handle fails the test); `erp.reset()`
 * runs before each test, and a connector factory is called afresh for each test.
 *
 * Contract sources: `@ledgerport/core` `ConnectorV1` (connector-v1.ts, connector-manifest.ts), the
 * HTTP → failure-reason matrix of connector-kit, and Pleo's `ExportJobItemFailureReasonType`.
 *
 * Fixtures a connector refuses by design go in `refuses` (fixture → reason): the post suite then asserts
 * they are refused with a non-retryable `ItemError`, and the other suites leave them out.
 *
 * @throws Error at registration when a `skip` entry has no written reason ("skip needs a reason") or names
 * an unknown suite, or a `refuses` entry has no reason or names an unknown fixture.
 */
export function testConnector<Config>(options: TestConnectorOptions<Config>): void {
  const reasons = checkSkipReasons(options.skip);
  checkRefusals(options.refuses);
  const title = options.name ?? `connector contract: ${connectorIdOf(options.connector)}`;
  describe(title, { timeout: options.timeoutMs ?? 20_000 }, () => {
    const harness = createHarness(options);
    for (const suite of CONTRACT_SUITES) {
      const reason = reasons.get(suite);
      if (reason !== undefined) {
        describe.skip(suite, () => {
          it.skip(`skipped: ${reason}`, () => {});
        });
        continue;
      }
      describe(suite, () => SUITES[suite](harness));
    }
  });
}

function connectorIdOf<Config>(connector: TestConnectorOptions<Config>['connector']): string {
  if (typeof connector !== 'function') return connector.id;
  try {
    return connector().id;
  } catch {
    return 'connector';
  }
}
