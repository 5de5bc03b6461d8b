/**
 * Lifecycle benchmark (issue #3 "Done when"): runs `runExportJob` in this process with an in-memory
 * connector against the Pleo sandbox in its own child process over loopback HTTP, at 10,000 and
 * 100,000 items, and prints one JSON line per size:
 *   {"bench":"lifecycle","items":N,"itemsPerSecond":…,"peakRssMb":…,"rssGrowthMb":…,…}
 * Targets: ≥ 5,000 items/s; RSS growth ≤ 150 MB at 100,000 items (pages are streamed).
 *
 * Run: pnpm --filter @ledgerport/core bench   (builds core first; needs the workspace's ^build)
 * Sizes: BENCH_SIZES=10000,100000 (default); page size: BENCH_PAGE_SIZE=500 (default; 250–1000 measured
 * within noise of each other, larger pages raise the peak RSS).
 *
 * The `bench` script runs node with `--max-semi-space-size=16`: left alone, V8 grows the young
 * generation to 128 MB under this allocation rate, which shows up as RSS although nothing is retained
 * (`retainedHeapGrowthMb` — heap after a full GC — stays at ~15 MB for 100,000 items: the store's and
 * the in-memory ledger's per-entry records). A long-running exporter should use the same setting.
 * It also caps the old generation at 256 MB (`--max-old-space-size=256`): without a cap V8 lets
 * promoted garbage pile up to ~150 MB before a major GC (RSS growth 150–190 MB at 100,000 items although
 * less than 20 MB is retained); with it the whole 100,000-item export runs in a 256 MB heap, which is
 * the point of streaming pages — memory stays flat.
 */
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { type ConnectorV1, createMemoryExportStore, type PostResult, runExportJob } from '@ledgerport/core';
import { createPleoClient, exportItemTypeSchema } from '@ledgerport/pleo';
import { z } from 'zod';

/** What `ledgerport-sandbox --json` prints. */
interface SandboxInfo {
  baseUrl: string;
  apiKey: string;
  companyId: string;
  jobId: string;
}

/** An in-memory ledger connector, like `@ledgerport/connector-memory` (which core cannot depend on). */
function createBenchLedgerConnector(): ConnectorV1<{ ledger: string }> & {
  documents: Map<string, PostResult>;
} {
  const documents = new Map<string, PostResult>();
  let sequence = 0;
  return {
    specificationVersion: 'v1',
    id: 'bench-ledger',
    manifest: {
      displayName: 'Bench Ledger',
      docsUrl: 'https://example.test/bench-ledger',
      authMode: 'none',
      attachments: { supported: false },
      entryTypes: exportItemTypeSchema.options,
      bookkeepingMethods: ['journal', 'accounts_payable', 'none'],
      vendorBasedBookkeeping: true,
      idempotency: 'native',
      maxConcurrency: 32,
      batchSize: 1,
      delivery: 'per_entry',
    },
    configSchema: z.object({ ledger: z.string() }),
    secretFields: [],
    documents,
    async authenticate() {},
    async validate() {
      return { jobIssues: [], entryIssues: [] };
    },
    async postEntry(ctx, entry) {
      ctx.signal.throwIfAborted();
      let result = documents.get(entry.idempotencyKey);
      if (result === undefined) {
        let debit = 0;
        let credit = 0;
        for (const line of entry.lines) {
          if (line.side === 'debit') debit += line.amount;
          else credit += line.amount;
        }
        if (debit !== credit) throw new Error(`unbalanced entry ${entry.accountingEntryId}`);
        sequence += 1;
        result = { externalId: `BL-${sequence}`, exportedAt: ctx.clock.now().toISOString() };
        documents.set(entry.idempotencyKey, result);
      }
      return result;
    },
  };
}

/**
 * Starts the sandbox's own CLI (`ledgerport-sandbox --port 0 --items N --json`, from its built dist) in a
 * child process and reads the JSON line it prints once listening.
 */
async function startSandbox(items: number): Promise<{ info: SandboxInfo; stop: () => Promise<void> }> {
  const bin = fileURLToPath(new URL('./bin.js', import.meta.resolve('@ledgerport/pleo-sandbox')));
  const child = spawn(
    process.execPath,
    [bin, '--port', '0', '--items', String(items), '--prng-seed', '7', '--page-size', '1000', '--json'],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  const lines = createInterface({ input: child.stdout });
  const [first] = (await Promise.race([
    once(lines, 'line'),
    once(child, 'exit').then(([code]) => {
      throw new Error(`sandbox process exited with ${code} before listening`);
    }),
  ])) as [string];
  const info = JSON.parse(first) as SandboxInfo;
  return {
    info,
    stop: async () => {
      const exited = once(child, 'exit');
      child.kill('SIGTERM');
      await exited;
    },
  };
}

const mb = (bytes: number) => Math.round((bytes / (1024 * 1024)) * 10) / 10;

async function benchOnce(items: number): Promise<Record<string, unknown>> {
  const { info, stop } = await startSandbox(items);
  try {
    const pleo = createPleoClient({ baseUrl: info.baseUrl, auth: { type: 'apiKey', apiKey: info.apiKey } });
    const connector = createBenchLedgerConnector();
    globalThis.gc?.();
    const baselineRss = process.memoryUsage.rss();
    const baselineHeap = process.memoryUsage().heapUsed;
    let peakRss = baselineRss;
    const sampler = setInterval(() => {
      peakRss = Math.max(peakRss, process.memoryUsage.rss());
    }, 25);
    const pageSize = Number(process.env.BENCH_PAGE_SIZE ?? 500);
    const cpuBefore = process.cpuUsage();
    const started = performance.now();
    const outcome = await runExportJob({
      pleo,
      connector,
      job: info.jobId,
      config: { ledger: 'BENCH' },
      store: createMemoryExportStore(),
      pageSize,
      mapping: {
        contraAccounts: {
          DKK: '1930',
          SEK: '1930',
          EUR: '1930',
          GBP: '1930',
          NOK: '1930',
          USD: '1930',
          JPY: '1930',
        },
        inputVatAccount: '2640',
        outputVatAccount: '2614',
        payablesAccount: '2440',
      },
    });
    const seconds = (performance.now() - started) / 1000;
    const cpu = process.cpuUsage(cpuBefore);
    const cpuSeconds = (cpu.user + cpu.system) / 1e6;
    clearInterval(sampler);
    peakRss = Math.max(peakRss, process.memoryUsage.rss());
    globalThis.gc?.();
    const retained = process.memoryUsage();
    const processed = outcome.successful + outcome.failed;
    return {
      bench: 'lifecycle',
      items,
      pageSize,
      itemsPerSecond: Math.round(processed / seconds),
      peakRssMb: mb(peakRss),
      rssGrowthMb: mb(peakRss - baselineRss),
      seconds: Math.round(seconds * 100) / 100,
      // CPU time of this (exporting) process: items per CPU-second is what the machine's load cannot skew.
      cpuSeconds: Math.round(cpuSeconds * 100) / 100,
      itemsPerCpuSecond: Math.round(processed / cpuSeconds),
      retainedHeapGrowthMb: mb(retained.heapUsed - baselineHeap),
      rssAfterGcMb: mb(retained.rss),
      status: outcome.status,
      successful: outcome.successful,
      failed: outcome.failed,
      documents: connector.documents.size,
      failuresByReason: outcome.failuresByReason,
    };
  } finally {
    await stop();
  }
}

const sizes = (process.env.BENCH_SIZES ?? '10000,100000').split(',').map(Number);
// Warm-up (not printed): JIT, module loading and V8's young generation sizing happen once per process,
// so the measured runs report the growth that items cause, not the runtime's start-up.
await benchOnce(2_000);
for (const size of sizes) {
  process.stdout.write(`${JSON.stringify(await benchOnce(size))}\n`);
}
