import type { UserWorkspaceConfig } from 'vitest/config';

/**
 * Shared vitest settings: workspace packages resolve to their TypeScript sources through the
 * `@ledgerport/source` export condition, so tests never depend on a stale `dist/`.
 */
export const sharedTestConfig: UserWorkspaceConfig = {
  resolve: { conditions: ['@ledgerport/source', 'module', 'node', 'import', 'default'] },
  ssr: { resolve: { conditions: ['@ledgerport/source', 'module', 'node', 'import', 'default'] } },
  test: {
    environment: 'node',
    include: ['test/**/*.test.ts', 'src/**/*.test.ts'],
    testTimeout: 20_000,
    hookTimeout: 20_000,
  },
};
