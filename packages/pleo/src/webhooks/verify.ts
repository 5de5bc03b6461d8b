/**
 * `verifyPleoWebhook`: authenticate a Pleo webhook delivery (Standard Webhooks scheme, 5-minute
 * replay window) and parse it into a typed event.
 */
import { formatIssues, summarizeIssues } from '../validation/format-issues';
import {
  EXPORT_JOB_CREATED_EVENT_TYPES,
  exportJobCreatedDataSchema,
  type PleoWebhookEvent,
  webhookEventEnvelopeSchema,
} from './event';
import { computeWebhookDigest, decodeWebhookSecret, signatureHeaderMatches } from './signature';
import { PleoWebhookVerificationError } from './verification-error';

/** Replay window in seconds (5 minutes, the Standard Webhooks default): deliveries whose `webhook-timestamp` is further than this from now, either way, are rejected. */
export const PLEO_WEBHOOK_TOLERANCE_SECONDS = 5 * 60;

/** Request headers: a Fetch `Headers`, or a plain object such as Node's `IncomingHttpHeaders`. */
export type WebhookHeaders = Headers | Record<string, string | string[] | undefined>;

/** Input of {@link verifyPleoWebhook}. */
export interface VerifyPleoWebhookInput {
  /** The subscription secret `whsec_<base64>`. */
  secret: string;
  /** The delivery's headers (`webhook-id`, `webhook-timestamp`, `webhook-signature`; any case). */
  headers: WebhookHeaders;
  /** The raw request body exactly as received (do not re-serialise parsed JSON). */
  body: string | Uint8Array;
  /** Clock for the replay window (default: now). */
  now?: Date;
  /** Replay window in seconds (default {@link PLEO_WEBHOOK_TOLERANCE_SECONDS}). */
  toleranceSeconds?: number;
}

/**
 * Verifies a delivery and returns its event.
 *
 * Checks, in order: the `webhook-id`, `webhook-timestamp` and `webhook-signature` headers are
 * present; the timestamp is Unix seconds within ±5 minutes of `now`; one of the space-separated
 * `v1,<base64>` signatures equals HMAC-SHA256(base64decode(secret without `whsec_`),
 * `${id}.${timestamp}.${body}`) (constant-time); the body is a JSON event. `v1.export-job.created`
 * (or the older `v1.export.job-created`) is parsed into `{ kind: 'export-job.created', data }`;
 * other event types come back as `{ kind: 'other', payload }`.
 *
 * @throws PleoWebhookVerificationError with `reason` `missing_header`, `invalid_timestamp`,
 *   `stale_timestamp`, `invalid_signature`, `invalid_secret` or `invalid_payload`.
 */
export function verifyPleoWebhook(input: VerifyPleoWebhookInput): PleoWebhookEvent {
  const key = decodeWebhookSecret(input.secret);
  const id = header(input.headers, 'webhook-id');
  const timestampText = header(input.headers, 'webhook-timestamp');
  const signature = header(input.headers, 'webhook-signature');

  if (!/^\d+$/.test(timestampText)) {
    throw new PleoWebhookVerificationError(
      'invalid_timestamp',
      `webhook-timestamp must be Unix seconds, got ${JSON.stringify(timestampText.slice(0, 32))}.`,
    );
  }
  const timestamp = Number(timestampText);
  const nowSeconds = Math.floor((input.now ?? new Date()).getTime() / 1000);
  const tolerance = input.toleranceSeconds ?? PLEO_WEBHOOK_TOLERANCE_SECONDS;
  if (nowSeconds - timestamp > tolerance) {
    throw new PleoWebhookVerificationError(
      'stale_timestamp',
      `webhook-timestamp is ${nowSeconds - timestamp} s old, beyond the ${tolerance} s replay window; reject the delivery (check the receiver's clock if this repeats).`,
    );
  }
  if (timestamp - nowSeconds > tolerance) {
    throw new PleoWebhookVerificationError(
      'stale_timestamp',
      `webhook-timestamp is ${timestamp - nowSeconds} s in the future, beyond the ${tolerance} s window; check the receiver's clock.`,
    );
  }

  const expected = computeWebhookDigest(key, id, timestamp, input.body);
  if (!signatureHeaderMatches(signature, expected)) {
    throw new PleoWebhookVerificationError(
      'invalid_signature',
      'webhook-signature does not match: the body was altered, or the secret is not this subscription\'s (rotate-safe: every "v1,…" entry was tried).',
    );
  }

  const text = typeof input.body === 'string' ? input.body : new TextDecoder().decode(input.body);
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new PleoWebhookVerificationError('invalid_payload', 'The signed webhook body is not JSON.');
  }
  const unwrapped = unwrap(json);
  const envelope = webhookEventEnvelopeSchema.safeParse(unwrapped);
  if (!envelope.success) {
    throw new PleoWebhookVerificationError(
      'invalid_payload',
      `The signed webhook body is not an event: ${summarizeIssues(formatIssues(envelope.error))}.`,
    );
  }
  const meta = { webhookId: id, timestamp: new Date(timestamp * 1000), eventId: envelope.data.eventId };
  const sentEventType = envelope.data.eventType;
  if (!(EXPORT_JOB_CREATED_EVENT_TYPES as readonly string[]).includes(sentEventType)) {
    return { kind: 'other', eventType: sentEventType, payload: unwrapped, ...meta };
  }
  const data = exportJobCreatedDataSchema.safeParse(envelope.data.data);
  if (!data.success) {
    throw new PleoWebhookVerificationError(
      'invalid_payload',
      `The ${sentEventType} event has invalid data: ${summarizeIssues(formatIssues(data.error, 'data'))}.`,
    );
  }
  return {
    kind: 'export-job.created',
    eventType: 'v1.export-job.created',
    sentEventType,
    data: data.data,
    ...meta,
  };
}

/** Pleo's docs show the event both bare and inside `{ payload: {…} }`; accept either. */
function unwrap(json: unknown): unknown {
  if (typeof json === 'object' && json !== null && !('eventType' in json) && 'payload' in json) {
    return (json as { payload: unknown }).payload;
  }
  return json;
}

function header(headers: WebhookHeaders, name: string): string {
  let value: string | string[] | null | undefined;
  if (typeof Headers !== 'undefined' && headers instanceof Headers) {
    value = headers.get(name);
  } else {
    const record = headers as Record<string, string | string[] | undefined>;
    const key = Object.keys(record).find((candidate) => candidate.toLowerCase() === name);
    value = key === undefined ? undefined : record[key];
  }
  const text = Array.isArray(value) ? value.join(' ') : value;
  if (text === undefined || text === null || text.trim() === '') {
    throw new PleoWebhookVerificationError(
      'missing_header',
      `The ${name} header is missing; only signed Pleo webhook deliveries are accepted.`,
    );
  }
  return text.trim();
}
