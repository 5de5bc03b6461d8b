/**
 * `@ledgerport/pleo-sandbox`: a faithful local Pleo Export API v3 — msw handlers, a loopback HTTP
 * server, and a programmatic API to seed companies, jobs and export items.
 */
export type { SandboxClock } from './clock/sandbox-clock';
export type { FaultControl, FaultRule } from './faults/fault-injector';
export { SandboxApiError } from './http/api-error';
export type { CursorPageInfo } from './http/cursor-pagination';
export type { RequestLogEntry, SandboxHttpRequest, SandboxHttpResponse } from './http/request-handler';
export { RECEIPT_URL_VALIDITY_MS } from './receipts/receipt-urls';
export {
  type CreateCompanyOptions,
  createPleoSandbox,
  type PleoSandbox,
  type PleoSandboxOptions,
  type SeedCompanyOptions,
} from './sandbox/create-pleo-sandbox';
export { type GenerateSeedItemsOptions, generateSeedItems } from './seed/generate-seed-items';
export { loadSeedItemsFile, SeedFileError } from './seed/load-seed-items-file';
export {
  type RunningSandboxCli,
  runSandboxCli,
  type SandboxCliInfo,
  SandboxCliUsageError,
} from './server/run-sandbox-cli';
export {
  JOB_EXPIRES_IN_SECONDS,
  MAX_ITEM_UPDATES_PER_REQUEST,
  SandboxUsageError,
} from './store/sandbox-store';
export type { WebhookDelivery } from './webhook/job-created-webhook';
