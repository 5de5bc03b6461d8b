/** `ExceptionInfo`: the Export API's error body (`../shared/specs/pleo/export-openapi.yml`). */
import { z } from 'zod';

/**
 * `ExceptionInfo`: `{ type, message? }`, e.g. `{"type":"EXPORT_NOT_FOUND","message":"Export job not found."}`.
 * `type` is upper-case in the spec's examples and lower-case in the "Error Types & Meanings"
 * page, so compare it case-insensitively (see `isPleoErrorType`).
 */
export const exceptionInfoSchema = z.object({
  type: z.string(),
  message: z.string().optional(),
});
/** Parsed shape of {@link exceptionInfoSchema}: Export API spec `ExceptionInfo` (`spec/export-openapi.yml`, `components.schemas`). */
export type ExceptionInfo = z.infer<typeof exceptionInfoSchema>;
