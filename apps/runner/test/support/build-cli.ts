import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build, type Plugin } from 'esbuild';

/**
 * Workspace sources that find files next to themselves (`import.meta.url`, e.g. the ERP fakes' OpenAPI
 * specs in their package's `spec/` folder) keep their own location in the bundle: `import.meta.url`
 * in a workspace package's `src/` becomes that source file's URL.
 */
const keepSourceLocation: Plugin = {
  name: 'keep-workspace-source-location',
  setup(pluginBuild) {
    pluginBuild.onLoad({ filter: /[\\/]packages[\\/].*[\\/]src[\\/].*\.ts$/ }, async (args) => {
      const source = await readFile(args.path, 'utf8');
      if (!source.includes('import.meta.url')) return undefined;
      return {
        contents: source.replaceAll('import.meta.url', JSON.stringify(pathToFileURL(args.path).href)),
        loader: 'ts',
      };
    });
  },
};

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
    plugins: [keepSourceLocation],
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
