import { defineProject } from 'vitest/config';
import { sharedTestConfig } from '../../vitest.shared.ts';

/**
 * The shared config plus: the `import` condition is not forwarded to Node for externalised CommonJS
 * dependencies here, because `pg` requires `pg-pool`, whose `import` export is an ESM wrapper that
 * `require()` would then load as a namespace object ("Class extends value [object Module]").
 */
const conditions = ['@ledgerport/source', 'module', 'node', 'default'];
export default defineProject({
  ...sharedTestConfig,
  resolve: { conditions },
  ssr: { resolve: { conditions, externalConditions: ['@ledgerport/source'] } },
  test: { ...sharedTestConfig.test, globalSetup: ['test/support/build-cli.ts'] },
});
