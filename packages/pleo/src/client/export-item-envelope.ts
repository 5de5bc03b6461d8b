/**
 * Per-item validation of `GET /v3/export-items` results: one malformed `ExportItemV3` is reported
 * as invalid instead of failing the whole page.
 */
import { type ExportItemV3, exportItemV3Schema } from '../schemas/export-item';
import { type FieldIssue, formatIssues } from '../validation/format-issues';

/**
 * An export item as returned by the client: either valid (typed `item`), or invalid with the raw
 * JSON, its `accountingEntryId` when readable (so the item can be reported `failed` to Pleo) and
 * the schema issues with field paths relative to the item (e.g. `accountingEntryLines[0].tax.type`).
 */
export type ExportItemEnvelope =
  | { valid: true; item: ExportItemV3 }
  | { valid: false; accountingEntryId: string | undefined; raw: unknown; issues: FieldIssue[] };

/** Validates one raw export item against `ExportItemV3`. Never throws. */
export function toExportItemEnvelope(raw: unknown): ExportItemEnvelope {
  const parsed = exportItemV3Schema.safeParse(raw);
  if (parsed.success) return { valid: true, item: parsed.data };
  const id =
    typeof raw === 'object' && raw !== null
      ? (raw as { accountingEntryId?: unknown }).accountingEntryId
      : undefined;
  return {
    valid: false,
    accountingEntryId: typeof id === 'string' ? id : undefined,
    raw,
    issues: formatIssues(parsed.error),
  };
}
