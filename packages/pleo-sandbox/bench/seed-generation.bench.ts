/**
 * Cost of seed data: eager `generateSeedItems({ count })` (time, heap) and a lazily seeded sandbox
 * job of the same size (time, heap). Prints one JSON object.
 *
 * Run: pnpm --filter @ledgerport/pleo-sandbox bench   (builds first)
 *      node --expose-gc bench/seed-generation.bench.ts --items 100000
 */
const { createPleoSandbox, generateSeedItems } = (await import(
  new URL('../dist/index.js', import.meta.url).href
)) as typeof import('../src/index');

const flag = process.argv.indexOf('--items');
const count = Number(flag >= 0 ? process.argv[flag + 1] : '100000');
const gc = (globalThis as { gc?: () => void }).gc ?? (() => {});
const heapMb = () => {
  gc();
  return process.memoryUsage().heapUsed / 1024 / 1024;
};

const companyId = '6f1a9f0e-3c57-4d2b-9a51-0c8f3e2d1b7a';
let base = heapMb();
let started = performance.now();
let items: unknown[] | undefined = generateSeedItems({ companyId, seed: 1, count });
const generated = items.length;
const eagerMs = performance.now() - started;
const eagerHeapMb = heapMb() - base;
items = undefined;

base = heapMb();
started = performance.now();
const sandbox = createPleoSandbox();
const seeded = sandbox.seedCompany({ seed: 1, itemCount: count });
const lazyMs = performance.now() - started;
const lazyHeapMb = heapMb() - base;

process.stdout.write(
  `${JSON.stringify({
    benchmark: 'pleo-sandbox seed generation',
    items: generated,
    generateSeedItems: { ms: Math.round(eagerMs), heapMb: Math.round(eagerHeapMb) },
    lazySeedCompany: { ms: Math.round(lazyMs), heapMb: Math.round(lazyHeapMb), jobId: seeded.jobId },
    node: process.version,
  })}\n`,
);
