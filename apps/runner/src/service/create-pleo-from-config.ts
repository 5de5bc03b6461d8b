import { createPleoClient, type PleoClient } from '@ledgerport/pleo';
import type { LedgerportConfig } from '../config/config-schema';

/**
 * The Pleo Export API client for the configured environment or base URL and credentials
 * (`@ledgerport/pleo`'s `createPleoClient`; it retries 429/5xx/network errors itself).
 */
export function createPleoFromConfig(pleo: LedgerportConfig['pleo'], companyId?: string): PleoClient {
  return createPleoClient({
    ...(pleo.baseUrl === undefined ? {} : { baseUrl: pleo.baseUrl }),
    ...(pleo.environment === undefined ? {} : { environment: pleo.environment }),
    auth:
      pleo.auth.type === 'apiKey'
        ? { type: 'apiKey', apiKey: pleo.auth.apiKey }
        : { type: 'bearer', token: pleo.auth.token },
    ...(companyId === undefined ? {} : { companyId }),
    ...(pleo.timeoutMs === undefined ? {} : { timeoutMs: pleo.timeoutMs }),
  });
}

/** The base URL requests go to (for messages). */
export function pleoBaseUrl(pleo: LedgerportConfig['pleo']): string {
  if (pleo.baseUrl !== undefined) return pleo.baseUrl;
  return pleo.environment === 'staging' ? 'https://external.staging.pleo.io' : 'https://external.pleo.io';
}
