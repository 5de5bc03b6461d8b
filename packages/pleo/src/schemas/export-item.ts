/**
 * Export items (the data layer): `ExportItemV3` and its remaining sub-schemas `LinksResponse`,
 * `ExportItemFile`, `ExportItemAdditionalInformationV3`, `InvoiceInformationV3`,
 * `SupplierBankAccount`, `BookkeepingV3`, `ContraAccount`, `ServicePeriodV3`
 * (`../shared/specs/pleo/export-openapi.yml`; operation `getExportItemsV3`).
 */
import { z } from 'zod';
import { countryCodeSchema } from './codes';
import {
  bookkeepingMethodSchema,
  exportItemSubTypeSchema,
  exportItemTypeSchema,
  invoiceInformationStatusSchema,
} from './enums';
import { exportItemLineV3Schema } from './export-item-line';
import { exportItemAmountV3Schema } from './money';
import { exportItemUserV3Schema, supplierV3Schema, teamV3Schema, vendorV3Schema } from './parties';
import { pleoDateOrDateTimeSchema, pleoDateTimeSchema, pleoIdSchema } from './scalars';

/** `LinksResponse`: `{ web?, mobile?, api? }`, each a map of link name → URL. */
export const linksResponseSchema = z.object({
  api: z.record(z.string(), z.string()).optional(),
  mobile: z.record(z.string(), z.string()).optional(),
  web: z.record(z.string(), z.string()).optional(),
});
/** Parsed shape of {@link linksResponseSchema}: Export API spec `LinksResponse` (`spec/export-openapi.yml`, `components.schemas`). */
export type LinksResponse = z.infer<typeof linksResponseSchema>;

/**
 * `ExportItemFile`: a receipt or attachment. `url` is valid for 24 h from when the export item was
 * fetched; `type` is a MIME type; `size` is in bytes.
 */
export const exportItemFileSchema = z.object({
  url: z.string(),
  type: z.string(),
  size: z.number().int(),
});
/** Parsed shape of {@link exportItemFileSchema}: Export API spec `ExportItemFile` (`spec/export-openapi.yml`, `components.schemas`). */
export type ExportItemFile = z.infer<typeof exportItemFileSchema>;

/** `SupplierBankAccount`: the invoice supplier's bank account. Required: `bankName`, `country`. */
export const supplierBankAccountSchema = z.object({
  bankName: z.string(),
  country: countryCodeSchema,
  accountNumber: z.string().nullable().optional(),
  bankCode: z.string().nullable().optional(),
  bic: z.string().nullable().optional(),
  iban: z.string().nullable().optional(),
});
/** Parsed shape of {@link supplierBankAccountSchema}: Export API spec `SupplierBankAccount` (`spec/export-openapi.yml`, `components.schemas`). */
export type SupplierBankAccount = z.infer<typeof supplierBankAccountSchema>;

/**
 * `InvoiceInformationV3`: invoice data of `invoice` items. Required: `invoiceNumber`,
 * `invoiceDate`, `status`. Dates are ISO 8601 dates or date-times (the spec documents both).
 */
export const invoiceInformationV3Schema = z.object({
  invoiceNumber: z.string(),
  invoiceDate: pleoDateOrDateTimeSchema,
  status: invoiceInformationStatusSchema,
  dueDate: pleoDateOrDateTimeSchema.nullable().optional(),
  paymentDate: pleoDateOrDateTimeSchema.nullable().optional(),
  supplierBankAccount: supplierBankAccountSchema.nullable().optional(),
});
/** Parsed shape of {@link invoiceInformationV3Schema}: Export API spec `InvoiceInformationV3` (`spec/export-openapi.yml`, `components.schemas`). */
export type InvoiceInformationV3 = z.infer<typeof invoiceInformationV3Schema>;

/**
 * `ExportItemAdditionalInformationV3`. Required: `reconciliationId` (Pleo's "book ID", the
 * reference to carry into the ERP). `reconciledEntries` lists reconciliation ids settled by a
 * reimbursement.
 */
export const exportItemAdditionalInformationV3Schema = z.object({
  reconciliationId: z.string(),
  attendees: z.array(z.string().nullable()).nullable().optional(),
  invoiceInformation: invoiceInformationV3Schema.nullable().optional(),
  reconciledEntries: z.array(z.string().nullable()).nullable().optional(),
});
/** Parsed shape of {@link exportItemAdditionalInformationV3Schema}: Export API spec `ExportItemAdditionalInformationV3` (`spec/export-openapi.yml`, `components.schemas`). */
export type ExportItemAdditionalInformationV3 = z.infer<typeof exportItemAdditionalInformationV3Schema>;

/** `BookkeepingV3`: `{ method: 'none' | 'journal' | 'accounts_payable' }`. */
export const bookkeepingV3Schema = z.object({
  method: bookkeepingMethodSchema,
});
/** Parsed shape of {@link bookkeepingV3Schema}: Export API spec `BookkeepingV3` (`spec/export-openapi.yml`, `components.schemas`). */
export type BookkeepingV3 = z.infer<typeof bookkeepingV3Schema>;

/**
 * `ContraAccount`: the ERP account mirroring the Pleo wallet/bank the money moved through (the
 * credit side of the journal entry). Required: `id`, `name`.
 */
export const contraAccountSchema = z.object({
  id: pleoIdSchema,
  name: z.string(),
  code: z.string().nullable().optional(),
  identifier: z.string().nullable().optional(),
});
/** Parsed shape of {@link contraAccountSchema}: Export API spec `ContraAccount` (`spec/export-openapi.yml`, `components.schemas`). */
export type ContraAccount = z.infer<typeof contraAccountSchema>;

/** `ServicePeriodV3`: `{ from, to }` ISO 8601 date-times (informational, for accruals). */
export const servicePeriodV3Schema = z.object({
  from: pleoDateTimeSchema,
  to: pleoDateTimeSchema,
});
/** Parsed shape of {@link servicePeriodV3Schema}: Export API spec `ServicePeriodV3` (`spec/export-openapi.yml`, `components.schemas`). */
export type ServicePeriodV3 = z.infer<typeof servicePeriodV3Schema>;

/**
 * `ExportItemV3`: one accounting entry ready for export. Required: `_links`, `accountingEntryId`,
 * `accountingEntryLines`, `additionalInformation`, `amount`, `companyId`, `date`, `type`. Nullable:
 * `files`, `note`, `supplier`, `team`, `user`, `vendor`, `bookkeeping`, `contraAccount`,
 * `servicePeriod`. Amounts are integer minor units with an ISO 4217 currency.
 */
export const exportItemV3Schema = z.object({
  _links: linksResponseSchema,
  accountingEntryId: pleoIdSchema,
  accountingEntryLines: z.array(exportItemLineV3Schema),
  additionalInformation: exportItemAdditionalInformationV3Schema,
  amount: exportItemAmountV3Schema,
  companyId: pleoIdSchema,
  date: pleoDateTimeSchema,
  type: exportItemTypeSchema,
  subType: exportItemSubTypeSchema.optional(),
  bookkeeping: bookkeepingV3Schema.nullable().optional(),
  contraAccount: contraAccountSchema.nullable().optional(),
  files: z.array(exportItemFileSchema).nullable().optional(),
  note: z.string().nullable().optional(),
  servicePeriod: servicePeriodV3Schema.nullable().optional(),
  supplier: supplierV3Schema.nullable().optional(),
  team: teamV3Schema.nullable().optional(),
  user: exportItemUserV3Schema.nullable().optional(),
  vendor: vendorV3Schema.nullable().optional(),
});
/** Parsed shape of {@link exportItemV3Schema}: Export API spec `ExportItemV3` (`spec/export-openapi.yml`, `components.schemas`). */
export type ExportItemV3 = z.infer<typeof exportItemV3Schema>;
