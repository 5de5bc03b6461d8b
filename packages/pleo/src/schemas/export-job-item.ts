/**
 * Export job items (the control layer): `ExportJobItemV3`, `UpdateExportJobItemV3`,
 * `ExportJobItemUpdateV3` and `ExportJobItemUpdateErrorV3` (`../shared/specs/pleo/export-openapi.yml`;
 * operations `getExportJobItemsV3`, `updateExportJobItemsV3`).
 */
import { z } from 'zod';
import {
  exportJobItemFailureReasonTypeSchema,
  exportJobItemStatusSchema,
  exportJobItemUpdateErrorTypeSchema,
} from './enums';
import { pleoDateTimeSchema, pleoIdSchema } from './scalars';

/**
 * `ExportJobItemV3`: the export state of one accounting entry in a job. Required:
 * `accountingEntryId`, `exportJobId`, `status`; `exportedAt`, `externalId`, `externalUrl` and
 * `failureReason` may be null.
 */
export const exportJobItemV3Schema = z.object({
  accountingEntryId: pleoIdSchema,
  exportJobId: pleoIdSchema,
  status: exportJobItemStatusSchema,
  exportedAt: pleoDateTimeSchema.nullable().optional(),
  externalId: z.string().nullable().optional(),
  externalUrl: z.string().nullable().optional(),
  failureReason: z.string().nullable().optional(),
  failureReasonType: exportJobItemFailureReasonTypeSchema.optional(),
});
/** Parsed shape of {@link exportJobItemV3Schema}: Export API spec `ExportJobItemV3` (`spec/export-openapi.yml`, `components.schemas`). */
export type ExportJobItemV3 = z.infer<typeof exportJobItemV3Schema>;

/**
 * `UpdateExportJobItemV3`: one entry of the `PUT /v3/export-jobs/{jobId}/items` body (at most 100
 * per request). Required: `accountingEntryId`, `status`. On `successful` send `externalId`,
 * `externalUrl`, `exportedAt` (ISO 8601); on `failed` send `failureReasonType` and an actionable
 * `failureReason`.
 */
export const updateExportJobItemV3Schema = z.object({
  accountingEntryId: pleoIdSchema,
  status: exportJobItemStatusSchema,
  exportedAt: pleoDateTimeSchema.optional(),
  externalId: z.string().optional(),
  externalUrl: z.string().optional(),
  failureReason: z.string().optional(),
  failureReasonType: exportJobItemFailureReasonTypeSchema.optional(),
});
/** Parsed shape of {@link updateExportJobItemV3Schema}: Export API spec `UpdateExportJobItemV3` (`spec/export-openapi.yml`, `components.schemas`). */
export type UpdateExportJobItemV3 = z.infer<typeof updateExportJobItemV3Schema>;

/** `ExportJobItemUpdateErrorV3`: one entry that a `PUT …/items` could not apply. */
export const exportJobItemUpdateErrorV3Schema = z.object({
  accountingEntryId: pleoIdSchema,
  message: z.string(),
  type: exportJobItemUpdateErrorTypeSchema,
});
/** Parsed shape of {@link exportJobItemUpdateErrorV3Schema}: Export API spec `ExportJobItemUpdateErrorV3` (`spec/export-openapi.yml`, `components.schemas`). */
export type ExportJobItemUpdateErrorV3 = z.infer<typeof exportJobItemUpdateErrorV3Schema>;

/** `ExportJobItemUpdateV3`: the partial-success response of `PUT …/items`: `{ data, errors }`. */
export const exportJobItemUpdateV3Schema = z.object({
  data: z.array(exportJobItemV3Schema),
  errors: z.array(exportJobItemUpdateErrorV3Schema),
});
/** Parsed shape of {@link exportJobItemUpdateV3Schema}: Export API spec `ExportJobItemUpdateV3` (`spec/export-openapi.yml`, `components.schemas`). */
export type ExportJobItemUpdateV3 = z.infer<typeof exportJobItemUpdateV3Schema>;
