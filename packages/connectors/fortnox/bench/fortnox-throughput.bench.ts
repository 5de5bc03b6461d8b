/**
 * Fortnox throughput benchmark (issue #7 "Benchmark"), run with `pnpm --filter @ledgerport/connector-fortnox bench`.
 *
 * Against the spec-validating Fortnox fake on msw, enforcing Fortnox's 25 requests / 5 s sliding window
 * with 300 ms latency per call, both compressed by a fixed factor (TIME_SCALE: window 500 ms, latency
 * 30 ms), it posts 1,000 entries without receipts and 200 with one PDF receipt each, the way core runs a
 * job (validate per page of 100, then `manifest.maxConcurrency` posts in flight, retryable errors retried
 * after `retryAfterMs`), and a naive sequential baseline (one call at a time) in the same run.
 *
 * Prints one JSON object: per scenario entries/minute (real-time equivalent), API calls per entry, the
 * theoretical ceiling (300 requests/min ÷ calls per entry), the ratio to it and to the baseline, the 429s
 * the fake answered and the items that failed. Targets: ≥ 95 % of the ceiling, no item failed by a 429.
 */

import { monitorEventLoopDelay } from 'node:perf_hooks';
import { type AccountingEntry, createConnectorContext, LedgerportError } from '@ledgerport/core';
import {
  CANONICAL_FIXTURE_NAMES,
  canonicalEntries,
  canonicalJob,
  canonicalReceipts,
} from '@ledgerport/testkit';
import { setupServer } from 'msw/node';
import { createFortnoxConnector, fortnoxConfigSchema, fortnoxManifest } from '../src/index';
import { createFortnoxFake } from '../src/testing/index';

const TIME_SCALE = 5;
const LATENCY_MS = 300;
const MARGIN_MS = 20;
const PAGE = 100;
const CEILING_REQUESTS_PER_MIN = 300; // 25 per 5 s

const fake = createFortnoxFake({
  apiBaseUrl: 'https://fortnox.bench/api',
  tokenBaseUrl: 'https://fortnox.bench/auth',
  latencyMs: LATENCY_MS / TIME_SCALE,
  timeScale: TIME_SCALE,
});
const server = setupServer(...fake.handlers);

const sek = canonicalEntries().filter(
  (e, i) => e.currency === 'SEK' && e.kind === 'journal' && CANONICAL_FIXTURE_NAMES[i] !== undefined,
);
const { pdf } = canonicalReceipts();

function makeEntries(prefix: string, count: number): AccountingEntry[] {
  return Array.from({ length: count }, (_, i) => {
    const base = sek[i % sek.length] as AccountingEntry;
    const id = `${prefix}-${String(i).padStart(5, '0')}`;
    return { ...base, accountingEntryId: id, idempotencyKey: id, reference: id };
  });
}

interface ScenarioResult {
  readonly entries: number;
  readonly receiptsPerEntry: number;
  readonly elapsedMsCompressed: number;
  readonly entriesPerMinute: number;
  readonly apiCallsPerEntry: number;
  readonly ceilingEntriesPerMinute: number;
  readonly ratioToCeiling: number;
  readonly answered429: number;
  readonly failedItems: Record<string, number>;
  readonly retries: number;
  /** Event-loop delay of this process (the fake runs in it): the arrival jitter a real network would not add. */
  readonly eventLoopDelayMs: { readonly p99: number; readonly max: number };
}

let specViolations = 0;

async function runScenario(
  name: string,
  count: number,
  withReceipt: boolean,
  concurrency: number,
): Promise<ScenarioResult> {
  await fake.reset();
  const connector = createFortnoxConnector({ rateLimitTimeScale: TIME_SCALE, rateLimitMarginMs: MARGIN_MS });
  // As the runner does: a redacting context whose logger drops debug lines (the default no-op sink).
  const ctx = createConnectorContext({
    job: canonicalJob(),
    config: fortnoxConfigSchema.parse({
      authMode: 'client_credentials',
      clientId: fake.options.clientId,
      tenantId: fake.seed.tenantId,
      apiBaseUrl: fake.options.apiBaseUrl,
      tokenBaseUrl: fake.options.tokenBaseUrl,
      timeoutMs: 30_000,
    }),
    secrets: { clientSecret: fake.options.clientSecret },
    secretFields: connector.secretFields,
  });
  const entries = makeEntries(name, count);
  const failed: Record<string, number> = {};
  let retries = 0;
  const loop = monitorEventLoopDelay({ resolution: 5 });
  loop.enable();
  const started = performance.now();
  await connector.authenticate(ctx);
  await connector.validate(ctx, ctx.job, []);

  /** Runs `op` the way core's retry runner does: retryable errors again after `retryAfterMs` (compressed). */
  const withRetries = async <T>(op: () => Promise<T>): Promise<T> => {
    for (let attempt = 1; ; attempt++) {
      try {
        return await op();
      } catch (error) {
        if (!LedgerportError.isInstance(error) || !error.retryable || attempt >= 5) throw error;
        retries++;
        await new Promise((r) => setTimeout(r, (error.retryAfterMs ?? 1000) / TIME_SCALE));
      }
    }
  };

  for (let offset = 0; offset < entries.length; offset += PAGE) {
    const page = entries.slice(offset, offset + PAGE);
    const report = await connector.validate(ctx, ctx.job, page);
    if (report.entryIssues.length > 0) throw new Error(`validate: ${report.entryIssues[0]?.message}`);
    let next = 0;
    const worker = async () => {
      while (next < page.length) {
        const entry = page[next++] as AccountingEntry;
        try {
          const result = await withRetries(() => connector.postEntry(ctx, entry));
          if (withReceipt) {
            await withRetries(() =>
              (connector.attach as NonNullable<typeof connector.attach>)(
                ctx,
                { entry, result },
                { fileName: pdf.fileName, mimeType: pdf.mimeType, bytes: pdf.bytes, index: 0 },
              ),
            );
          }
        } catch (error) {
          const reason = LedgerportError.isInstance(error) ? error.reason : 'unexpected_failure';
          failed[reason] = (failed[reason] ?? 0) + 1;
        }
      }
    };
    await Promise.all(Array.from({ length: concurrency }, worker));
  }
  const elapsed = performance.now() - started;
  loop.disable();
  const realMinutes = (elapsed * TIME_SCALE) / 60_000;
  const callsPerEntry = connector.stats.apiCalls / count;
  const ceiling = CEILING_REQUESTS_PER_MIN / callsPerEntry;
  const perMinute = count / realMinutes;
  specViolations += fake.specViolations.length;
  const documents = await fake.listDocuments();
  if (documents.length + Object.values(failed).reduce((s, n) => s + n, 0) !== count) {
    throw new Error(`${name}: ${documents.length} vouchers for ${count} entries`);
  }
  return {
    entries: count,
    receiptsPerEntry: withReceipt ? 1 : 0,
    elapsedMsCompressed: Math.round(elapsed),
    entriesPerMinute: round(perMinute),
    apiCallsPerEntry: round(callsPerEntry, 3),
    ceilingEntriesPerMinute: round(ceiling),
    ratioToCeiling: round(perMinute / ceiling, 4),
    answered429: fake.rateLimitedCount(),
    failedItems: failed,
    retries,
    eventLoopDelayMs: { p99: round(loop.percentile(99) / 1e6), max: round(loop.max / 1e6) },
  };
}

function round(value: number, digits = 1): number {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}

async function main(): Promise<void> {
  await fake.ready();
  server.listen({ onUnhandledFrame: 'error' });
  try {
    const concurrency = fortnoxManifest.maxConcurrency;
    const plain = await runScenario('plain', 1000, false, concurrency);
    const receipts = await runScenario('receipt', 200, true, concurrency);
    const naivePlain = await runScenario('naive-plain', 100, false, 1);
    const naiveReceipts = await runScenario('naive-receipt', 20, true, 1);
    const result = {
      benchmark: 'connector-fortnox throughput',
      setup: {
        timeScale: TIME_SCALE,
        latencyMsReal: LATENCY_MS,
        rateLimit: '25 requests / 5 s sliding window (fake: 25 / (5 s ÷ timeScale))',
        limiterMarginMsWallClock: MARGIN_MS,
        concurrency,
        pageSize: PAGE,
        note: 'entries/minute are real-time equivalents (compressed elapsed × timeScale)',
      },
      withoutReceipts: {
        ...plain,
        ratioToNaiveSequential: round(plain.entriesPerMinute / naivePlain.entriesPerMinute, 2),
      },
      withOneReceipt: {
        ...receipts,
        ratioToNaiveSequential: round(receipts.entriesPerMinute / naiveReceipts.entriesPerMinute, 2),
      },
      naiveSequential: { withoutReceipts: naivePlain, withOneReceipt: naiveReceipts },
      targets: {
        ratioToCeilingAtLeast095: plain.ratioToCeiling >= 0.95 && receipts.ratioToCeiling >= 0.95,
        noItemFailedBy429:
          (plain.failedItems.accounting_system_rate_limit ?? 0) === 0 &&
          (receipts.failedItems.accounting_system_rate_limit ?? 0) === 0,
      },
      specViolations,
    };
    process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
  } finally {
    server.close();
  }
}

await main();
