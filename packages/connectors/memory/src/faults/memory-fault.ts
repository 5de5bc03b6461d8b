/**
 * A fault the in-memory ledger applies to its next `times` (default 1) calls. Same shape as the
 * testkit's `ErpFault`, so `memoryErpFake(ledger).injectFault` passes it straight through:
 * - `http`: the ledger answers as an HTTP ERP would with `status` (and `Retry-After` seconds);
 * - `network`: the connection fails;
 * - `timeout`: no answer before the connector's timeout; with `afterCommit` the write happens and
 *   only the answer is lost (applies to the next write).
 */
export type MemoryFault =
  | {
      readonly kind: 'http';
      readonly status: number;
      readonly retryAfterSeconds?: number;
      readonly times?: number;
    }
  | { readonly kind: 'network'; readonly times?: number }
  | { readonly kind: 'timeout'; readonly afterCommit?: boolean; readonly times?: number };

/** What a ledger call is, for fault matching: `afterCommit` timeouts only hit writes. */
export type LedgerCallKind = 'read' | 'write';
