import { PLEO_API_VERSION } from '@ledgerport/pleo';
import { expect, test } from 'vitest';

test('workspace packages resolve to source', () => {
  expect(PLEO_API_VERSION).toBe('v3');
});
