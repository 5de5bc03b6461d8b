import type { LedgerportConfigInput } from './config-schema';

/**
 * Typed identity helper for `ledgerport.config.ts`:
 *
 * ```ts
 * import { defineConfig } from '@ledgerport/runner';
 * export default defineConfig({
 *   pleo: { environment: 'staging', auth: { type: 'apiKey', apiKey: 'env:PLEO_API_KEY' } },
 *   companies: { '…uuid…': { connector: 'sie', config: { … } } },
 * });
 * ```
 *
 * Validation (and `env:`/`file:` resolution) happens when the runner loads the file.
 */
export function defineConfig(config: LedgerportConfigInput): LedgerportConfigInput {
  return config;
}
