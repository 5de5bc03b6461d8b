import type { ConnectorContext } from '@ledgerport/core';
import type { FortnoxConfig } from '../config/fortnox-config';
import type { FortnoxClient } from '../http/fortnox-client';
import type { VoucherKey } from './external-id';
import { listVoucherMarkers, type VoucherLookup } from './find-voucher';

/** Per-job-run index of the vouchers already in Fortnox, by series, financial year and date. */
type DateIndex = Map<string, VoucherKey>;

const indexKey = (series: string, financialYearId: number, date: string) =>
  `fortnox:voucherIndex:${series}:${financialYearId}:${date}`;
const uncertainKey = (marker: string) => `fortnox:uncertain:${marker}`;

/**
 * Builds the look-up index for a page of entries in one list call per distinct voucher date (issue #7:
 * "look the voucher up before any post"), read-only, from `validate`. Within the same job run,
 * `postEntry` then answers "already booked?" from the index instead of one list call per entry; it
 * falls back to a live look-up for any date not indexed and for any marker whose POST had an unknown
 * outcome ({@link markUncertain}). One job per company runs at a time (Pleo and the runner enforce it),
 * so no one else books these markers between the index and the post.
 * @throws ItemError per the HTTP matrix when a list call fails.
 */
export async function indexVoucherDates(
  ctx: ConnectorContext<FortnoxConfig>,
  client: FortnoxClient,
  where: readonly Omit<VoucherLookup, 'marker'>[],
): Promise<void> {
  const pending = new Map<string, Omit<VoucherLookup, 'marker'>>();
  for (const w of where) {
    const key = indexKey(w.series, w.financialYearId, w.date);
    if (!ctx.cache.has(key)) pending.set(key, w);
  }
  // Concurrently: the per-token limiter paces them.
  const lists = await Promise.all(
    [...pending].map(async ([key, w]) => [key, await listVoucherMarkers(client, w)] as const),
  );
  for (const [key, markers] of lists) ctx.cache.set(key, markers);
}

/**
 * What the index knows about `lookup.marker`: the voucher's key, `null` when the date is indexed and the
 * marker is not in Fortnox, or `undefined` when a live look-up is needed (date not indexed, or an earlier
 * POST for the marker had an unknown outcome).
 */
export function indexedVoucher(
  ctx: ConnectorContext<FortnoxConfig>,
  lookup: VoucherLookup,
): VoucherKey | null | undefined {
  if (ctx.cache.get(uncertainKey(lookup.marker)) === true) return undefined;
  const index = ctx.cache.get(indexKey(lookup.series, lookup.financialYearId, lookup.date)) as
    | DateIndex
    | undefined;
  if (index === undefined) return undefined;
  return index.get(lookup.marker) ?? null;
}

/** Records a POST whose outcome is unknown (it failed): later posts of the marker look it up live. */
export function markUncertain(ctx: ConnectorContext<FortnoxConfig>, marker: string): void {
  ctx.cache.set(uncertainKey(marker), true);
}

/** Records a voucher this run created (or found live), so a repeated post finds it without a call. */
export function recordVoucher(
  ctx: ConnectorContext<FortnoxConfig>,
  lookup: VoucherLookup,
  key: VoucherKey,
): void {
  const index = ctx.cache.get(indexKey(lookup.series, lookup.financialYearId, lookup.date)) as
    | DateIndex
    | undefined;
  index?.set(lookup.marker, key);
  ctx.cache.delete(uncertainKey(lookup.marker));
}
