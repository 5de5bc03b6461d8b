import { type AccountingEntry, type MapOptions, mapExportItem } from '@ledgerport/core';
import { generateSeedItems } from '@ledgerport/pleo-sandbox';
import { CANONICAL_COMPANY_ID, CANONICAL_MAPPING } from '@ledgerport/testkit';

/**
 * The sandbox's seed company (`generateSeedItems({ companyId, seed: 1 })`) mapped by core's
 * `mapExportItem` with the canonical mapping and `mapping` on top. Items core refuses are left out.
 */
export function seedEntries(mapping: MapOptions): AccountingEntry[] {
  return generateSeedItems({ companyId: CANONICAL_COMPANY_ID, seed: 1 }).flatMap((item) => {
    const result = mapExportItem(item, { ...CANONICAL_MAPPING, ...mapping });
    return result.ok ? [result.entry] : [];
  });
}
