import { CANONICAL_FIXTURE_NAMES, type CanonicalFixtureName } from '../fixtures/canonical-export-items';
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

/**
 * Checks `refuses`: every key must be a canonical fixture name and every reason a non-empty sentence.
 * @throws Error "a refusal needs a reason" naming the fixture, or naming an unknown fixture and the valid ones.
 */
export function checkRefusals(
  refuses: Partial<Record<string, string>> | undefined,
): Map<CanonicalFixtureName, string> {
  const reasons = new Map<CanonicalFixtureName, string>();
  for (const [name, reason] of Object.entries(refuses ?? {})) {
    if (!(CANONICAL_FIXTURE_NAMES as readonly string[]).includes(name)) {
      throw new Error(
        `testConnector: unknown fixture "${name}" in refuses; valid fixtures: ${CANONICAL_FIXTURE_NAMES.join(', ')}.`,
      );
    }
    if (typeof reason !== 'string' || reason.trim() === '') {
      throw new Error(
        `testConnector: a refusal needs a reason: write why the connector refuses fixture "${name}".`,
      );
    }
    reasons.set(name as CanonicalFixtureName, reason.trim());
  }
  return reasons;
}
