import { mapExportItem, type SupplierInvoiceEntry } from '@ledgerport/core';
import { CANONICAL_MAPPING, type CanonicalFixtureName, canonicalExportItem } from '@ledgerport/testkit';

/** Pleo's `ExportItemV3` (through the testkit, which depends on `@ledgerport/pleo`). */
type ExportItemV3 = ReturnType<typeof canonicalExportItem>;

/** Canonical card items re-booked under accounts payable as supplier credits, with the wallet type. */
export const SUPPLIER_CREDIT_CASES = [
  { name: 'refund-sek', type: 'refund' },
  { name: 'chargeback-eur', type: 'chargeback' },
  { name: 'cashback-sek', type: 'cashback' },
  { name: 'card-purchase-reverse-charge-eur-usd', type: 'refund' },
  { name: 'card-purchase-split-three-lines-sek', type: 'chargeback' },
  { name: 'card-purchase-exclusive-vat-eur', type: 'refund' },
  { name: 'card-purchase-jpy', type: 'refund' },
  { name: 'card-purchase-kwd', type: 'chargeback' },
] as const satisfies readonly { name: CanonicalFixtureName; type: ExportItemV3['type'] }[];

/**
 * A supplier credit as core maps it: the canonical item `name` as a `type` (refund, chargeback,
 * cashback) under bookkeeping method `accounts_payable` with a vendor — a `SupplierInvoiceEntry` whose
 * expense and VAT lines are credits, the payable a debit, and a payment (debit wallet, credit payable).
 */
export function supplierCredit(
  name: CanonicalFixtureName,
  type: ExportItemV3['type'],
  vendorExternalId: string | null = 'V-3107',
): SupplierInvoiceEntry {
  const item: ExportItemV3 = {
    ...canonicalExportItem(name),
    type,
    bookkeeping: { method: 'accounts_payable' },
    vendor: {
      id: '9a9a9a9a-0000-4000-8000-000000000002',
      name: 'TechConf ApS',
      code: 'V-3107',
      externalId: vendorExternalId,
      country: 'DK',
      defaultCurrency: 'DKK',
      taxRegistrationNumber: 'DK87654321',
    },
  } as ExportItemV3;
  const mapped = mapExportItem(item, CANONICAL_MAPPING);
  if (!mapped.ok) throw new Error(`${name} as ${type} does not map: ${mapped.error.message}`);
  if (mapped.entry.kind !== 'supplier_invoice') throw new Error(`${name} did not map to a supplier invoice`);
  return mapped.entry;
}
