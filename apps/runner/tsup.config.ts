import { defineConfig } from 'tsup';

export default defineConfig({
  // `cli` is the `ledgerport` bin; the shebang is harmless in `index.js` (ES2023 hashbang grammar).
  entry: ['src/index.ts', 'src/cli.ts'],
  format: ['esm'],
  dts: { entry: 'src/index.ts' },
  clean: true,
  sourcemap: true,
  target: 'node22',
  banner: { js: '#!/usr/bin/env node' },
  // Keep `node:` prefixes: `node:sqlite` exists only with the prefix.
  removeNodeProtocol: false,
});
