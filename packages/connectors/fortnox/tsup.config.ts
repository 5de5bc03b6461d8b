import { defineConfig } from 'tsup';

export default defineConfig({
  entry: ['src/index.ts', 'src/testing/index.ts'],
  format: ['esm'],
  dts: true,
  clean: true,
  sourcemap: true,
  target: 'node22',
  // The ./testing fake needs these at run time; they are the test tooling of the consumer, not bundled.
  external: ['msw', 'msw/node', 'openapi-backend', 'ajv', 'ajv-formats'],
});
