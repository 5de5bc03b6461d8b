export type {
  Clock,
  ConnectorContext,
  CredentialsStore,
  Logger,
  SecretsAccessor,
  StoredCredential,
} from './connector/connector-context';
export type {
  AttachmentLimits,
  ConnectorAuthMode,
  ConnectorManifest,
  IdempotencyMode,
  RateLimits,
} from './connector/connector-manifest';
export {
  type AttachmentFile,
  type BatchPostOutcome,
  type Connector,
  type ConnectorV1,
  defineConnector,
  type EntryIssue,
  type JobCommit,
  type JobIssue,
  type PostedEntry,
  type PostResult,
  type ValidationReport,
} from './connector/connector-v1';
export {
  type CreateConnectorContextOptions,
  createConnectorContext,
  secretFieldValues,
  systemClock,
} from './connector/create-connector-context';
export { createMemoryCredentialsStore } from './connector/memory-credentials-store';
export type {
  AccountingEntry,
  AccountingEntryBase,
  Dimension,
  EntrySide,
  EntryVendor,
  JournalEntry,
  JournalLine,
  LineRole,
  LineTax,
  PostingMode,
  SupplierInvoiceEntry,
} from './entry/accounting-entry';
export { type MapResult, mapExportItem } from './entry/map-export-item';
export type { MapOptions, PeriodStrategy } from './entry/map-options';
export { mapUnknownExportItem } from './entry/map-unknown-export-item';
export {
  escalateItemReason,
  ITEM_FAILURE_REASONS,
  type ItemFailureReason,
  JOB_FAILURE_REASONS,
  type JobFailureReason,
  SYSTEMIC_ITEM_REASONS,
} from './errors/failure-reasons';
export { formatFieldPath } from './errors/field-path';
export {
  ItemError,
  JobError,
  LedgerportError,
  type LedgerportErrorOptions,
  MAX_USER_MESSAGE_LENGTH,
  truncateUserMessage,
} from './errors/ledgerport-error';
export { isRetryable, type ToLedgerportErrorOptions, toLedgerportError } from './errors/to-ledgerport-error';
export { DEFAULT_RETRY_SETTINGS, type RetrySettings } from './lifecycle/retry-runner';
export { runExportJob } from './lifecycle/run-export-job';
export type {
  ExportJobOutcome,
  ExportProgressEvent,
  RunExportJobOptions,
} from './lifecycle/run-export-job-options';
export { currencyExponent, isKnownCurrency } from './money/currency-exponent';
export { type DecimalFormat, formatMinorUnits } from './money/format-minor-units';
export { parseDecimalToMinorUnits } from './money/parse-decimal-to-minor-units';
export { createMemoryLogger, createRedactingLogger, type LogLine, noopLogger } from './security/loggers';
export { REDACTED, redactSecrets, redactText } from './security/redact';
export type {
  EntryOutcome,
  EntryOutcomeToRecord,
  EntryRecord,
  ExportStore,
  FinalEventRecord,
} from './store/export-store';
export { createMemoryExportStore } from './store/memory-export-store';
