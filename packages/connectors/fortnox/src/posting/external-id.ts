import { ItemError } from '@ledgerport/core';

/** The parts of a Fortnox voucher's identity: financial year id, series and number. */
export interface VoucherKey {
  readonly financialYearId: number;
  readonly series: string;
  readonly number: number;
}

/**
 * `externalId` of a voucher: `{financialYear}/{series}/{number}` (issue #7; erp-apis.md §3 "External id").
 * A voucher is unique only by all three ("the same voucher series and number is used each year", spec `list_46`).
 */
export function formatExternalId(key: VoucherKey): string {
  return `${key.financialYearId}/${key.series}/${key.number}`;
}

/**
 * Parses {@link formatExternalId}'s output.
 * @throws ItemError(`unexpected_failure`, field `externalId`) for anything else.
 */
export function parseExternalId(externalId: string): VoucherKey {
  const match = /^(\d+)\/([^/]{1,10})\/(\d+)$/.exec(externalId);
  if (match === null) {
    throw new ItemError(
      'unexpected_failure',
      `"${externalId}" is not a Fortnox voucher id ({financialYear}/{series}/{number}).`,
      { field: 'externalId' },
    );
  }
  return { financialYearId: Number(match[1]), series: match[2] ?? '', number: Number(match[3]) };
}
