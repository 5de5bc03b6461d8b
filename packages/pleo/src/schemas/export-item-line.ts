/**
 * One accounting entry line of an export item: `ExportItemLineV3` with its GL account
 * (`AccountV3`), tax (`TaxV3`) and tags (`TagV3`) (`../shared/specs/pleo/export-openapi.yml`).
 */
import { z } from 'zod';
import { taxTypeSchema } from './enums';
import { exportItemLineAmountV3Schema, exportItemNetAmountV3Schema, taxAmountV3Schema } from './money';
import { pleoIdSchema } from './scalars';

/**
 * `AccountV3`: the GL account a line is booked to. `id`/`name` are Pleo's; `code` is the account
 * number and `identifier` the ERP's internal id (both may be null).
 */
export const accountV3Schema = z.object({
  id: pleoIdSchema,
  name: z.string(),
  code: z.string().nullable().optional(),
  identifier: z.string().nullable().optional(),
});
/** Parsed shape of {@link accountV3Schema}: Export API spec `AccountV3` (`spec/export-openapi.yml`, `components.schemas`). */
export type AccountV3 = z.infer<typeof accountV3Schema>;

/** `TagV3`: a dimension value (cost centre): `groupCode` is the dimension, `code` the value. */
export const tagV3Schema = z.object({
  id: pleoIdSchema,
  code: z.string(),
  groupCode: z.string(),
});
/** Parsed shape of {@link tagV3Schema}: Export API spec `TagV3` (`spec/export-openapi.yml`, `components.schemas`). */
export type TagV3 = z.infer<typeof tagV3Schema>;

/**
 * `TaxV3`: the VAT code of a line. `rate` is a decimal fraction (0.2 = 20 %), `type` says whether
 * `netAmount` includes tax, excludes it or is EU reverse charge (then `ingoingTaxAccount` /
 * `outgoingTaxAccount` carry the two tax GL accounts). `amount` is in minor units.
 */
export const taxV3Schema = z.object({
  id: pleoIdSchema,
  amount: taxAmountV3Schema,
  rate: z.number(),
  type: taxTypeSchema,
  code: z.string().nullable().optional(),
  ingoingTaxAccount: z.string().optional(),
  outgoingTaxAccount: z.string().optional(),
});
/** Parsed shape of {@link taxV3Schema}: Export API spec `TaxV3` (`spec/export-openapi.yml`, `components.schemas`). */
export type TaxV3 = z.infer<typeof taxV3Schema>;

/**
 * `ExportItemLineV3`: one debit line of the journal entry. Required: `accountingEntryLineId`,
 * `lineAmount`, `netAmount`; `account`, `tax` and `tags` may be null or absent.
 */
export const exportItemLineV3Schema = z.object({
  accountingEntryLineId: pleoIdSchema,
  lineAmount: exportItemLineAmountV3Schema,
  netAmount: exportItemNetAmountV3Schema,
  account: accountV3Schema.nullable().optional(),
  tags: z.array(tagV3Schema).nullable().optional(),
  tax: taxV3Schema.nullable().optional(),
});
/** Parsed shape of {@link exportItemLineV3Schema}: Export API spec `ExportItemLineV3` (`spec/export-openapi.yml`, `components.schemas`). */
export type ExportItemLineV3 = z.infer<typeof exportItemLineV3Schema>;
