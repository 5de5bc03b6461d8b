/**
 * The parts of Pleo's `ExportItemV3` (export-openapi.yml `components.schemas.ExportItemV3`) the mapper
 * reads, typed loosely (enums as strings, nullable fields also optional) so the mapper validates values
 * itself and never trusts that a typed item is semantically valid. `@ledgerport/pleo`'s `ExportItemV3`
 * is assignable to it.
 */
export interface MoneyLike {
  readonly currency: string;
  readonly value: number;
}

/** `ExportItemAmountV3` / `ExportItemLineAmountV3` / `ExportItemNetAmountV3` / `TaxAmountV3`. */
export interface AmountLike {
  readonly inSupplierCurrency: MoneyLike;
  readonly inWalletCurrency: MoneyLike;
}

/** `AccountV3` / `ContraAccount`. */
export interface AccountLike {
  readonly code?: string | null | undefined;
  readonly identifier?: string | null | undefined;
  readonly name?: string | null | undefined;
}

/** `TaxV3`. */
export interface TaxLike {
  readonly code?: string | null | undefined;
  readonly rate: number;
  readonly type: string;
  readonly amount: AmountLike;
  readonly ingoingTaxAccount?: string | null | undefined;
  readonly outgoingTaxAccount?: string | null | undefined;
}

/** `TagV3`. */
export interface TagLike {
  readonly code: string;
  readonly groupCode: string;
}

/** `ExportItemLineV3`. */
export interface LineLike {
  readonly accountingEntryLineId: string;
  readonly lineAmount: AmountLike;
  readonly netAmount: AmountLike;
  readonly account?: AccountLike | null | undefined;
  readonly tags?: readonly (TagLike | null)[] | null | undefined;
  readonly tax?: TaxLike | null | undefined;
}

/** `VendorV3`. */
export interface VendorLike {
  readonly name: string;
  readonly code?: string | null | undefined;
  readonly externalId?: string | null | undefined;
  readonly country?: string | null | undefined;
  readonly taxRegistrationNumber?: string | null | undefined;
}

/** `SupplierV3`. */
export interface SupplierLike {
  readonly name?: string | null | undefined;
  readonly code?: string | null | undefined;
  readonly account?: string | null | undefined;
  readonly country?: string | null | undefined;
  readonly taxIdentifier?: string | null | undefined;
}

/** `InvoiceInformationV3`. */
export interface InvoiceInformationLike {
  readonly invoiceNumber?: string | null | undefined;
  readonly invoiceDate?: string | null | undefined;
  readonly dueDate?: string | null | undefined;
  readonly paymentDate?: string | null | undefined;
  readonly status?: string | null | undefined;
}

/** `ExportItemV3`. */
export interface MappableItem {
  readonly _links?: { readonly web?: Readonly<Record<string, string>> | null | undefined } | null | undefined;
  readonly accountingEntryId: string;
  readonly type: string;
  readonly subType?: string | null | undefined;
  readonly date: string;
  readonly amount: AmountLike;
  readonly note?: string | null | undefined;
  readonly supplier?: SupplierLike | null | undefined;
  readonly vendor?: VendorLike | null | undefined;
  readonly bookkeeping?: { readonly method?: string | null | undefined } | null | undefined;
  readonly contraAccount?: AccountLike | null | undefined;
  readonly user?:
    | { readonly name?: string | null | undefined; readonly code?: string | null | undefined }
    | null
    | undefined;
  readonly team?:
    | { readonly name?: string | null | undefined; readonly code?: string | null | undefined }
    | null
    | undefined;
  readonly additionalInformation: {
    readonly reconciliationId?: string | null | undefined;
    readonly invoiceInformation?: InvoiceInformationLike | null | undefined;
  };
  readonly accountingEntryLines: readonly LineLike[];
  readonly files?: readonly unknown[] | null | undefined;
}
