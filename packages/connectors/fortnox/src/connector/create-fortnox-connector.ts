import { createTenantRateLimiter, type TenantRateLimiter } from '@ledgerport/connector-kit';
import {
  type ConnectorContext,
  type ConnectorV1,
  defineConnector,
  escalateItemReason,
  JobError,
  LedgerportError,
} from '@ledgerport/core';
import { attachToFortnox } from '../attachments/attach-to-fortnox';
import { type FortnoxConfig, fortnoxConfigSchema } from '../config/fortnox-config';
import { createFortnoxClient, type FortnoxClient } from '../http/fortnox-client';
import { postFortnoxEntry } from '../posting/post-fortnox-entry';
import { loadVoucherSeries } from '../reference/fortnox-reference-data';
import { validateFortnoxJob } from '../validate/validate-fortnox-job';
import { FORTNOX_RATE_LIMIT_MARGIN_MS, FORTNOX_RATE_LIMITS, fortnoxManifest } from './fortnox-manifest';

/** Options of {@link createFortnoxConnector}. */
export interface FortnoxConnectorOptions {
  /**
   * Divides Fortnox's 5 s window by this factor; only for fakes that compress time the same way (the
   * benchmark's fake enforces "25 per 500 ms" with `10`). Default 1 (real Fortnox).
   */
  readonly rateLimitTimeScale?: number;
  /**
   * Wall-clock slack added to the (scaled) 5 s window in ms, never scaled (connector-kit's
   * `safetyMarginMs`): covers the jitter between a call's start and its arrival at Fortnox. Default 150.
   */
  readonly rateLimitMarginMs?: number;
  /**
   * Share a limiter between connector instances (e.g. one per process). Default: connector-kit's
   * `createTenantRateLimiter` from `manifest.rateLimits` with `pacing: 'even'`, one per connector.
   */
  readonly limiter?: TenantRateLimiter;
}

/** The Fortnox connector, with the number of API calls made through it (for benchmarks). */
export type FortnoxConnector = ConnectorV1<FortnoxConfig> & {
  readonly stats: { apiCalls: number };
  /** The limiter every context of this connector shares (per access-token key). */
  readonly limiter: TenantRateLimiter;
};

/**
 * Creates the Fortnox connector (issue #7): vouchers with explicit VAT rows, look-up-before-post
 * idempotency on a `ReferenceNumber` marker (no idempotency key, no deletes), receipts through the
 * voucher inbox and voucher file connections, OAuth 2.0 with rotating refresh tokens or a service
 * account with TenantId, 25 requests / 5 s per token through connector-kit's tenant limiter (even pacing).
 */
export function createFortnoxConnector(options: FortnoxConnectorOptions = {}): FortnoxConnector {
  const limiter =
    options.limiter ??
    createTenantRateLimiter({
      rateLimits: fortnoxManifest.rateLimits ?? FORTNOX_RATE_LIMITS,
      // Fortnox counts arrivals in any sliding 5 s window: starts spaced (5 s + margin) / 25 apart.
      pacing: 'even',
      safetyMarginMs: options.rateLimitMarginMs ?? FORTNOX_RATE_LIMIT_MARGIN_MS,
      ...(options.rateLimitTimeScale === undefined ? {} : { timeScale: options.rateLimitTimeScale }),
    });
  const stats = { apiCalls: 0 };
  const clients = new WeakMap<ConnectorContext<FortnoxConfig>, FortnoxClient>();
  const clientFor = (ctx: ConnectorContext<FortnoxConfig>): FortnoxClient => {
    let client = clients.get(ctx);
    if (client === undefined) {
      client = createFortnoxClient(ctx, limiter, {
        ...(options.rateLimitTimeScale === undefined ? {} : { timeScale: options.rateLimitTimeScale }),
        onCall: () => {
          stats.apiCalls++;
        },
      });
      clients.set(ctx, client);
    }
    return client;
  };

  const connector = defineConnector<FortnoxConfig>({
    specificationVersion: 'v1',
    id: 'fortnox',
    manifest: fortnoxManifest,
    configSchema: fortnoxConfigSchema,
    secretFields: ['clientSecret', 'refreshToken'],

    async authenticate(ctx) {
      try {
        const client = clientFor(ctx);
        await client.ensureToken();
        await loadVoucherSeries(ctx, client); // proves the token works against the API
      } catch (error) {
        throw toJobError(error);
      }
    },

    async validate(ctx, job, entries) {
      try {
        return await validateFortnoxJob(ctx, clientFor(ctx), job, entries);
      } catch (error) {
        throw toJobError(error);
      }
    },

    postEntry(ctx, entry) {
      return postFortnoxEntry(ctx, clientFor(ctx), entry);
    },

    attach(ctx, posted, file) {
      return attachToFortnox(ctx, clientFor(ctx), posted, file);
    },
  });
  return Object.assign(connector, { stats, limiter });
}

/** Job-level form of a failure during authenticate/validate (systemic item reasons escalate; abort passes). */
function toJobError(error: unknown): unknown {
  if (!LedgerportError.isInstance(error) || error.scope === 'job') return error;
  const reason = escalateItemReason(error.reason as Parameters<typeof escalateItemReason>[0]);
  return new JobError(
    reason ??
      (error.reason === 'invalid_configuration' || error.reason === 'missing_configuration'
        ? error.reason
        : 'validation_failure'),
    error.message,
    {
      retryable: error.retryable,
      retryAfterMs: error.retryAfterMs,
      details: error.details,
      ...(error.field === undefined ? {} : { field: error.field }),
      cause: error,
    },
  );
}

/** A Fortnox connector with default options, for the runner's registry. */
export const fortnoxConnector: FortnoxConnector = createFortnoxConnector();
