import type { MemoryFault } from '../faults/memory-fault';
import type { MemoryDocument } from '../ledger/memory-document';
import type { MemoryLedger } from '../ledger/memory-ledger';

/** A voucher as the testkit sees it (`ErpDocument` of `@ledgerport/testkit`). */
export interface MemoryErpDocument {
  readonly externalId: string;
  readonly currency: string;
  /** Σ debit lines (invoice and payment), integer minor units. */
  readonly debit: number;
  /** Σ credit lines (invoice and payment), integer minor units. */
  readonly credit: number;
  readonly attachments: readonly { readonly fileName: string; readonly bytes: Uint8Array }[];
}

/**
 * The testkit's `ErpFake` for a memory ledger (structurally typed, so this package does not depend on
 * the testkit at runtime). No msw handlers: the ledger lives in the process.
 */
export interface MemoryErpFake {
  readonly handlers: readonly [];
  reset(): void;
  listDocuments(): Promise<readonly MemoryErpDocument[]>;
  writeCount(): Promise<number>;
  injectFault(fault: MemoryFault): void;
}

function toErpDocument(document: MemoryDocument): MemoryErpDocument {
  let debit = 0;
  let credit = 0;
  for (const line of [...document.lines, ...document.paymentLines]) {
    if (line.side === 'debit') debit += line.amount;
    else credit += line.amount;
  }
  return {
    externalId: document.externalId,
    currency: document.currency,
    debit,
    credit,
    attachments: document.attachments.map((a) => ({ fileName: a.fileName, bytes: new Uint8Array(a.bytes) })),
  };
}

/**
 * Wraps `ledger` as the testkit's ERP fake:
 * `testConnector({ connector, erp: memoryErpFake(connector.ledger), config })`.
 */
export function memoryErpFake(ledger: MemoryLedger): MemoryErpFake {
  return {
    handlers: [],
    reset: () => ledger.reset(),
    listDocuments: async () => ledger.documents().map(toErpDocument),
    writeCount: async () => ledger.writeCount,
    injectFault: (fault) => ledger.injectFault(fault),
  };
}
