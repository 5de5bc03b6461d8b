import type { ConnectorContext } from '@ledgerport/core';
import type { FortnoxConfig } from '../config/fortnox-config';
import type { FortnoxClient } from '../http/fortnox-client';
import { FORTNOX_PAGE_LIMIT } from '../reference/fortnox-reference-data';
import type { VoucherKey } from './external-id';
import type { FortnoxVoucherResponse } from './fortnox-voucher';

/** Where to look for a voucher: its series, financial year, transaction date and reference marker. */
export interface VoucherLookup {
  readonly series: string;
  readonly financialYearId: number;
  /** ISO `YYYY-MM-DD`; the date range searched is this one day (the voucher was posted with it). */
  readonly date: string;
  readonly marker: string;
}

/**
 * Looks a voucher up by its reference marker (issue #7 "No idempotency key and no deletes"):
 * `GET /3/vouchers/sublist/{series}?financialyear=&fromdate=&todate=&limit=500` (spec `listSeries`;
 * `fromdate`/`todate`/`limit`/`page` are Fortnox's shared list parameters), every page, and picks the
 * voucher whose `ReferenceType` is `MANUAL` and `ReferenceNumber` equals the marker.
 * @returns the voucher's key, or `undefined` when none matches.
 * @throws ItemError per the HTTP matrix when the list call fails.
 */
export async function findVoucher(
  _ctx: ConnectorContext<FortnoxConfig>,
  client: FortnoxClient,
  lookup: VoucherLookup,
): Promise<VoucherKey | undefined> {
  for (let page = 1; ; page++) {
    const body = await client.call<{
      Vouchers?: FortnoxVoucherResponse[];
      MetaInformation?: { '@TotalPages'?: number };
    }>(`/3/vouchers/sublist/${encodeURIComponent(lookup.series)}`, {
      query: {
        financialyear: String(lookup.financialYearId),
        fromdate: lookup.date,
        todate: lookup.date,
        limit: String(FORTNOX_PAGE_LIMIT),
        page: String(page),
      },
    });
    const match = (body.Vouchers ?? []).find(
      (v) =>
        v.ReferenceNumber === lookup.marker &&
        (v.ReferenceType === undefined || v.ReferenceType === 'MANUAL') &&
        typeof v.VoucherNumber === 'number',
    );
    if (match !== undefined) {
      return {
        financialYearId: typeof match.Year === 'number' ? match.Year : lookup.financialYearId,
        series: match.VoucherSeries ?? lookup.series,
        number: match.VoucherNumber as number,
      };
    }
    if (page >= (body.MetaInformation?.['@TotalPages'] ?? 1)) return undefined;
  }
}
