/**
 * Cursor pagination envelope shared by every v3 list endpoint: `CursorPageInfo`,
 * `CursorPageCurrentRequestInfo`, `PageOrder` and the `CursorPaginatedResponse*` / `DataResponse*`
 * wrappers (`../shared/specs/pleo/export-openapi.yml`, `components.schemas`).
 */
import { z } from 'zod';

/** `PageOrder`: sort direction for `sorting_order`. */
export const pageOrderSchema = z.enum([
  'ASC',
  'ASC_NULLS_FIRST',
  'ASC_NULLS_LAST',
  'DESC',
  'DESC_NULLS_FIRST',
  'DESC_NULLS_LAST',
]);
/** Parsed shape of {@link pageOrderSchema}: Export API spec `PageOrder` (`spec/export-openapi.yml`, `components.schemas`). */
export type PageOrder = z.infer<typeof pageOrderSchema>;

/** `CursorPageCurrentRequestInfo`: echo of the paging parameters the server applied. */
export const cursorPageCurrentRequestInfoSchema = z.object({
  parameters: z.record(z.string(), z.array(z.string())),
  after: z.string().optional(),
  before: z.string().optional(),
  limit: z.number().int().optional(),
  offset: z.number().int().optional(),
  sortingKeys: z.array(z.string()).optional(),
  sortingOrder: z.array(pageOrderSchema).optional(),
});
/** Parsed shape of {@link cursorPageCurrentRequestInfoSchema}: Export API spec `CursorPageCurrentRequestInfo` (`spec/export-openapi.yml`, `components.schemas`). */
export type CursorPageCurrentRequestInfo = z.infer<typeof cursorPageCurrentRequestInfoSchema>;

/**
 * `CursorPageInfo`: the `pagination` object of a list response. Fetch the next page with
 * `after=<endCursor>` while `hasNextPage` is true.
 */
export const cursorPageInfoSchema = z.object({
  currentRequestPagination: cursorPageCurrentRequestInfoSchema,
  hasNextPage: z.boolean(),
  hasPreviousPage: z.boolean(),
  endCursor: z.string().optional(),
  startCursor: z.string().optional(),
  total: z.number().int().optional(),
});
/** Parsed shape of {@link cursorPageInfoSchema}: Export API spec `CursorPageInfo` (`spec/export-openapi.yml`, `components.schemas`). */
export type CursorPageInfo = z.infer<typeof cursorPageInfoSchema>;

/** `CursorPaginatedResponse<T>`: `{ data: T[], pagination: CursorPageInfo }`. */
export function cursorPaginatedResponseSchema<T extends z.ZodType>(item: T) {
  return z.object({ data: z.array(item), pagination: cursorPageInfoSchema });
}

/** A cursor-paginated response whose `data` entries are left unvalidated (validated one by one later). */
export const cursorPaginatedUnknownResponseSchema = cursorPaginatedResponseSchema(z.unknown());

/** `DataResponse<T>`: `{ data: T }` (single-resource responses). */
export function dataResponseSchema<T extends z.ZodType>(item: T) {
  return z.object({ data: item });
}
