/**
 * `@ledgerport/connector-memory`: the reference Ledgerport connector, booking into an in-memory
 * ledger with native idempotency, batches, receipts and injectable faults.
 */
export { checkAttachment } from './attachments/attachment-checks';
export {
  createMemoryConnector,
  type MemoryConnector,
  type MemoryConnectorOptions,
} from './connector/create-memory-connector';
export { type MemoryConfig, memoryConfigSchema } from './connector/memory-config';
export { MEMORY_MAX_ATTACHMENT_BYTES, memoryManifest } from './connector/memory-manifest';
export { faultToItemError, faultToJobError } from './faults/fault-to-error';
export type { LedgerCallKind, MemoryFault } from './faults/memory-fault';
export type { MemoryAttachment, MemoryDocument, MemoryLine } from './ledger/memory-document';
export {
  createMemoryLedger,
  type EnteredFault,
  type MemoryLedger,
  type MemoryLedgerOptions,
} from './ledger/memory-ledger';
export { type MemoryErpDocument, type MemoryErpFake, memoryErpFake } from './testing/memory-erp-fake';
export { entryIssues } from './validation/entry-checks';
