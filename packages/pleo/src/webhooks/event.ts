/**
 * Webhook event payloads. Pleo documents deliveries of `v1.export-job.created` (older name
 * `v1.export.job-created`) as `{ data: { id, companyId, status, createdAt, createdBy, expiresIn,
 * numberOfItems }, eventId, eventType }` (pleo-export-api.md §7; developers.pleo.io "Webhook events").
 * `data` is a snapshot at event time: re-read the job with `getJob` before acting.
 */
import { z } from 'zod';
import { exportJobStatusSchema } from '../schemas/enums';
import { pleoDateTimeSchema, pleoIdSchema } from '../schemas/scalars';

/** Event type names Pleo uses for "an export job was created" (current first). */
export const EXPORT_JOB_CREATED_EVENT_TYPES = ['v1.export-job.created', 'v1.export.job-created'] as const;

/** `data` of a `v1.export-job.created` event: the job snapshot; `id` and `companyId` are required. */
export const exportJobCreatedDataSchema = z.object({
  id: pleoIdSchema,
  companyId: pleoIdSchema,
  status: exportJobStatusSchema.optional(),
  createdAt: pleoDateTimeSchema.optional(),
  createdBy: pleoIdSchema.nullable().optional(),
  expiresIn: z.number().int().optional(),
  numberOfItems: z.number().int().optional(),
});
/** Parsed shape of {@link exportJobCreatedDataSchema}: Pleo webhook payload (pleo-export-api.md §7). */
export type ExportJobCreatedData = z.infer<typeof exportJobCreatedDataSchema>;

/** The envelope of any event: `{ eventType, eventId?, data? }`. */
export const webhookEventEnvelopeSchema = z.object({
  eventType: z.string().min(1),
  eventId: z.string().optional(),
  data: z.unknown().optional(),
});

/** Delivery metadata from the verified headers. */
interface DeliveryMeta {
  /** `webhook-id`: unique per event, the same across retries (use it to de-duplicate). */
  webhookId: string;
  /** `webhook-timestamp` as a Date. */
  timestamp: Date;
  /** `eventId` of the payload, when sent. */
  eventId: string | undefined;
}

/** A verified `v1.export-job.created` delivery (also when sent under the older name). */
export interface ExportJobCreatedEvent extends DeliveryMeta {
  kind: 'export-job.created';
  /** Normalised event type. */
  eventType: 'v1.export-job.created';
  /** The event type as sent (`v1.export-job.created` or `v1.export.job-created`). */
  sentEventType: string;
  data: ExportJobCreatedData;
}

/** A verified delivery of another event type (e.g. `v1.vendor.created`): authentic, but not interpreted. */
export interface OtherPleoWebhookEvent extends DeliveryMeta {
  kind: 'other';
  eventType: string;
  payload: unknown;
}

/** What `verifyPleoWebhook` returns; switch on `kind`. */
export type PleoWebhookEvent = ExportJobCreatedEvent | OtherPleoWebhookEvent;
