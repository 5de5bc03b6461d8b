import { defineConfig } from 'tsup';

export default defineConfig({
  entry: { index: 'src/index.ts', 'http-fake/index': 'src/http-fake/index.ts' },
  // msw and vitest are peers: never bundled.
  external: ['msw', 'vitest'],
  format: ['esm'],
  dts: true,
  clean: true,
  sourcemap: true,
  target: 'node22',
});
