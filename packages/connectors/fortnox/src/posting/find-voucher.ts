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
 * The `MANUAL` vouchers of one series, financial year and transaction date, by `ReferenceNumber`:
 * `GET /3/vouchers/sublist/{series}?financialyear=&fromdate=&todate=&limit=500` (spec `listSeries`;
 * `fromdate`/`todate`/`limit`/`page` are Fortnox's shared list parameters), every page.
 * @throws ItemError per the HTTP matrix when a list call fails.
 */
export async function listVoucherMarkers(
  client: FortnoxClient,
  where: Omit<VoucherLookup, 'marker'>,
): Promise<Map<string, VoucherKey>> {
  const markers = new Map<string, VoucherKey>();
  for (let page = 1; ; page++) {
    const body = await client.call<{
      Vouchers?: FortnoxVoucherResponse[];
      MetaInformation?: { '@TotalPages'?: number };
    }>(`/3/vouchers/sublist/${encodeURIComponent(where.series)}`, {
      query: {
        financialyear: String(where.financialYearId),
        fromdate: where.date,
        todate: where.date,
        limit: String(FORTNOX_PAGE_LIMIT),
        page: String(page),
      },
    });
    for (const v of body.Vouchers ?? []) {
      if (
        typeof v.ReferenceNumber === 'string' &&
        (v.ReferenceType === undefined || v.ReferenceType === 'MANUAL') &&
        typeof v.VoucherNumber === 'number' &&
        !markers.has(v.ReferenceNumber)
      ) {
        markers.set(v.ReferenceNumber, {
          financialYearId: typeof v.Year === 'number' ? v.Year : where.financialYearId,
          series: v.VoucherSeries ?? where.series,
          number: v.VoucherNumber,
        });
      }
    }
    if (page >= (body.MetaInformation?.['@TotalPages'] ?? 1)) return markers;
  }
}

/**
 * Looks a voucher up by its reference marker (issue #7 "No idempotency key and no deletes") with
 * {@link listVoucherMarkers}: the voucher whose `ReferenceType` is `MANUAL` and `ReferenceNumber` equals
 * the marker (the oldest, if a human duplicated it).
 * @returns the voucher's key, or `undefined` when none matches.
 * @throws ItemError per the HTTP matrix when the list call fails.
 */
export async function findVoucher(
  _ctx: ConnectorContext<FortnoxConfig>,
  client: FortnoxClient,
  lookup: VoucherLookup,
): Promise<VoucherKey | undefined> {
  return (await listVoucherMarkers(client, lookup)).get(lookup.marker);
}
