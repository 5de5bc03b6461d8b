import type { MappableItem } from './mappable-item';

/**
 * The entry description per Pleo's data-mapping guidance (pleo-export-api.md §4 "Data-mapping guidance"):
 * `supplier.name`, `user.name` and `note`, trimmed, empty parts skipped, joined with `" - "`.
 * Example: `"Target - Luke Richardson - Printer ink"`. Connectors shorten it to their ERP's limit.
 */
export function describeItem(item: Pick<MappableItem, 'supplier' | 'user' | 'note'>): string {
  return [item.supplier?.name, item.user?.name, item.note]
    .map((part) => (typeof part === 'string' ? part.trim() : ''))
    .filter((part) => part !== '')
    .join(' - ');
}
