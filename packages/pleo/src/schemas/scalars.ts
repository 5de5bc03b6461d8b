/**
 * Scalar field formats shared by the Export API v3 schemas (`../shared/specs/pleo/export-openapi.yml`).
 */
import { z } from 'zod';

/**
 * A Pleo identifier: the spec's `format: uuid`. Accepts any 8-4-4-4-12 hexadecimal UUID (including
 * the nil UUID used in the spec's examples), not only RFC 9562 variants, so ids minted by other
 * systems (a sandbox, fixtures) still parse.
 */
export const pleoIdSchema = z.guid();

/**
 * An ISO 8601 date-time (`format: date-time`, e.g. `2025-12-10T15:46:34Z`). `Z` or a numeric
 * offset; any number of fractional seconds.
 */
export const pleoDateTimeSchema = z.iso.datetime({ offset: true });

/**
 * A date field the spec types as `format: date-time` but documents with `pattern: YYYY-MM-DD`
 * (`InvoiceInformationV3.invoiceDate/dueDate/paymentDate`): either an ISO 8601 date or date-time.
 */
export const pleoDateOrDateTimeSchema = z.union([z.iso.date(), z.iso.datetime({ offset: true })]);
