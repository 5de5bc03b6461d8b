import { CONTRACT_SUITES, type ContractSuite } from './test-connector-options';

/**
 * Checks `skip`: every key must be a known suite and every reason a non-empty sentence.
 * @throws Error "skip needs a reason" naming the suite, or naming an unknown suite and the valid ones.
 */
export function checkSkipReasons(
  skip: Partial<Record<string, string>> | undefined,
): Map<ContractSuite, string> {
  const reasons = new Map<ContractSuite, string>();
  for (const [suite, reason] of Object.entries(skip ?? {})) {
    if (!(CONTRACT_SUITES as readonly string[]).includes(suite)) {
      throw new Error(
        `testConnector: unknown suite "${suite}" in skip; valid suites: ${CONTRACT_SUITES.join(', ')}.`,
      );
    }
    if (typeof reason !== 'string' || reason.trim() === '') {
      throw new Error(
        `testConnector: skip needs a reason: write why the "${suite}" suite does not apply, e.g. skip: { ${suite}: 'the ERP has no …' }.`,
      );
    }
    reasons.set(suite as ContractSuite, reason.trim());
  }
  return reasons;
}
