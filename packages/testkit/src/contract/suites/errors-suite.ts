import { ItemError, type ItemFailureReason } from '@ledgerport/core';
import { expect, it } from 'vitest';
import type { ErpFault } from '../../erp-fake/erp-fake';
import type { Harness } from '../harness';
import { simpleEntry } from './idempotency-suite';

interface MatrixRow {
  readonly name: string;
  readonly fault: ErpFault;
  readonly reasons: readonly ItemFailureReason[];
  readonly retryable: boolean;
  readonly retryAfterMs?: number;
}

/**
 * The standard HTTP → item failure-reason matrix (connector-kit's default table). Faults apply to 3
 * consecutive calls, so a connector that refreshes a token once or looks a document up first still
 * meets the fault on the call that matters. Each row is `{ name, fault: ErpFault, reasons, retryable,
 * retryAfterMs? }`: `postEntry` must reject with an `ItemError` whose reason is one of `reasons`
 * (`ExportJobItemFailureReasonType`, pleo-export-api.md §5.2; the first is the expected default), whose
 * `retryable` matches, and, when set, whose `retryAfterMs` (milliseconds) equals the row's.
 */
export const ERROR_MATRIX: readonly MatrixRow[] = [
  {
    name: '401 Unauthorized',
    fault: { kind: 'http', status: 401, times: 3 },
    reasons: ['accounting_system_authentication_failure'],
    retryable: false,
  },
  {
    name: '403 Forbidden',
    fault: { kind: 'http', status: 403, times: 3 },
    reasons: ['authorization_failure'],
    retryable: false,
  },
  {
    name: '404 Not Found',
    fault: { kind: 'http', status: 404, times: 3 },
    reasons: ['invalid_configuration'],
    retryable: false,
  },
  {
    name: '409 Conflict',
    fault: { kind: 'http', status: 409, times: 3 },
    reasons: ['accounting_system_validation_failure'],
    retryable: false,
  },
  {
    name: '422 Unprocessable',
    fault: { kind: 'http', status: 422, times: 3 },
    reasons: [
      'accounting_system_validation_failure',
      'account_unknown',
      'tax_code_unknown',
      'vendor_unknown',
      'tag_unknown',
    ],
    retryable: false,
  },
  {
    name: '429 Too Many Requests with Retry-After',
    fault: { kind: 'http', status: 429, retryAfterSeconds: 7, times: 3 },
    reasons: ['accounting_system_rate_limit'],
    retryable: true,
    retryAfterMs: 7000,
  },
  {
    name: '500 Internal Server Error',
    fault: { kind: 'http', status: 500, times: 3 },
    reasons: ['accounting_system_unreachable'],
    retryable: true,
  },
  {
    name: '503 Service Unavailable',
    fault: { kind: 'http', status: 503, times: 3 },
    reasons: ['accounting_system_unreachable'],
    retryable: true,
  },
  {
    name: 'network error',
    fault: { kind: 'network', times: 3 },
    reasons: ['accounting_system_unreachable'],
    retryable: true,
  },
  {
    name: 'timeout',
    fault: { kind: 'timeout', times: 3 },
    reasons: ['accounting_system_timeout'],
    retryable: true,
  },
];

/** Each row of {@link ERROR_MATRIX}: `postEntry` rejects with an `ItemError` of the row's reason and retryability, and books nothing. */
export function errorsSuite<Config>(h: Harness<Config>): void {
  for (const row of ERROR_MATRIX) {
    it(`${row.name} → ${row.reasons[0]}${row.retryable ? ' (retryable)' : ''}`, async () => {
      const entry = simpleEntry(h);
      h.options.erp.injectFault(row.fault);
      const error = await h.rejection(h.connector().postEntry(h.ctx(), entry));
      expect(ItemError.isInstance(error), `expected an ItemError, got ${String(error)}`).toBe(true);
      if (!ItemError.isInstance(error)) return;
      expect(row.reasons).toContain(error.reason);
      expect(error.retryable, 'retryable').toBe(row.retryable);
      if (row.retryAfterMs !== undefined)
        expect(error.retryAfterMs, 'retryAfterMs from Retry-After').toBe(row.retryAfterMs);
      expect(error.message.trim().length, 'the error needs a user-safe message').toBeGreaterThan(0);
      expect(error.message.length).toBeLessThanOrEqual(500);
      expect(await h.options.erp.listDocuments(), 'a failed post must not book anything').toEqual([]);
    });
  }
}
