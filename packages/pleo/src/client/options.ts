/**
 * Options of {@link createPleoClient}: base URL / environment (`servers` of `export-openapi.yml`),
 * credential, default `company_id`, retry budget and timeout.
 */
import type { PleoAuth } from '../http/auth';
import type { PleoRetryOptions } from '../http/transport';

/** Base URLs of the Export API (`servers` of `export-openapi.yml`). */
export const PLEO_BASE_URLS = {
  production: 'https://external.pleo.io',
  staging: 'https://external.staging.pleo.io',
} as const;

/** A named Pleo environment. */
export type PleoEnvironment = keyof typeof PLEO_BASE_URLS;

/** Settings of a {@link PleoClient}. */
export interface PleoClientOptions {
  /** Any base URL (e.g. a local sandbox `http://127.0.0.1:4010`); wins over `environment`. */
  baseUrl?: string;
  /** `production` (default) or `staging`, when `baseUrl` is not given. */
  environment?: PleoEnvironment;
  /** OAuth bearer token (string or getter called per request) or API key (Basic user name, empty password). */
  auth: PleoAuth;
  /** Default `company_id` for multi-entity organisations (used where the API accepts it). */
  companyId?: string;
  /** Retry budget for 429 / 5xx / network errors / timeouts; honours `Retry-After`. */
  retry?: PleoRetryOptions;
  /** Per-attempt timeout in milliseconds (default 30 000). */
  timeoutMs?: number;
  /** The fetch implementation (default: `globalThis.fetch`, the client's only global dependency). */
  fetch?: typeof globalThis.fetch;
}
