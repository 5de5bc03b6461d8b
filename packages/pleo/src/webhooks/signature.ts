/**
 * Standard Webhooks signatures, the scheme Pleo's webhook deliveries use (`webhook-id`,
 * `webhook-timestamp`, `webhook-signature`; pleo-export-api.md §7; https://www.standardwebhooks.com):
 * HMAC-SHA256 over `${webhook-id}.${webhook-timestamp}.${body}`, keyed by the base64-decoded part of
 * the `whsec_…` secret, sent as `v1,<base64>`.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import { PleoWebhookVerificationError } from './verification-error';

/** Decodes a `whsec_<base64>` (or bare base64) signing secret into key bytes. */
export function decodeWebhookSecret(secret: string): Buffer {
  const encoded = typeof secret === 'string' ? secret.replace(/^whsec_/, '') : '';
  if (encoded === '' || !/^[A-Za-z0-9+/]+={0,2}$/.test(encoded)) {
    throw new PleoWebhookVerificationError(
      'invalid_secret',
      'The webhook secret must be the subscription secret "whsec_<base64>" from GET /v1/subscriptions/{id}/secret.',
    );
  }
  return Buffer.from(encoded, 'base64');
}

/** The raw HMAC-SHA256 digest of `${id}.${timestamp}.${body}`. */
export function computeWebhookDigest(
  key: Buffer,
  id: string,
  timestamp: number,
  body: string | Uint8Array,
): Buffer {
  const hmac = createHmac('sha256', key);
  hmac.update(`${id}.${timestamp}.`, 'utf8');
  hmac.update(typeof body === 'string' ? Buffer.from(body, 'utf8') : body);
  return hmac.digest();
}

/**
 * Signs a delivery: returns the `webhook-signature` header value `v1,<base64 HMAC-SHA256>`.
 * `timestamp` is a `Date` or Unix seconds; `body` the exact raw bytes (or UTF-8 text) to send. Throws
 * {@link PleoWebhookVerificationError} (`invalid_secret`) when `secret` is not `whsec_<base64>`. Used
 * by the sandbox and tests to send deliveries.
 */
export function signPleoWebhook(input: {
  secret: string;
  id: string;
  timestamp: Date | number;
  body: string | Uint8Array;
}): string {
  const seconds =
    input.timestamp instanceof Date ? Math.floor(input.timestamp.getTime() / 1000) : input.timestamp;
  const digest = computeWebhookDigest(decodeWebhookSecret(input.secret), input.id, seconds, input.body);
  return `v1,${digest.toString('base64')}`;
}

/**
 * True when any `v1,<base64>` entry of the space-separated `header` equals `expected` (constant-time
 * comparison per entry; other versions are ignored).
 */
export function signatureHeaderMatches(header: string, expected: Buffer): boolean {
  let matched = false;
  for (const entry of header.split(' ')) {
    const [version, encoded] = entry.split(',', 2);
    if (version !== 'v1' || !encoded) continue;
    const candidate = Buffer.from(encoded, 'base64');
    if (candidate.length === expected.length && timingSafeEqual(candidate, expected)) matched = true;
  }
  return matched;
}
