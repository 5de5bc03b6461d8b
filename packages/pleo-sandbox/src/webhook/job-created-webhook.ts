/**
 * `v1.export-job.created` webhook deliveries, signed with `signPleoWebhook` from `@ledgerport/pleo`
 * (Standard Webhooks: HMAC-SHA256 over `${id}.${timestamp}.${body}`, keyed by the base64-decoded
 * `whsec_` secret, header `v1,<base64>`). Payload shape per Pleo docs "Webhook events".
 */
import { randomUUID } from 'node:crypto';
import { signPleoWebhook } from '@ledgerport/pleo';
import type { ExportJobV3 } from '../model/pleo-types';

/** Where and how to deliver. */
export interface WebhookTarget {
  url: string;
  /** `whsec_<base64>` signing secret. */
  secret: string;
}

/** Outcome of one delivery attempt, as recorded by the sandbox. */
export interface WebhookDelivery {
  webhookId: string;
  jobId: string;
  /** HTTP status of the receiver, or undefined when the request failed. */
  status: number | undefined;
  error?: string;
}

/** Builds the JSON body of a `v1.export-job.created` delivery. */
export function jobCreatedPayload(job: ExportJobV3, eventId: string): string {
  const { companyId, createdAt, createdBy, expiresIn, id, numberOfItems, status } = job;
  return JSON.stringify({
    data: { companyId, createdAt, createdBy: createdBy ?? null, expiresIn, id, numberOfItems, status },
    eventId,
    eventType: 'v1.export-job.created',
  });
}

/**
 * POSTs the delivery; never throws (failures are returned in the record).
 *
 * @param now the sandbox clock's time (for `webhook-timestamp`).
 */
export async function deliverJobCreated(
  target: WebhookTarget,
  job: ExportJobV3,
  now: Date,
): Promise<WebhookDelivery> {
  const webhookId = `msg_${randomUUID().replaceAll('-', '')}`;
  const timestamp = Math.floor(now.getTime() / 1000);
  const body = jobCreatedPayload(job, randomUUID());
  try {
    const signature = signPleoWebhook({ secret: target.secret, id: webhookId, timestamp, body });
    const response = await fetch(target.url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'webhook-id': webhookId,
        'webhook-timestamp': String(timestamp),
        'webhook-signature': signature,
      },
      body,
    });
    await response.arrayBuffer();
    return { webhookId, jobId: job.id, status: response.status };
  } catch (error) {
    return {
      webhookId,
      jobId: job.id,
      status: undefined,
      error: error instanceof Error ? error.message : String(error),
    };
  }
}
