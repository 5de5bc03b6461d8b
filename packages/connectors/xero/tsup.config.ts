import { defineConfig } from 'tsup';

export default defineConfig({
  entry: { index: 'src/index.ts', 'testing/index': 'src/testing/index.ts' },
  format: ['esm'],
  dts: true,
  clean: true,
  sourcemap: true,
  target: 'node22',
  // The ./testing fake's tools are optional peers: never bundled, resolved from the user's install.
  external: ['msw', 'openapi-backend', 'yaml', 'ajv', 'ajv-formats'],
});
