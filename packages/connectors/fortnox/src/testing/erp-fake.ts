import type { RequestHandler } from 'msw';

/**
 * The ERP-fake contract agreed for `@ledgerport/testkit` (issue #3), declared here structurally so the
 * Fortnox fake does not depend on the testkit at runtime (as the Xero fake does).
 */
export interface ErpFake {
  readonly handlers: readonly RequestHandler[];
  reset(): void | Promise<void>;
  listDocuments(): Promise<readonly ErpDocument[]>;
  writeCount(): Promise<number>;
  injectFault(fault: ErpFault): void;
}

/** A document the ERP holds: totals in minor units of `currency` as the ERP's ledger books them. */
export interface ErpDocument {
  readonly externalId: string;
  readonly currency: string;
  readonly debit: number;
  readonly credit: number;
  readonly attachments: { readonly fileName: string; readonly bytes: Uint8Array }[];
}

/** A fault applied to the next `times` (default 1) calls to the ERP. */
export type ErpFault =
  | {
      readonly kind: 'http';
      readonly status: number;
      readonly retryAfterSeconds?: number;
      readonly times?: number;
    }
  | { readonly kind: 'network'; readonly times?: number }
  | { readonly kind: 'timeout'; readonly afterCommit?: boolean; readonly times?: number };
