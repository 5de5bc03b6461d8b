/**
 * Export jobs: `ExportJobV3`, `CreateExportJob` (+ `Options`) and `CreateExportJobEvent`
 * (`../shared/specs/pleo/export-openapi.yml`, `components.schemas`; operations
 * `getExportJobsListV3`, `getExportJobByIdV3`, `createExportJobV3`, `createExportJobEventV3`).
 */
import { z } from 'zod';
import { exportJobEventTypeSchema, exportJobFailureReasonTypeSchema, exportJobStatusSchema } from './enums';
import { pleoDateTimeSchema, pleoIdSchema } from './scalars';

/**
 * `ExportJobV3`: one export job. Required: `id`, `companyId`, `status`, `createdAt`, `expiresIn`
 * (seconds until expiry, counted from `lastUpdatedAt`), `numberOfItems`, `isInteractive`,
 * `vendorBasedBookkeeping`. The `*At` timestamps, `createdBy` and `failureReason` may be null.
 */
export const exportJobV3Schema = z.object({
  id: pleoIdSchema,
  companyId: pleoIdSchema,
  status: exportJobStatusSchema,
  createdAt: pleoDateTimeSchema,
  createdBy: pleoIdSchema.nullable().optional(),
  startedAt: pleoDateTimeSchema.nullable().optional(),
  completedAt: pleoDateTimeSchema.nullable().optional(),
  expiredAt: pleoDateTimeSchema.nullable().optional(),
  lastUpdatedAt: pleoDateTimeSchema.nullable().optional(),
  expiresIn: z.number().int(),
  numberOfItems: z.number().int(),
  isInteractive: z.boolean(),
  vendorBasedBookkeeping: z.boolean(),
  failureReason: z.string().nullable().optional(),
  failureReasonType: exportJobFailureReasonTypeSchema.optional(),
});
/** Parsed shape of {@link exportJobV3Schema}: Export API spec `ExportJobV3` (`spec/export-openapi.yml`, `components.schemas`). */
export type ExportJobV3 = z.infer<typeof exportJobV3Schema>;

/** `Options` of `CreateExportJob`: `vendorBasedBookkeeping` (server default false). */
export const createExportJobOptionsSchema = z.object({
  vendorBasedBookkeeping: z.boolean().nullable().optional(),
});
/** Parsed shape of {@link createExportJobOptionsSchema}: Export API spec `Options` (`spec/export-openapi.yml`, `components.schemas`). */
export type CreateExportJobOptions = z.infer<typeof createExportJobOptionsSchema>;

/**
 * `CreateExportJob`: body of `POST /v3/export-jobs`. Required: `accountingEntryIds`, `companyId`.
 * `isInteractive` defaults to true on the server; `employeeId` is the user who started the export.
 */
export const createExportJobSchema = z.object({
  accountingEntryIds: z.array(pleoIdSchema),
  companyId: pleoIdSchema,
  employeeId: pleoIdSchema.nullable().optional(),
  isInteractive: z.boolean().nullable().optional(),
  options: createExportJobOptionsSchema.nullable().optional(),
});
/** Parsed shape of {@link createExportJobSchema}: Export API spec `CreateExportJob` (`spec/export-openapi.yml`, `components.schemas`). */
export type CreateExportJob = z.infer<typeof createExportJobSchema>;

/**
 * `CreateExportJobEvent`: body of `POST /v3/export-job-events` (answers 202). Required: `jobId`,
 * `event`. Send `failureReason` / `failureReasonType` only with `failed`.
 */
export const createExportJobEventSchema = z.object({
  jobId: pleoIdSchema,
  event: exportJobEventTypeSchema,
  failureReason: z.string().optional(),
  failureReasonType: exportJobFailureReasonTypeSchema.optional(),
});
/** Parsed shape of {@link createExportJobEventSchema}: Export API spec `CreateExportJobEvent` (`spec/export-openapi.yml`, `components.schemas`). */
export type CreateExportJobEvent = z.infer<typeof createExportJobEventSchema>;
