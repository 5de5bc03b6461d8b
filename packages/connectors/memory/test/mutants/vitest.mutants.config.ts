import { defineProject } from 'vitest/config';
import { sharedTestConfig } from '../../../../../vitest.shared';

/** Runs one mutant contract file (see ../contract-detects-bugs.test.ts); never part of `pnpm test` directly. */
export default defineProject({
  ...sharedTestConfig,
  test: { ...sharedTestConfig.test, include: ['test/mutants/*.contract.ts'] },
});
