/**
 * Xero posting benchmark (issue #6): against the spec-validating Xero fake enforcing Xero's per-tenant
 * limits (60 calls/min sliding, 5 concurrent, 5,000/day) with 100 ms latency per call and time
 * compressed by TIME_SCALE (default 10: "60 calls per 6 s"; the connector's limiter uses the same
 * factor). The fake runs in a child process (`xero-fake-process.ts`): a light HTTP thread stamps each
 * request's arrival and sends each answer when its latency is over, and the fake's work (spec
 * validation, ledger, answers) runs in a worker thread at the lowest CPU priority
 * (`xero-fake-worker.ts`), as a real Xero's servers would not share the connector's CPU.
 * Scenarios (a fresh connector per run, one credentials store for all runs as the runner's durable
 * store keeps tokens and the remembered tenant between a company's jobs):
 *   - no-receipts: 1,000 journal entries, driven like core's lifecycle (authenticate, validate, batches of
 *     manifest.batchSize with manifest.maxConcurrency in flight);
 *   - receipts: 200 entries with one PDF receipt each (post in batches, attach as each batch lands);
 *   - naive: a sequential one-call-per-entry baseline (postEntry in a loop) on NAIVE_ENTRIES entries.
 *   - sustained: 5,000 entries without receipts (103 calls), where the 60-per-window rate limit binds.
 * Before them, WARMUP_RUNS no-receipts runs bring both processes to steady state (JIT); the first one,
 * with the cold start (token refresh, /Connections), is printed as `no-receipts-cold-start`, outside
 * the targets. Prints one JSON line per run and a summary line with the targets (on the median run of
 * each scenario): ≥ 95 % of the theoretical ceiling, ≥ 10× the naive baseline without receipts, no item
 * failed by a 429.
 *
 * The ceiling (printed as `ceilingDefinition`): the shortest time in which the run's accounting API calls
 * (all of them: authenticate's and validate's GETs, PUTs, attachments) can complete under Xero's
 * per-tenant limits whatever the client does — each call takes `latencyMs`, at most 5 are in flight, at
 * most 60 start in any sliding 60 s / TIME_SCALE. `ceilingBoundBy` says which limit binds: for 1,000
 * entries (23 calls) it is concurrency × latency (⌈23 / 5⌉ × 100 ms = 500 ms), since 23 calls never reach
 * 60 per window; for 5,000 entries (103 calls) it is the rate limit. Token and /Connections calls are not
 * counted (Xero does not rate-limit them; the fake answers them without latency).
 *
 * Run: pnpm turbo run bench --filter=@ledgerport/connector-xero   (builds the workspace dependencies first;
 *      `pnpm --filter @ledgerport/connector-xero bench` works once they are built)
 * Env: TIME_SCALE (10), LATENCY_MS (100), NAIVE_ENTRIES (200), WARMUP_RUNS (15), REPEAT (runs of each
 *      lifecycle scenario: 7 for no-receipts, 3 for the others), SCENARIOS (comma list of naive,
 *      no-receipts, receipts, sustained; default all), BENCH_DEBUG (phase times on stderr).
 * Runs on the built `dist/` (plain `node`, type stripping), like the other Ledgerport benchmarks.
 */

import {
  createXeroConnector,
  type XeroConfig,
  xeroConfigSchema,
  xeroManifest,
} from '@ledgerport/connector-xero';
import type { AccountingEntry, BatchPostOutcome, ConnectorContext, JournalLine } from '@ledgerport/core';
import { createConnectorContext, createMemoryCredentialsStore, ItemError } from '@ledgerport/core';
import pLimit from 'p-limit';
import { idealMakespanMs, startXeroFakeProcess, type XeroFakeHandle } from './xero-bench-support.ts';

const job = {
  id: 'bench-job',
  companyId: 'bench-company',
  status: 'in_progress',
  createdAt: '2026-11-23T10:00:00Z',
  expiresIn: 3600,
  numberOfItems: 1000,
  isInteractive: false,
  vendorBasedBookkeeping: false,
} as ConnectorContext['job'];

const line = (l: Omit<JournalLine, 'currency' | 'dimensions'> & Partial<JournalLine>): JournalLine => ({
  currency: 'GBP',
  dimensions: [],
  ...l,
});

/** GBP entries shaped like core's mapping output: inclusive VAT, reverse charge, refund, 3-line split. */
function benchEntry(i: number): AccountingEntry {
  const id = `bench-${i}`;
  const vat20 = { code: 'INPUT2', rate: 0.2, type: 'inclusive' as const, amount: 2000 };
  const rc = { code: 'REVERSECHARGES', rate: 0.2, type: 'reverse' as const, amount: 1000 };
  const shapes: JournalLine[][] = [
    [
      line({
        account: '493',
        side: 'debit',
        amount: 10000,
        role: 'expense',
        tax: vat20,
        dimensions: [{ dimension: 'Region', value: 'North' }],
      }),
      line({ account: '820', side: 'debit', amount: 2000, role: 'input_vat', tax: vat20 }),
      line({ account: '090', side: 'credit', amount: 12000, role: 'contra' }),
    ],
    [
      line({ account: '463', side: 'debit', amount: 5000, role: 'expense', tax: rc }),
      line({ account: '820', side: 'debit', amount: 1000, role: 'input_vat', tax: rc }),
      line({ account: '820', side: 'credit', amount: 1000, role: 'output_vat', tax: rc }),
      line({ account: '090', side: 'credit', amount: 5000, role: 'contra' }),
    ],
    [
      line({ account: '420', side: 'credit', amount: 10000, role: 'expense', tax: vat20 }),
      line({ account: '820', side: 'credit', amount: 2000, role: 'input_vat', tax: vat20 }),
      line({ account: '090', side: 'debit', amount: 12000, role: 'contra' }),
    ],
    [
      line({ account: '429', side: 'debit', amount: 1001, role: 'expense' }),
      line({ account: '400', side: 'debit', amount: 2002, role: 'expense' }),
      line({ account: '404', side: 'debit', amount: 3003, role: 'expense' }),
      line({ account: '090', side: 'credit', amount: 6006, role: 'contra' }),
    ],
  ];
  const lines = shapes[i % shapes.length] as JournalLine[];
  return {
    kind: 'journal',
    idempotencyKey: id,
    accountingEntryId: id,
    reconciliationId: undefined,
    type: 'card_purchase',
    subType: null,
    bookkeepingMethod: 'journal',
    date: '2026-11-20',
    postingDate: '2026-11-20',
    description: `Bench expense ${i}`,
    reference: id,
    currency: 'GBP',
    grossAmount: lines.filter((l) => l.side === 'debit').reduce((s, l) => s + l.amount, 0),
    lines,
    supplierName: 'Bench Supplier',
    userName: 'Bench User',
    note: undefined,
    vendor: undefined,
    files: [],
    postingMode: 'posted',
    pleoUrl: `https://app.pleo.io/export/${id}`,
    source: {} as AccountingEntry['source'],
  };
}

const TIME_SCALE = Number(process.env.TIME_SCALE ?? 10);
const LATENCY_MS = Number(process.env.LATENCY_MS ?? 100);
const WARMUP_RUNS = Number(process.env.WARMUP_RUNS ?? 15);
const NAIVE_ENTRIES = Number(process.env.NAIVE_ENTRIES ?? 200);
const limits = xeroManifest.rateLimits ?? { requests: 60, windowMs: 60_000, maxConcurrent: 5 };
const WINDOW_MS = limits.windowMs / TIME_SCALE;

let serial = 0;
const makeEntries = (n: number): AccountingEntry[] => Array.from({ length: n }, () => benchEntry(serial++));
const receipt = (() => {
  const bytes = new Uint8Array(48 * 1024);
  bytes.set(new TextEncoder().encode('%PDF-1.4\n'));
  return bytes;
})();

interface RunResult {
  readonly elapsedMs: number;
  /** From the first post to the last answer (authenticate and validate excluded). */
  readonly postingMs: number;
  /** Accounting calls of the posting phase. */
  readonly postingCalls: number;
  readonly apiCalls: number;
  readonly httpCalls: number;
  readonly failed: number;
  readonly failedBy429: number;
  readonly server429: number;
  readonly peakConcurrency: number;
}

/**
 * One credentials store for every run, as the runner's durable store is shared by a company's jobs:
 * access tokens (30 min) and the tenant resolved from /Connections carry over from one job to the next.
 * The first (warm-up) run pays the cold start and is printed apart (`no-receipts-cold-start`).
 */
const credentials = createMemoryCredentialsStore();

function contextFor(fake: XeroFakeHandle): ConnectorContext<XeroConfig> {
  return createConnectorContext<XeroConfig>({
    job,
    config: xeroConfigSchema.parse({
      clientId: fake.options.clientId,
      apiBaseUrl: fake.options.apiBaseUrl,
      connectionsBaseUrl: fake.options.connectionsBaseUrl,
      identityBaseUrl: fake.options.identityBaseUrl,
    }),
    secrets: { clientSecret: fake.options.clientSecret, refreshToken: fake.options.refreshToken },
    credentials,
  });
}

/** Core's lifecycle in miniature: authenticate, validate, post in batches (bounded), attach as batches land. */
async function runLifecycle(
  fake: XeroFakeHandle,
  entries: readonly AccountingEntry[],
  withReceipts: boolean,
): Promise<RunResult> {
  await fake.reset();
  const connector = createXeroConnector({ rateLimitTimeScale: TIME_SCALE });
  const ctx = contextFor(fake);
  let failed = 0;
  let failedBy429 = 0;
  const count = (outcome: BatchPostOutcome | { ok: false; error: unknown }) => {
    if (outcome.ok) return;
    failed++;
    if (ItemError.isInstance(outcome.error) && outcome.error.reason === 'accounting_system_rate_limit')
      failedBy429++;
  };
  const started = performance.now();
  const phase = (name: string) => {
    if (process.env.BENCH_DEBUG) console.error(name, Math.round(performance.now() - started));
  };
  await connector.authenticate(ctx);
  phase('authenticated');
  await connector.validate(ctx, job, []);
  await connector.validate(ctx, job, entries);
  phase('validated');
  const postingStarted = performance.now();
  const callsBeforePosting = connector.stats.apiCalls; // the connector's own count: no IPC inside the timed run
  const limit = pLimit(xeroManifest.maxConcurrency);
  const batches: AccountingEntry[][] = [];
  for (let i = 0; i < entries.length; i += xeroManifest.batchSize)
    batches.push(entries.slice(i, i + xeroManifest.batchSize));
  const attachments: Promise<void>[] = [];
  await Promise.all(
    batches.map((batch) =>
      limit(async () => {
        let outcomes: readonly BatchPostOutcome[];
        try {
          outcomes = (await connector.postEntries?.(ctx, batch)) ?? [];
        } catch (error) {
          // A retryable failure of the whole batch (core would retry it); counted against every entry here.
          outcomes = batch.map(() => ({ ok: false, error }) as BatchPostOutcome);
        }
        outcomes.forEach((outcome, i) => {
          count(outcome);
          const entry = batch[i];
          if (!withReceipts || !outcome.ok || entry === undefined) return;
          attachments.push(
            limit(() =>
              (
                connector.attach?.(
                  ctx,
                  { entry, result: outcome.result },
                  { fileName: 'receipt.pdf', mimeType: 'application/pdf', bytes: receipt, index: 0 },
                ) ?? Promise.resolve()
              ).catch((error: unknown) => count({ ok: false, error })),
            ),
          );
        });
      }),
    ),
  );
  phase('posted');
  await Promise.all(attachments);
  phase('attached');
  const now = performance.now();
  const run = await summarise(fake, now - started, failed, failedBy429);
  return { ...run, postingMs: now - postingStarted, postingCalls: run.apiCalls - callsBeforePosting };
}

/** The naive baseline: one postEntry per entry, strictly sequential. */
async function runNaive(fake: XeroFakeHandle, entries: readonly AccountingEntry[]): Promise<RunResult> {
  await fake.reset();
  const connector = createXeroConnector({ rateLimitTimeScale: TIME_SCALE });
  const ctx = contextFor(fake);
  let failed = 0;
  let failedBy429 = 0;
  const started = performance.now();
  await connector.authenticate(ctx);
  for (const entry of entries) {
    try {
      await connector.postEntry(ctx, entry);
    } catch (error) {
      failed++;
      if (ItemError.isInstance(error) && error.reason === 'accounting_system_rate_limit') failedBy429++;
    }
  }
  const run = await summarise(fake, performance.now() - started, failed, failedBy429);
  return { ...run, postingMs: run.elapsedMs, postingCalls: run.apiCalls };
}

async function summarise(
  fake: XeroFakeHandle,
  elapsedMs: number,
  failed: number,
  failedBy429: number,
): Promise<Omit<RunResult, 'postingMs' | 'postingCalls'>> {
  const stats = await fake.stats();
  if (stats.specViolations.length > 0)
    throw new Error(`Requests broke the Xero spec:\n${stats.specViolations.join('\n')}`);
  return {
    elapsedMs,
    apiCalls: stats.apiCalls,
    httpCalls: stats.httpCalls,
    failed,
    failedBy429,
    server429: stats.server429,
    peakConcurrency: stats.peakConcurrency,
  };
}

function report(scenario: string, entries: number, run: RunResult) {
  const ceiling = (calls: number) =>
    idealMakespanMs(calls, LATENCY_MS, limits.maxConcurrent ?? 5, limits.requests, WINDOW_MS);
  const ceilingMs = ceiling(run.apiCalls);
  const postingCeilingMs = ceiling(run.postingCalls);
  const perMinute = (entries / run.elapsedMs) * 60_000;
  const postingPerMinute = (entries / run.postingMs) * 60_000;
  return {
    bench: 'connector-xero',
    scenario,
    entries,
    timeScale: TIME_SCALE,
    latencyMs: LATENCY_MS,
    elapsedMs: Math.round(run.elapsedMs),
    postingMs: Math.round(run.postingMs),
    entriesPerMinute: Math.round(perMinute),
    postingEntriesPerMinute: Math.round(postingPerMinute),
    entriesPerXeroMinute: Math.round(perMinute / TIME_SCALE),
    apiCalls: run.apiCalls,
    postingApiCalls: run.postingCalls,
    httpCallsIncludingAuth: run.httpCalls,
    apiCallsPerEntry: Number((run.apiCalls / entries).toFixed(3)),
    validateApiCalls: run.apiCalls - run.postingCalls,
    ceilingMs: Math.round(ceilingMs),
    ceilingBoundBy: run.apiCalls > limits.requests ? 'rate limit (60 per window)' : 'concurrency × latency',
    ratioToCeiling: Number((ceilingMs / run.elapsedMs).toFixed(3)),
    postingCeilingMs: Math.round(postingCeilingMs),
    postingRatioToCeiling: Number((postingCeilingMs / run.postingMs).toFixed(3)),
    failed: run.failed,
    failedBy429: run.failedBy429,
    server429: run.server429,
    peakConcurrency: run.peakConcurrency,
  };
}

const CEILING_DEFINITION =
  'shortest makespan of the run’s accounting API calls (authenticate + validate GETs, PUTs, attachments) ' +
  'at latencyMs each, ≤ 5 in flight, ≤ 60 starts per sliding 60 s / timeScale (greedy earliest start)';

/** Runs per lifecycle scenario: REPEAT when set, else 7 for the half-second no-receipts run and 3 for the others. */
const REPEAT_SET = process.env.REPEAT === undefined ? undefined : Math.max(1, Number(process.env.REPEAT));
const repeatFor = (key: string) => REPEAT_SET ?? (key === 'no-receipts' ? 7 : 3);
const SCENARIOS = new Set((process.env.SCENARIOS ?? 'naive,no-receipts,receipts,sustained').split(','));

type Report = ReturnType<typeof report> & { ratioToNaive: number | null; run: number };

/** The median run by elapsed time (odd REPEAT), or the slower middle one. */
function median(runs: readonly Report[]): Report | undefined {
  const sorted = [...runs].sort((a, b) => a.elapsedMs - b.elapsedMs);
  return sorted[Math.floor(sorted.length / 2)];
}

async function main() {
  // Responses of the fake are spec-checked in the tests; here only requests are, to keep the fake's CPU small.
  const fake = await startXeroFakeProcess({ latencyMs: LATENCY_MS, timeScale: TIME_SCALE });
  const print = (line: object) => console.log(JSON.stringify(line));
  try {
    // Warm-up (JIT of both processes, schema compilation, keep-alive connections); not in the targets.
    // The first run starts cold (token refresh, /Connections): printed for information.
    const cold = report('no-receipts-cold-start', 1000, await runLifecycle(fake, makeEntries(1000), false));
    print({ ...cold, note: 'first run of the process: token refresh and /Connections; not in the targets' });
    for (let i = 0; i < WARMUP_RUNS; i++) await runLifecycle(fake, makeEntries(1000), false);
    await runLifecycle(fake, makeEntries(50), true);
    const naive = SCENARIOS.has('naive')
      ? report('naive-sequential', NAIVE_ENTRIES, await runNaive(fake, makeEntries(NAIVE_ENTRIES)))
      : undefined;
    if (naive !== undefined) print({ ...naive, ceilingDefinition: CEILING_DEFINITION });
    const scenario = async (key: string, name: string, entries: number, withReceipts: boolean) => {
      if (!SCENARIOS.has(key)) return undefined;
      const runs: Report[] = [];
      // Every run's entries are made before the first run, so they are old objects by then: a run's
      // garbage collections copy what the connector allocates, not the benchmark's freshly made inputs.
      const inputs = Array.from({ length: repeatFor(key) }, () => makeEntries(entries));
      await new Promise((resolve) => setTimeout(resolve, 50));
      for (const [i, input] of inputs.entries()) {
        const r = report(name, entries, await runLifecycle(fake, input, withReceipts));
        const line: Report = {
          ...r,
          run: i + 1,
          ratioToNaive:
            naive === undefined ? null : Number((r.entriesPerMinute / naive.entriesPerMinute).toFixed(1)),
        };
        print({ ...line, ceilingDefinition: CEILING_DEFINITION });
        runs.push(line);
      }
      return median(runs);
    };
    const noReceipts = await scenario('no-receipts', 'no-receipts', 1000, false);
    const receipts = await scenario('receipts', 'one-receipt-each', 200, true);
    const sustained = await scenario('sustained', 'sustained-no-receipts', 5000, false);
    const lifecycle = [noReceipts, receipts, sustained].filter((r): r is Report => r !== undefined);
    const all = [...lifecycle, ...(naive === undefined ? [] : [naive])];
    print({
      bench: 'connector-xero',
      scenario: 'targets',
      basis: `median of ${REPEAT_SET ?? '7 (no-receipts) or 3'} runs per scenario`,
      ratioToCeiling: Object.fromEntries(lifecycle.map((r) => [r.scenario, r.ratioToCeiling])),
      postingRatioToCeiling: Object.fromEntries(lifecycle.map((r) => [r.scenario, r.postingRatioToCeiling])),
      endToEndAtLeast95PctOfCeiling: lifecycle.every((r) => r.ratioToCeiling >= 0.95),
      postingAtLeast95PctOfCeiling: lifecycle.every((r) => r.postingRatioToCeiling >= 0.95),
      atLeast10xNaiveWithoutReceipts:
        noReceipts?.ratioToNaive === null || noReceipts === undefined ? null : noReceipts.ratioToNaive >= 10,
      noItemFailedBy429: all.every((r) => r.failedBy429 === 0),
      no429FromXero: all.every((r) => r.server429 === 0),
    });
  } finally {
    await fake.close();
  }
}

await main();
