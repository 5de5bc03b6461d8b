import { createTenantRateLimiter, type TenantRateLimiter } from '@ledgerport/connector-kit';
import {
  type ConnectorContext,
  type ConnectorV1,
  defineConnector,
  escalateItemReason,
  ItemError,
  JobError,
  LedgerportError,
} from '@ledgerport/core';
import { attachToXero } from '../attachments/attach-to-xero';
import { type XeroConfig, xeroConfigSchema } from '../config/xero-config';
import { createXeroClient, type XeroClient } from '../http/xero-client';
import { postXeroEntries } from '../posting/post-xero-entries';
import { loadOrganisation, prefetchReferenceData } from '../reference/xero-reference-data';
import { validateXeroJob } from '../validate/validate-xero-job';
import { XERO_RATE_LIMIT_MARGIN_MS, xeroManifest } from './xero-manifest';

/** Options of {@link createXeroConnector}. */
export interface XeroConnectorOptions {
  /**
   * Divides Xero's rate-limit windows by this factor; only for fakes that compress time the same way
   * (the benchmark's fake enforces "60 calls per 6 s" with `10`). Default 1 (real Xero).
   */
  readonly rateLimitTimeScale?: number;
  /**
   * Wall-clock slack added to the (scaled) 60 s window in ms, never scaled (connector-kit's
   * `safetyMarginMs`). Default {@link XERO_RATE_LIMIT_MARGIN_MS} (100).
   */
  readonly rateLimitMarginMs?: number;
  /** Share a limiter between connector instances (e.g. one per process). Default: one per connector. */
  readonly limiter?: TenantRateLimiter;
}

/** The Xero connector with its client introspection for benchmarks (`calls` made per context). */
export type XeroConnector = ConnectorV1<XeroConfig> & {
  /** HTTP calls made to the accounting API so far through contexts of this connector. */
  readonly stats: { apiCalls: number };
};

/**
 * Creates the Xero connector (issue #6): ManualJournals / BankTransactions / ACCPAY bills with
 * payments, batched 50 per PUT with `Idempotency-Key`, receipts as attachments, OAuth 2.0 with rotating
 * refresh tokens or Custom Connections, Xero's per-tenant limits through connector-kit's limiter.
 * `authenticate` reads `GET /Organisation` and, for a job with items, starts `GET /Accounts` and
 * `GET /TaxRates` beside it (read-only, memoised per job, awaited but their failures left to `validate`),
 * so entry validation needs no second round trip.
 */
export function createXeroConnector(options: XeroConnectorOptions = {}): XeroConnector {
  const limiter =
    options.limiter ??
    createTenantRateLimiter({
      rateLimits: xeroManifest.rateLimits ?? { requests: 60, windowMs: 60_000 },
      // Few, batched calls: a window's budget may start back to back (sliding window of start times).
      pacing: 'burst',
      safetyMarginMs: options.rateLimitMarginMs ?? XERO_RATE_LIMIT_MARGIN_MS,
      ...(options.rateLimitTimeScale === undefined ? {} : { timeScale: options.rateLimitTimeScale }),
    });
  const stats = { apiCalls: 0 };
  const clients = new WeakMap<ConnectorContext<XeroConfig>, XeroClient>();
  const clientFor = (ctx: ConnectorContext<XeroConfig>): XeroClient => {
    let client = clients.get(ctx);
    if (client === undefined) {
      const inner = createXeroClient(ctx, limiter);
      client = {
        ...inner,
        call: (path, callOptions) => {
          stats.apiCalls++;
          return inner.call(path, callOptions);
        },
      };
      clients.set(ctx, client);
    }
    return client;
  };

  const connector = defineConnector<XeroConfig>({
    specificationVersion: 'v1',
    id: 'xero',
    manifest: xeroManifest,
    configSchema: xeroConfigSchema,
    secretFields: ['clientSecret', 'refreshToken'],

    async authenticate(ctx) {
      try {
        const client = clientFor(ctx);
        const referenceData = ctx.job.numberOfItems > 0 ? prefetchReferenceData(ctx, client) : undefined;
        await loadOrganisation(ctx, client);
        await referenceData;
      } catch (error) {
        throw toJobError(error);
      }
    },

    async validate(ctx, job, entries) {
      try {
        return await validateXeroJob(ctx, clientFor(ctx), job, entries);
      } catch (error) {
        throw toJobError(error);
      }
    },

    async postEntry(ctx, entry) {
      const [outcome] = await postXeroEntries(ctx, clientFor(ctx), [entry]);
      if (outcome === undefined)
        throw new ItemError('unexpected_failure', 'Xero returned no result for the entry.');
      if (!outcome.ok) throw outcome.error;
      return outcome.result;
    },

    postEntries(ctx, entries) {
      return postXeroEntries(ctx, clientFor(ctx), entries);
    },

    attach(ctx, posted, file) {
      return attachToXero(ctx, clientFor(ctx), posted, file);
    },
  });
  return Object.assign(connector, { stats });
}

/** Job-level form of a failure during authenticate/validate (systemic item reasons escalate; abort passes). */
function toJobError(error: unknown): unknown {
  if (!LedgerportError.isInstance(error) || error.scope === 'job') return error;
  const reason = escalateItemReason(error.reason as Parameters<typeof escalateItemReason>[0]);
  return new JobError(
    reason ?? (error.reason === 'invalid_configuration' ? 'invalid_configuration' : 'validation_failure'),
    error.message,
    {
      retryable: error.retryable,
      retryAfterMs: error.retryAfterMs,
      details: error.details,
      cause: error,
    },
  );
}

/** A Xero connector with default options, for registries. */
export const xeroConnector: XeroConnector = createXeroConnector();
