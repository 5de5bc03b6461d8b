/**
 * Enumerations of the Pleo Export API v3, copied from `components.schemas` of
 * `../shared/specs/pleo/export-openapi.yml` (Export API 32.1.0). `test/enums.test.ts` fails when
 * any of these differ from the spec.
 */
import { z } from 'zod';

/** `ExportJobStatus`: the export job's lifecycle state. */
export const exportJobStatusSchema = z.enum([
  'pending',
  'in_progress',
  'failed',
  'completed',
  'completed_with_errors',
]);
/** Parsed shape of {@link exportJobStatusSchema}: Export API spec `ExportJobStatus` (`spec/export-openapi.yml`, `components.schemas`). */
export type ExportJobStatus = z.infer<typeof exportJobStatusSchema>;

/** `ExportJobItemStatus`: one accounting entry's state inside a job. */
export const exportJobItemStatusSchema = z.enum([
  'pending',
  'in_progress',
  'failed',
  'successful',
  'abandoned',
]);
/** Parsed shape of {@link exportJobItemStatusSchema}: Export API spec `ExportJobItemStatus` (`spec/export-openapi.yml`, `components.schemas`). */
export type ExportJobItemStatus = z.infer<typeof exportJobItemStatusSchema>;

/** `ExportJobEventType`: events posted to `POST /v3/export-job-events`. */
export const exportJobEventTypeSchema = z.enum(['started', 'failed', 'completed', 'completed_with_errors']);
/** Parsed shape of {@link exportJobEventTypeSchema}: Export API spec `ExportJobEventType` (`spec/export-openapi.yml`, `components.schemas`). */
export type ExportJobEventType = z.infer<typeof exportJobEventTypeSchema>;

/** `ExportItemTypeV3`: the kind of accounting entry. */
export const exportItemTypeSchema = z.enum([
  'card_purchase',
  'card_invoice',
  'out_of_pocket',
  'mileage',
  'per_diem',
  'external_reimbursement',
  'direct_reimbursement',
  'invoice',
  'invoice_payment',
  'chargeback',
  'refund',
  'cashback',
  'atm_withdrawal',
  'wallet_topup',
  'wallet_unload',
  'personal_spend',
  'fee',
]);
/** Parsed shape of {@link exportItemTypeSchema}: Export API spec `ExportItemTypeV3` (`spec/export-openapi.yml`, `components.schemas`). */
export type ExportItemType = z.infer<typeof exportItemTypeSchema>;

/** `ExportItemSubTypeV3`. */
export const exportItemSubTypeSchema = z.enum([
  'reimbursement_to_employee_refund',
  'reimbursement_to_company',
  'reimbursement_to_employee',
  'invoice_payment_returned',
  'invoice_payment_sent',
  'interest',
]);
/** Parsed shape of {@link exportItemSubTypeSchema}: Export API spec `ExportItemSubTypeV3` (`spec/export-openapi.yml`, `components.schemas`). */
export type ExportItemSubType = z.infer<typeof exportItemSubTypeSchema>;

/** `TaxTypeV3`: whether a line's `netAmount` includes tax, excludes it, or is EU reverse charge. */
export const taxTypeSchema = z.enum(['inclusive', 'exclusive', 'reverse']);
/** Parsed shape of {@link taxTypeSchema}: Export API spec `TaxTypeV3` (`spec/export-openapi.yml`, `components.schemas`). */
export type TaxType = z.infer<typeof taxTypeSchema>;

/** `BookkeepingMethodV3`. */
export const bookkeepingMethodSchema = z.enum(['none', 'journal', 'accounts_payable']);
/** Parsed shape of {@link bookkeepingMethodSchema}: Export API spec `BookkeepingMethodV3` (`spec/export-openapi.yml`, `components.schemas`). */
export type BookkeepingMethod = z.infer<typeof bookkeepingMethodSchema>;

/** `InvoiceInformationStatusV3`. */
export const invoiceInformationStatusSchema = z.enum([
  'pending_approval',
  'parsed',
  'preparing',
  'prepared',
  'ready',
  'rejected_by_approver',
  'marked_as_paid',
  'scheduled',
  'payment_in_progress',
  'paid',
  'voided_by_user',
  'rejected_by_user',
  'failed_payment',
]);
/** Parsed shape of {@link invoiceInformationStatusSchema}: Export API spec `InvoiceInformationStatusV3` (`spec/export-openapi.yml`, `components.schemas`). */
export type InvoiceInformationStatus = z.infer<typeof invoiceInformationStatusSchema>;

/** `ExportJobFailureReasonType`: the 15 reasons a job may fail with (`failed` event). */
export const exportJobFailureReasonTypeSchema = z.enum([
  'invalid_configuration',
  'missing_configuration',
  'authentication_failure',
  'accounting_system_authentication_failure',
  'pleo_rate_limit',
  'accounting_system_rate_limit',
  'service_unreachable',
  'accounting_system_unreachable',
  'validation_failure',
  'authorization_failure',
  'integration_unusable',
  'job_expired',
  'service_timeout',
  'accounting_system_timeout',
  'canceled_by_user',
]);
/** Parsed shape of {@link exportJobFailureReasonTypeSchema}: Export API spec `ExportJobFailureReasonType` (`spec/export-openapi.yml`, `components.schemas`). */
export type ExportJobFailureReasonType = z.infer<typeof exportJobFailureReasonTypeSchema>;

/** `ExportJobItemFailureReasonType`: the 18 reasons one item may fail with (v3). */
export const exportJobItemFailureReasonTypeSchema = z.enum([
  'receipt_upload_failure',
  'receipt_download_failure',
  'receipt_file_size_limit_exceeded',
  'receipt_conversion_failure',
  'unexpected_failure',
  'invalid_configuration',
  'missing_configuration',
  'accounting_system_authentication_failure',
  'accounting_system_rate_limit',
  'accounting_system_unreachable',
  'validation_failure',
  'accounting_system_validation_failure',
  'authorization_failure',
  'accounting_system_timeout',
  'vendor_unknown',
  'account_unknown',
  'tax_code_unknown',
  'tag_unknown',
]);
/** Parsed shape of {@link exportJobItemFailureReasonTypeSchema}: Export API spec `ExportJobItemFailureReasonType` (`spec/export-openapi.yml`, `components.schemas`). */
export type ExportJobItemFailureReasonType = z.infer<typeof exportJobItemFailureReasonTypeSchema>;

/** `ExportJobItemUpdateErrorType`: per-entry errors in a `PUT …/items` response. */
export const exportJobItemUpdateErrorTypeSchema = z.enum([
  'ACCOUNTING_ENTRY_DOES_NOT_EXIST',
  'EXPORT_ENTRY_STATUS_UPDATE_FAILED',
  'ACCOUNTING_ENTRY_UPDATE_FAILED',
]);
/** Parsed shape of {@link exportJobItemUpdateErrorTypeSchema}: Export API spec `ExportJobItemUpdateErrorType` (`spec/export-openapi.yml`, `components.schemas`). */
export type ExportJobItemUpdateErrorType = z.infer<typeof exportJobItemUpdateErrorTypeSchema>;
