/** `PleoWebhookVerificationError`: a webhook delivery that must be rejected (answer 400/401). */

/** Why a delivery was rejected. */
export type PleoWebhookRejection =
  | 'missing_header'
  | 'invalid_timestamp'
  | 'stale_timestamp'
  | 'invalid_signature'
  | 'invalid_secret'
  | 'invalid_payload';

/**
 * Thrown by `verifyPleoWebhook` when a delivery is not authentic, outside the 5-minute replay window,
 * or (signed but) not a parsable event. `reason` is machine-readable; the message says what to check
 * and never contains the secret.
 */
export class PleoWebhookVerificationError extends Error {
  override readonly name = 'PleoWebhookVerificationError';
  readonly reason: PleoWebhookRejection;

  constructor(reason: PleoWebhookRejection, message: string) {
    super(message);
    this.reason = reason;
  }
}
