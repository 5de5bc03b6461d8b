/**
 * Money in the Export API v3: `MoneyModel` and the wallet/supplier currency pairs built from it
 * (`../shared/specs/pleo/export-openapi.yml`, `components.schemas`).
 */
import { z } from 'zod';
import { currencyCodeSchema } from './codes';

/**
 * `MoneyModel`: `{ currency, value }` where `value` is an integer count of minor units ("in cents":
 * 896.96 SEK is `89696`) and `currency` an ISO 4217 code (or Pleo's `UNDEFINED`).
 */
export const moneyModelSchema = z.object({
  currency: currencyCodeSchema,
  value: z.number().int(),
});
/** Parsed shape of {@link moneyModelSchema}: Export API spec `MoneyModel` (`spec/export-openapi.yml`, `components.schemas`). Every `value` is an integer count of minor units. */
export type MoneyModel = z.infer<typeof moneyModelSchema>;

/**
 * An amount in both currencies Pleo reports: `inSupplierCurrency` (the merchant's) and
 * `inWalletCurrency` (the company wallet's; the booked amount). Shape of `ExportItemAmountV3`,
 * `ExportItemLineAmountV3`, `ExportItemNetAmountV3` and `TaxAmountV3`, which are identical.
 */
export const dualCurrencyAmountSchema = z.object({
  inSupplierCurrency: moneyModelSchema,
  inWalletCurrency: moneyModelSchema,
});
/** Parsed shape of {@link dualCurrencyAmountSchema}: the `{ inSupplierCurrency, inWalletCurrency }` pair of `MoneyModel`s shared by the spec's `ExportItemAmountV3`, `ExportItemLineAmountV3`, `ExportItemNetAmountV3` and `TaxAmountV3`. Every `value` is an integer count of minor units. */
export type DualCurrencyAmount = z.infer<typeof dualCurrencyAmountSchema>;

/** `ExportItemAmountV3`: the export item's total amount. */
export const exportItemAmountV3Schema = dualCurrencyAmountSchema;
/** Parsed shape of {@link exportItemAmountV3Schema}: Export API spec `ExportItemAmountV3` (`spec/export-openapi.yml`, `components.schemas`). Every `value` is an integer count of minor units. */
export type ExportItemAmountV3 = DualCurrencyAmount;

/** `ExportItemLineAmountV3`: amount of one accounting entry line. */
export const exportItemLineAmountV3Schema = dualCurrencyAmountSchema;
/** Parsed shape of {@link exportItemLineAmountV3Schema}: Export API spec `ExportItemLineAmountV3` (`spec/export-openapi.yml`, `components.schemas`). Every `value` is an integer count of minor units. */
export type ExportItemLineAmountV3 = DualCurrencyAmount;

/** `ExportItemNetAmountV3`: line amount including or excluding tax, depending on `tax.type`. */
export const exportItemNetAmountV3Schema = dualCurrencyAmountSchema;
/** Parsed shape of {@link exportItemNetAmountV3Schema}: Export API spec `ExportItemNetAmountV3` (`spec/export-openapi.yml`, `components.schemas`). Every `value` is an integer count of minor units. */
export type ExportItemNetAmountV3 = DualCurrencyAmount;

/** `TaxAmountV3`: the tax part of a line. */
export const taxAmountV3Schema = dualCurrencyAmountSchema;
/** Parsed shape of {@link taxAmountV3Schema}: Export API spec `TaxAmountV3` (`spec/export-openapi.yml`, `components.schemas`). Every `value` is an integer count of minor units. */
export type TaxAmountV3 = DualCurrencyAmount;
