/**
 * Where a job's export items come from. An array source holds given items; a generated source
 * builds item `i` on demand from a seed, so a 100,000-item job costs no memory per item until it
 * is served.
 */
import type { ExportItemV3 } from '../model/pleo-types';

/** Random access to a job's export items, in export order. */
export interface ItemSource {
  /** Number of items. */
  readonly count: number;
  /** `accountingEntryId` of item `index` (cheap; used for indexing). */
  entryIdAt(index: number): string;
  /** The full export item at `index` (a fresh or shared object; callers must not mutate it). */
  itemAt(index: number): ExportItemV3;
}

/** A source over an array of items (kept by reference; not copied). */
export function arrayItemSource(items: readonly ExportItemV3[]): ItemSource {
  return {
    count: items.length,
    entryIdAt: (index) => items[index]!.accountingEntryId,
    itemAt: (index) => items[index]!,
  };
}
