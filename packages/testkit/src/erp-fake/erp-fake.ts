import type { RequestHandler } from 'msw';

/**
 * A fault the ERP fake applies to its next calls (see {@link ErpFake.injectFault}). The testkit uses
 * faults to drive the standard HTTP → item failure-reason matrix (connector-kit's default table):
 *
 * | fault | expected `ItemError` reason | retryable |
 * |---|---|---|
 * | `http` 401 | `accounting_system_authentication_failure` | no |
 * | `http` 403 | `authorization_failure` | no |
 * | `http` 404 | `invalid_configuration` | no |
 * | `http` 409, 400, 422 | `accounting_system_validation_failure` (or a more precise `*_unknown`) | no |
 * | `http` 429 | `accounting_system_rate_limit`, `retryAfterMs` = `retryAfterSeconds` × 1000 | yes |
 * | `http` 500, 502, 503, 504 | `accounting_system_unreachable` | yes |
 * | `network` (reset, refused, DNS) | `accounting_system_unreachable` | yes |
 * | `timeout` | `accounting_system_timeout` | yes |
 *
 * `times` (default 1) is how many consecutive ERP calls the fault applies to.
 */
export type ErpFault =
  | {
      readonly kind: 'http';
      /** HTTP status the ERP answers with (with its documented error body). */
      readonly status: number;
      /** Sent as the `Retry-After` header (seconds), typically with 429. */
      readonly retryAfterSeconds?: number;
      readonly times?: number;
    }
  | {
      /** The connection fails (reset / refused / DNS): msw `HttpResponse.error()`. */
      readonly kind: 'network';
      readonly times?: number;
    }
  | {
      /**
       * The ERP does not answer in time: the request hangs until the client gives up (configure the
       * connector with a short timeout in tests). With `afterCommit: true` the write is performed and
       * only the response is lost, which is what makes idempotency matter. `afterCommit` faults apply
       * to the next state-changing call (not to look-ups).
       */
      readonly kind: 'timeout';
      readonly afterCommit?: boolean;
      readonly times?: number;
    };

/**
 * One document in the ERP (voucher, manual journal, bank transaction, invoice, file record), as the
 * contract suites see it. Amounts are sums over the document's lines, in integer minor units of
 * `currency` (ISO 4217). When one entry makes several ERP objects (a supplier invoice and its payment),
 * list each as its own document.
 */
export interface ErpDocument {
  /** The id `postEntry` returned as `externalId` for the entry that created this document. */
  readonly externalId: string;
  /** ISO 4217 code. */
  readonly currency: string;
  /** Σ debit lines, integer minor units. */
  readonly debit: number;
  /** Σ credit lines, integer minor units. */
  readonly credit: number;
  /** Receipts attached to the document, in upload order. */
  readonly attachments: readonly { readonly fileName: string; readonly bytes: Uint8Array }[];
}

/**
 * The stateful fake of a connector's ERP that {@link testConnector} drives. Each connector package
 * writes its own (HTTP connectors: msw handlers that validate request bodies against the vendor's
 * OpenAPI spec and answer with the vendor's documented shapes; file connectors: a file sink).
 */
export interface ErpFake {
  /** msw request handlers of the fake (`[]` for file or in-memory connectors). Run in an msw server with `onUnhandledFrame: 'error'`. */
  readonly handlers: readonly RequestHandler[];
  /** Clears documents, faults and the request log; called before each test. */
  reset(): void | Promise<void>;
  /** What the ERP now holds. */
  listDocuments(): Promise<readonly ErpDocument[]>;
  /** State-changing requests / writes since the last reset (the validate suite asserts it stays 0). */
  writeCount(): Promise<number>;
  /** Applies `fault` to the next `fault.times` (default 1) calls to the ERP. */
  injectFault(fault: ErpFault): void;
}
