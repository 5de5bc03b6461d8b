/**
 * The people and organisations on an export item: `SupplierV3` (merchant), `VendorV3` (the ERP
 * vendor, with vendor-based bookkeeping), `ExportItemUserV3` (employee) and `TeamV3`
 * (`../shared/specs/pleo/export-openapi.yml`).
 */
import { z } from 'zod';
import { countryCodeSchema } from './codes';
import { pleoIdSchema } from './scalars';

/** `SupplierV3`: the merchant as seen on the card transaction or invoice; every field may be null. */
export const supplierV3Schema = z.object({
  name: z.string().nullable().optional(),
  code: z.string().nullable().optional(),
  account: z.string().nullable().optional(),
  categoryCode: z.string().nullable().optional(),
  country: countryCodeSchema.nullable().optional(),
  taxIdentifier: z.string().nullable().optional(),
});
/** Parsed shape of {@link supplierV3Schema}: Export API spec `SupplierV3` (`spec/export-openapi.yml`, `components.schemas`). */
export type SupplierV3 = z.infer<typeof supplierV3Schema>;

/**
 * `VendorV3`: the vendor record synced from the ERP (present when the job has
 * `vendorBasedBookkeeping`). Required: `id`, `name`, `defaultCurrency` (ISO 4217, 3 letters).
 */
export const vendorV3Schema = z.object({
  id: pleoIdSchema,
  name: z.string(),
  defaultCurrency: z.string().length(3),
  code: z.string().optional(),
  country: countryCodeSchema.optional(),
  externalId: z.string().optional(),
  registrationNumber: z.string().optional(),
  taxRegistrationNumber: z.string().optional(),
});
/** Parsed shape of {@link vendorV3Schema}: Export API spec `VendorV3` (`spec/export-openapi.yml`, `components.schemas`). */
export type VendorV3 = z.infer<typeof vendorV3Schema>;

/** `ExportItemUserV3`: the employee who made the spend; `code` is the employee code. */
export const exportItemUserV3Schema = z.object({
  id: pleoIdSchema,
  name: z.string(),
  code: z.string().nullable().optional(),
});
/** Parsed shape of {@link exportItemUserV3Schema}: Export API spec `ExportItemUserV3` (`spec/export-openapi.yml`, `components.schemas`). */
export type ExportItemUserV3 = z.infer<typeof exportItemUserV3Schema>;

/** `TeamV3`: the team the spend belongs to; `code` is the team's id in the ERP. */
export const teamV3Schema = z.object({
  id: pleoIdSchema,
  name: z.string(),
  code: z.string().nullable().optional(),
});
/** Parsed shape of {@link teamV3Schema}: Export API spec `TeamV3` (`spec/export-openapi.yml`, `components.schemas`). */
export type TeamV3 = z.infer<typeof teamV3Schema>;
