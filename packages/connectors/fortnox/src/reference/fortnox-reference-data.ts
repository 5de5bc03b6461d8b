import type { ConnectorContext } from '@ledgerport/core';
import type { FortnoxConfig } from '../config/fortnox-config';
import type { FortnoxClient } from '../http/fortnox-client';

/** A financial year (`fortnox_FinancialYear`): `Id` and its inclusive ISO date range. */
export interface FortnoxFinancialYear {
  readonly id: number;
  readonly fromDate: string;
  readonly toDate: string;
}

/** An account of the chart (`fortnox_AccountListItem`): number and whether it is active. */
export interface FortnoxAccountInfo {
  readonly number: number;
  readonly active: boolean;
  readonly description: string;
}

/** Fortnox list pagination (`MetaInformation`, Fortnox "Parameters" guide; not modelled in the spec). */
interface MetaInformation {
  readonly '@TotalPages'?: number;
  readonly '@CurrentPage'?: number;
}

/** Page size the connector asks for (Fortnox's maximum `limit`). */
export const FORTNOX_PAGE_LIMIT = 500;

const YEARS_KEY = 'fortnox:financialYears';

/**
 * The financial year containing `date` (ISO `YYYY-MM-DD`): from the per-job cache when a known year
 * covers it, else `GET /3/financialyears?Date=` (spec operation `getByDate`).
 * @returns the year, or `undefined` when Fortnox has none for the date.
 * @throws ItemError per the HTTP matrix when Fortnox fails.
 */
export async function financialYearFor(
  ctx: ConnectorContext<FortnoxConfig>,
  client: FortnoxClient,
  date: string,
): Promise<FortnoxFinancialYear | undefined> {
  const known = (ctx.cache.get(YEARS_KEY) as FortnoxFinancialYear[] | undefined) ?? [];
  const hit = known.find((y) => y.fromDate <= date && date <= y.toDate);
  if (hit !== undefined) return hit;
  // Concurrent posts for the same date share one look-up instead of each asking Fortnox.
  const pendingKey = `fortnox:financialYearPending:${date}`;
  const pending = ctx.cache.get(pendingKey) as Promise<FortnoxFinancialYear | undefined> | undefined;
  if (pending !== undefined) return pending;
  const lookup = fetchFinancialYear(ctx, client, date).finally(() => ctx.cache.delete(pendingKey));
  ctx.cache.set(pendingKey, lookup);
  return lookup;
}

async function fetchFinancialYear(
  ctx: ConnectorContext<FortnoxConfig>,
  client: FortnoxClient,
  date: string,
): Promise<FortnoxFinancialYear | undefined> {
  const known = (ctx.cache.get(YEARS_KEY) as FortnoxFinancialYear[] | undefined) ?? [];
  const hit = known.find((y) => y.fromDate <= date && date <= y.toDate);
  if (hit !== undefined) return hit;
  const missKey = `fortnox:financialYearMiss:${date}`;
  if (ctx.cache.get(missKey) === true) return undefined;
  const body = await client.call<{
    FinancialYears?: { Id?: number; FromDate?: string; ToDate?: string }[];
  }>('/3/financialyears', { query: { Date: date } });
  const years = (body.FinancialYears ?? [])
    .filter((y) => typeof y.Id === 'number' && typeof y.FromDate === 'string' && typeof y.ToDate === 'string')
    .map((y) => ({ id: y.Id as number, fromDate: y.FromDate as string, toDate: y.ToDate as string }));
  const found = years.find((y) => y.fromDate <= date && date <= y.toDate);
  if (found === undefined) {
    ctx.cache.set(missKey, true);
    return undefined;
  }
  const all = (ctx.cache.get(YEARS_KEY) as FortnoxFinancialYear[] | undefined) ?? [];
  if (!all.some((y) => y.id === found.id)) ctx.cache.set(YEARS_KEY, [...all, found]);
  return found;
}

/**
 * The chart of accounts (`GET /3/accounts`, every page of `limit=500`), cached per job run.
 * @returns accounts by number.
 */
export async function loadAccounts(
  ctx: ConnectorContext<FortnoxConfig>,
  client: FortnoxClient,
): Promise<ReadonlyMap<number, FortnoxAccountInfo>> {
  const cached = ctx.cache.get('fortnox:accounts') as ReadonlyMap<number, FortnoxAccountInfo> | undefined;
  if (cached !== undefined) return cached;
  const accounts = new Map<number, FortnoxAccountInfo>();
  for (let page = 1; ; page++) {
    const body = await client.call<{
      Accounts?: { Number?: number; Active?: boolean; Description?: string }[];
      MetaInformation?: MetaInformation;
    }>('/3/accounts', { query: { limit: String(FORTNOX_PAGE_LIMIT), page: String(page) } });
    for (const a of body.Accounts ?? []) {
      if (typeof a.Number === 'number') {
        accounts.set(a.Number, {
          number: a.Number,
          active: a.Active !== false,
          description: a.Description ?? '',
        });
      }
    }
    if (page >= (body.MetaInformation?.['@TotalPages'] ?? 1)) break;
  }
  ctx.cache.set('fortnox:accounts', accounts);
  return accounts;
}

/** Codes of the voucher series (`GET /3/voucherseries`), cached per job run. */
export async function loadVoucherSeries(
  ctx: ConnectorContext<FortnoxConfig>,
  client: FortnoxClient,
): Promise<ReadonlySet<string>> {
  const cached = ctx.cache.get('fortnox:voucherSeries') as ReadonlySet<string> | undefined;
  if (cached !== undefined) return cached;
  const body = await client.call<{ VoucherSeriesCollection?: { Code?: string }[] }>('/3/voucherseries');
  const codes = new Set(
    (body.VoucherSeriesCollection ?? []).map((s) => s.Code ?? '').filter((c) => c !== ''),
  );
  ctx.cache.set('fortnox:voucherSeries', codes);
  return codes;
}

/**
 * Last locked date (`GET /3/settings/lockedperiod` → `LockedPeriod.EndDate`, inclusive), or `undefined`
 * when no period is locked ("If no date is returned, no period is locked", spec `get_29`).
 */
export async function loadLockedThrough(
  ctx: ConnectorContext<FortnoxConfig>,
  client: FortnoxClient,
): Promise<string | undefined> {
  if (ctx.cache.has('fortnox:lockedThrough'))
    return ctx.cache.get('fortnox:lockedThrough') as string | undefined;
  const body = await client.call<{ LockedPeriod?: { EndDate?: string | null } }>('/3/settings/lockedperiod');
  const end = body.LockedPeriod?.EndDate;
  const value = typeof end === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(end) ? end : undefined;
  ctx.cache.set('fortnox:lockedThrough', value);
  return value;
}
