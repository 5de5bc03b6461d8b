import type { LedgerCallKind, MemoryFault } from '../faults/memory-fault';
import { abortableWait } from './abortable-wait';
import type { MemoryAttachment, MemoryDocument } from './memory-document';

/** Options of {@link createMemoryLedger}. */
export interface MemoryLedgerOptions {
  /** The ledger's name; when set, the connector's `ledgerName` must equal it (else `invalid_configuration`). */
  readonly name?: string;
  /** When set, the connector's `apiKey` must equal it (else `accounting_system_authentication_failure`). */
  readonly apiKey?: string;
  /** GL account codes that exist; when set, entries booking other accounts fail with `account_unknown`. */
  readonly chartOfAccounts?: readonly string[];
  /** Last locked date (ISO `YYYY-MM-DD`, inclusive); entries posted on or before it are rejected. */
  readonly lockedThrough?: string;
  /** Simulated duration of every ledger call, in milliseconds (abortable). Default 0. */
  readonly latencyMs?: number;
  /** How long a `timeout` fault hangs before the call gives up, in milliseconds. Default 50. */
  readonly timeoutMs?: number;
  /** Faults to start with (applied in order). */
  readonly faults?: readonly MemoryFault[];
}

/** A fault taken for one call: `commit` says the write goes through and only the answer is lost. */
export type EnteredFault = { readonly fault: MemoryFault; readonly commit: boolean };

/**
 * The in-memory ERP behind the memory connector: vouchers keyed by idempotency key (native
 * idempotency: one voucher per key), a chart of accounts, a lock date, a write counter and a fault
 * queue. Not safe across processes; one ledger per tenant.
 */
export interface MemoryLedger {
  /** {@link MemoryLedgerOptions.name}: the `ledgerName` the connector must be configured with, if any. */
  readonly name: string | undefined;
  /** {@link MemoryLedgerOptions.apiKey}: the key the connector must present, if any (a secret). */
  readonly apiKey: string | undefined;
  /** GL account codes that exist, or `undefined` when every account is accepted. */
  readonly chartOfAccounts: ReadonlySet<string> | undefined;
  /** Last locked date, ISO `YYYY-MM-DD` inclusive, or `undefined` for no lock. */
  readonly lockedThrough: string | undefined;
  /** How long a `timeout` fault hangs, in milliseconds. */
  readonly timeoutMs: number;
  /** Vouchers in creation order (copies are not made: treat as read-only). */
  documents(): readonly MemoryDocument[];
  /** The voucher booked for an idempotency key (Pleo `accountingEntryId`), or `undefined`. */
  findByKey(idempotencyKey: string): MemoryDocument | undefined;
  /** The voucher with this id (`MEM-000001`), or `undefined`. */
  findById(externalId: string): MemoryDocument | undefined;
  /** State-changing calls since the last reset. */
  readonly writeCount: number;
  /**
   * Queues `fault` for the next `fault.times` (default 1) calls. Throws `RangeError` when `times` is
   * not a positive integer.
   */
  injectFault(fault: MemoryFault): void;
  /** Clears vouchers, faults and the write count (keeps name, key, chart, lock date). */
  reset(): void;
  /**
   * Starts one call: honours the signal and the latency, counts writes, and takes the next fault.
   * `afterCommit` timeouts are left in the queue for reads. Rejects with `signal.reason` on abort.
   */
  enter(kind: LedgerCallKind, signal: AbortSignal): Promise<EnteredFault | undefined>;
  /**
   * Allocates the next voucher id (`MEM-` + 6 digits) and stores the voucher built from it. Does not
   * check the idempotency key: callers look it up with {@link MemoryLedger.findByKey} first (a second
   * insert with the same key would shadow the first in `findByKey`).
   */
  insert(build: (externalId: string) => MemoryDocument): MemoryDocument;
  /** Adds or replaces (same `index`) an attachment of voucher `externalId`; throws `Error` when no such voucher exists. */
  attach(externalId: string, attachment: MemoryAttachment): void;
}

/**
 * Creates an empty {@link MemoryLedger} configured by `options` (see {@link MemoryLedgerOptions}).
 * @throws RangeError when one of `options.faults` has a `times` that is not a positive integer.
 */
export function createMemoryLedger(options: MemoryLedgerOptions = {}): MemoryLedger {
  const byKey = new Map<string, MemoryDocument>();
  const byId = new Map<string, MemoryDocument>();
  let faults: { fault: MemoryFault; remaining: number }[] = [];
  let writes = 0;
  let sequence = 0;
  const latencyMs = options.latencyMs ?? 0;

  const ledger: MemoryLedger = {
    name: options.name,
    apiKey: options.apiKey,
    chartOfAccounts: options.chartOfAccounts === undefined ? undefined : new Set(options.chartOfAccounts),
    lockedThrough: options.lockedThrough,
    timeoutMs: options.timeoutMs ?? 50,
    documents: () => [...byKey.values()],
    findByKey: (key) => byKey.get(key),
    findById: (id) => byId.get(id),
    get writeCount() {
      return writes;
    },
    injectFault(fault) {
      const times = fault.times ?? 1;
      if (!Number.isInteger(times) || times < 1) {
        throw new RangeError(`fault.times must be a positive integer, got ${String(fault.times)}`);
      }
      faults.push({ fault, remaining: times });
    },
    reset() {
      byKey.clear();
      byId.clear();
      faults = [];
      writes = 0;
      sequence = 0;
    },
    async enter(kind, signal) {
      signal.throwIfAborted();
      if (latencyMs > 0) await abortableWait(latencyMs, signal);
      if (kind === 'write') writes++;
      const next = faults[0];
      if (next === undefined) return undefined;
      const afterCommit = next.fault.kind === 'timeout' && next.fault.afterCommit === true;
      if (afterCommit && kind === 'read') return undefined;
      next.remaining--;
      if (next.remaining === 0) faults.shift();
      return { fault: next.fault, commit: afterCommit };
    },
    insert(build) {
      sequence++;
      const document = build(`MEM-${String(sequence).padStart(6, '0')}`);
      byKey.set(document.idempotencyKey, document);
      byId.set(document.externalId, document);
      return document;
    },
    attach(externalId, attachment) {
      const document = byId.get(externalId);
      if (document === undefined) throw new Error(`voucher ${externalId} does not exist`);
      const attachments = [
        ...document.attachments.filter((a) => a.index !== attachment.index),
        attachment,
      ].sort((a, b) => a.index - b.index);
      const updated = { ...document, attachments };
      byKey.set(updated.idempotencyKey, updated);
      byId.set(updated.externalId, updated);
    },
  };
  for (const fault of options.faults ?? []) ledger.injectFault(fault);
  return ledger;
}
