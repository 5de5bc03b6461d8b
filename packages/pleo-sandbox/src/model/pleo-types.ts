/**
 * The Pleo Export API v3 resource types the sandbox stores and serves, re-exported from
 * `@ledgerport/pleo` (zod-inferred from the spec's `components.schemas`) so the client and the
 * sandbox speak one type.
 */
export type {
  CreateExportJobEvent,
  CurrencyCode,
  DualCurrencyAmount,
  ExportItemFile,
  ExportItemLineV3,
  ExportItemV3,
  ExportJobItemUpdateErrorV3,
  ExportJobItemV3,
  ExportJobV3,
  MoneyModel,
  TaxV3,
  UpdateExportJobItemV3,
} from '@ledgerport/pleo';
