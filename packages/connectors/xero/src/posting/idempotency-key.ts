import { createHash } from 'node:crypto';

/** Xero's `Idempotency-Key` limit: 128 characters (spec `components.parameters.idempotencyKey`). */
export const XERO_IDEMPOTENCY_KEY_MAX = 128;

/**
 * The `Idempotency-Key` of one PUT, derived from the entries it carries (in order) and the operation:
 * `pleo-<op>-<sha256 hex of the idempotency keys>` (≤ 128 chars). The same entries in the same order
 * always give the same key, so a retried request is answered with the first response instead of
 * creating documents twice. The ordered list matters because Xero replays a whole response.
 * @param operation - short name of the call, e.g. `mj` (ManualJournals), `bt`, `inv`, `pay`, `att`.
 */
export function idempotencyKeyFor(operation: string, keys: readonly string[]): string {
  const digest = createHash('sha256')
    .update(JSON.stringify([operation, ...keys]))
    .digest('hex');
  return `pleo-${operation}-${digest}`.slice(0, XERO_IDEMPOTENCY_KEY_MAX);
}
