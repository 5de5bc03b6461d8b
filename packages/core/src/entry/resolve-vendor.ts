import { ItemError } from '../errors/ledgerport-error';
import type { EntryVendor } from './accounting-entry';
import type { MappableItem } from './mappable-item';

const present = (text: string | null | undefined): string | undefined =>
  typeof text === 'string' && text.trim() !== '' ? text : undefined;

/**
 * The counterparty of an item: `vendor` when present, else the legacy `supplier` (pleo-export-api.md §6
 * "Vendor resolution": "if vendor exists ignore supplier"). A supplier without a name uses its `code` as name.
 * Returns `undefined` when neither identifies anyone.
 */
export function findVendor(item: Pick<MappableItem, 'vendor' | 'supplier'>): EntryVendor | undefined {
  const vendor = item.vendor;
  if (vendor != null && present(vendor.name) !== undefined) {
    return {
      name: vendor.name,
      code: present(vendor.code),
      externalId: present(vendor.externalId),
      country: present(vendor.country),
      taxRegistrationNumber: present(vendor.taxRegistrationNumber),
    };
  }
  const supplier = item.supplier;
  const name = present(supplier?.name) ?? present(supplier?.code);
  if (supplier == null || name === undefined) return undefined;
  return {
    name,
    code: present(supplier.code),
    externalId: present(supplier.account),
    country: present(supplier.country),
    taxRegistrationNumber: present(supplier.taxIdentifier),
  };
}

/**
 * Like {@link findVendor}, for accounts-payable items where the vendor is mandatory (export-openapi.yml
 * `BookkeepingMethodV3`: "the Vendor parameter must be present").
 * @throws ItemError `vendor_unknown` (field `vendor`) when the item has neither a vendor nor a named supplier.
 */
export function requireVendor(item: Pick<MappableItem, 'vendor' | 'supplier'>): EntryVendor {
  const vendor = findVendor(item);
  if (vendor === undefined) {
    throw new ItemError(
      'vendor_unknown',
      'This accounts-payable entry has no vendor (neither vendor nor supplier is set): tag the vendor on the expense in Pleo and export it again.',
      { field: 'vendor' },
    );
  }
  return vendor;
}
