import type { AccountingEntry, ConnectorV1, LogLine, MapOptions, PostResult } from '@ledgerport/core';
import { setupServer } from 'msw/node';
import { afterAll, beforeAll, beforeEach, expect } from 'vitest';
import { createTestContext, type TestContext } from '../context/create-test-context';
import { configSecretValues } from '../context/secret-values';
import { canonicalEntries } from '../fixtures/canonical-entries';
import { CANONICAL_FIXTURE_NAMES } from '../fixtures/canonical-export-items';
import { canonicalJob } from '../fixtures/canonical-job';
import { checkRefusals } from './skip-reasons';
import type { TestConnectorOptions } from './test-connector-options';

/** Shared state of one `testConnector` call: the msw server, the current connector, collected errors and log lines. */
export interface Harness<Config> {
  readonly options: TestConnectorOptions<Config>;
  readonly timeoutMs: number;
  /** The connector of the running test (a fresh one per test when a factory was given). */
  connector(): ConnectorV1<Config>;
  /** A context for the valid config; every log line lands in {@link Harness.lines}. */
  ctx(overrides?: { signal?: AbortSignal; vendorBasedBookkeeping?: boolean }): TestContext<Config>;
  /** The canonical entries mapped with the effective mapping. */
  entries(): readonly AccountingEntry[];
  /** The canonical entries whose type and bookkeeping method the manifest supports, minus `refuses`. */
  supportedEntries(): readonly AccountingEntry[];
  /** Why `entry` is left out of the suites (manifest capability or `refuses`), or `undefined`. */
  exclusion(
    entry: AccountingEntry,
  ): { readonly kind: 'unsupported' | 'refused'; readonly reason: string } | undefined;
  /** Posts and, for `per_job` connectors, commits, so the documents are in the ERP. */
  postDurably(ctx: TestContext<Config>, entries: readonly AccountingEntry[]): Promise<PostResult[]>;
  /** Expects `promise` to reject; records and returns the error. */
  rejection(promise: Promise<unknown>): Promise<unknown>;
  /** Every error a connector method threw during the suites. */
  readonly errors: unknown[];
  /** Every log line of every context. */
  readonly lines: LogLine[];
  /** Every secret value (from `secrets` and the config's `secretFields`). */
  secretValues(): string[];
  /** Calls `listener` when the fake's msw server sees a request start; returns an unsubscribe function. */
  onRequestStart(listener: () => void): () => void;
}

/** Registers the msw server and per-test reset hooks (inside the caller's `describe`) and returns the harness. */
export function createHarness<Config>(options: TestConnectorOptions<Config>): Harness<Config> {
  const refusals = checkRefusals(options.refuses);
  const server = setupServer(...options.erp.handlers);
  const errors: unknown[] = [];
  const lines: LogLine[] = [];
  let current: ConnectorV1<Config> | undefined;
  let entriesMemo: readonly AccountingEntry[] | undefined;

  const connector = (): ConnectorV1<Config> => {
    if (current === undefined) {
      current = typeof options.connector === 'function' ? options.connector() : options.connector;
    }
    return current;
  };

  beforeAll(() => {
    server.listen({ onUnhandledFrame: 'error' });
  });
  afterAll(() => {
    server.close();
  });
  beforeEach(async () => {
    server.resetHandlers();
    current = undefined;
    await options.erp.reset();
  });

  const harness: Harness<Config> = {
    options,
    timeoutMs: options.timeoutMs ?? 20_000,
    errors,
    lines,
    connector,
    ctx(overrides = {}) {
      return createTestContext(connector(), options.config.valid, {
        ...(options.secrets === undefined ? {} : { secrets: options.secrets }),
        ...(overrides.signal === undefined ? {} : { signal: overrides.signal }),
        job: canonicalJob({ vendorBasedBookkeeping: overrides.vendorBasedBookkeeping ?? false }),
        lines,
      });
    },
    entries() {
      if (entriesMemo === undefined) {
        const c = connector();
        const parsed = c.configSchema.parse(options.config.valid);
        const mapping: MapOptions = { ...c.mapOptions?.(parsed), ...options.mapping };
        entriesMemo = canonicalEntries(mapping);
      }
      return entriesMemo;
    },
    supportedEntries() {
      return harness.entries().filter((entry) => harness.exclusion(entry) === undefined);
    },
    exclusion(entry) {
      const { entryTypes, bookkeepingMethods } = connector().manifest;
      const method =
        entry.kind === 'supplier_invoice' ? 'accounts_payable' : (entry.bookkeepingMethod ?? 'journal');
      const methodOk =
        bookkeepingMethods.includes(method) ||
        (method === 'none' && bookkeepingMethods.includes('journal') && entry.kind === 'journal');
      if (!entryTypes.includes(entry.type) || !methodOk) {
        return {
          kind: 'unsupported',
          reason: `the manifest does not support ${entry.type} / ${entry.bookkeepingMethod ?? 'legacy'}`,
        };
      }
      const name = CANONICAL_FIXTURE_NAMES[harness.entries().indexOf(entry)];
      const refusal = name === undefined ? undefined : refusals.get(name);
      return refusal === undefined ? undefined : { kind: 'refused', reason: `refused by design: ${refusal}` };
    },
    async postDurably(ctx, entries) {
      const c = connector();
      const results: PostResult[] = [];
      for (const entry of entries) results.push(await c.postEntry(ctx, entry));
      if (c.manifest.delivery === 'per_job') {
        if (c.commitJob === undefined)
          throw new Error(`${c.id}: delivery is per_job but commitJob is missing`);
        await c.commitJob(ctx, {
          job: ctx.job,
          posted: entries.map((entry, i) => ({ entry, result: results[i]! })),
        });
      }
      return results;
    },
    async rejection(promise) {
      try {
        await promise;
      } catch (error) {
        errors.push(error);
        return error;
      }
      expect.fail('expected the call to reject, but it resolved');
    },
    secretValues() {
      return [
        ...Object.values(options.secrets ?? {}),
        ...configSecretValues(options.config.valid, connector().secretFields),
      ];
    },
    onRequestStart(listener) {
      const handler = () => listener();
      server.events.on('request:start', handler);
      return () => server.events.removeListener('request:start', handler);
    },
  };
  return harness;
}
