import { createHash } from 'node:crypto';

/** Which voucher of an entry a marker names: the entry's own, or the payment of a paid supplier invoice. */
export type VoucherPart = 'entry' | 'payment';

const PLAIN_KEY = /^[A-Za-z0-9-]{1,40}$/;

/**
 * The `ReferenceNumber` marker that makes a voucher findable again (issue #7 "No idempotency key"):
 * `pleo:<idempotencyKey>` (Pleo's `accountingEntryId`, a UUID), with `:p` for the payment voucher of a
 * paid supplier invoice. Keys that are not short and plain are replaced by 32 hex characters of their
 * SHA-256, so the marker stays ≤ 48 characters and free of characters Fortnox may reject.
 */
export function referenceMarker(idempotencyKey: string, part: VoucherPart = 'entry'): string {
  const key = PLAIN_KEY.test(idempotencyKey)
    ? idempotencyKey
    : createHash('sha256').update(idempotencyKey).digest('hex').slice(0, 32);
  return part === 'payment' ? `pleo:${key}:p` : `pleo:${key}`;
}
