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
 * Types the employee paid for or is reimbursed for: under accounts payable the employee is the vendor
 * (pleo-export-api.md §6 "AP model": "out-of-pocket → employee as vendor, reimbursement = payment").
 */
const EMPLOYEE_VENDOR_TYPES = new Set([
  'out_of_pocket',
  'mileage',
  'per_diem',
  'direct_reimbursement',
  'external_reimbursement',
]);

/**
 * The vendor of an accounts-payable item, where it is mandatory (export-openapi.yml `BookkeepingMethodV3`:
 * "the Vendor parameter must be present"): the tagged `vendor`; for employee spend and reimbursements
 * (`out_of_pocket`, `mileage`, `per_diem`, `direct_reimbursement`, `external_reimbursement`) the employee
 * (`user.name`, `user.code`); otherwise the legacy `supplier`.
 * @throws ItemError `vendor_unknown` (field `vendor`) when none of these identifies anyone.
 */
export function requireVendor(
  item: Pick<MappableItem, 'vendor' | 'supplier' | 'user' | 'type'>,
): EntryVendor {
  const employeeName = present(item.user?.name);
  const employee =
    EMPLOYEE_VENDOR_TYPES.has(item.type) && employeeName !== undefined
      ? { name: employeeName, code: present(item.user?.code) }
      : undefined;
  const tagged =
    item.vendor != null && present(item.vendor.name) !== undefined ? findVendor(item) : undefined;
  const vendor = tagged ?? employee ?? findVendor(item);
  if (vendor === undefined) {
    throw new ItemError(
      'vendor_unknown',
      'This accounts-payable entry has no vendor (no vendor, employee or supplier is set): tag the vendor on the expense in Pleo and export it again.',
      { field: 'vendor' },
    );
  }
  return vendor;
}
