import { join } from 'node:path';
import { build } from 'esbuild';

/** Where the test build of the CLI lands (git-ignored). */
export const TEST_CLI = join(import.meta.dirname, '../../.test-build/cli.mjs');

/**
 * Bundles `src/cli.ts` and the workspace packages' TypeScript sources (the `@ledgerport/source`
 * condition, as in vitest) into one ESM file, so CLI tests and the crash test run the real CLI in real
 * child processes without building every package's `dist/` first. Packages that load files at run
 * time (pino's transports, jiti, pg) stay external and resolve from `apps/runner/node_modules`.
 */
export async function buildTestCli(entry = 'src/cli.ts', outfile = TEST_CLI): Promise<string> {
  await build({
    entryPoints: [join(import.meta.dirname, '../..', entry)],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node22',
    conditions: ['@ledgerport/source'],
    external: ['pino', 'pino-pretty', 'pg', 'jiti', 'msw', 'msw/*', 'esbuild'],
    // CommonJS dependencies bundled into ESM still expect `require`, `__filename` and `__dirname`.
    banner: {
      js: [
        "import { createRequire as __lpCreateRequire } from 'node:module';",
        "import { fileURLToPath as __lpFileURLToPath } from 'node:url';",
        "import { dirname as __lpDirname } from 'node:path';",
        'const require = __lpCreateRequire(import.meta.url);',
        'const __filename = __lpFileURLToPath(import.meta.url);',
        'const __dirname = __lpDirname(__filename);',
      ].join(' '),
    },
    sourcemap: 'inline',
    logLevel: 'error',
  });
  return outfile;
}

/** vitest globalSetup: build once per test run. */
export default async function setup(): Promise<void> {
  await buildTestCli();
}
