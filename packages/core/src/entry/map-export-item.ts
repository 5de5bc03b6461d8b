import type { ExportItemV3 } from '@ledgerport/pleo';
import type { ItemError } from '../errors/ledgerport-error';
import type { AccountingEntry } from './accounting-entry';
import type { MapOptions } from './map-options';

/** Result of {@link mapExportItem}: a balanced entry, or the item failure to report. */
export type MapResult =
  | { readonly ok: true; readonly entry: AccountingEntry }
  | { readonly ok: false; readonly error: ItemError };

/**
 * Maps a Pleo `ExportItemV3` to a balanced {@link AccountingEntry}. Never throws.
 * PLACEHOLDER: the implementation lands with the mapping work of issue #3.
 */
export function mapExportItem(_item: ExportItemV3, _options: MapOptions = {}): MapResult {
  throw new Error('mapExportItem is not implemented yet');
}
