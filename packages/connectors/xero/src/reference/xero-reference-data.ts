import type { ConnectorContext } from '@ledgerport/core';
import type { XeroConfig } from '../config/xero-config';
import type { XeroClient } from '../http/xero-client';
import { parseXeroDate } from './xero-date';

/** What the connector needs from `GET /Organisation` (spec `components.schemas.Organisation`). */
export interface XeroOrganisation {
  readonly name: string;
  /** For go.xero.com deep links. */
  readonly shortCode: string;
  readonly baseCurrency: string;
  /** `PeriodLockDate` as `YYYY-MM-DD`, when set. */
  readonly periodLockDate: string | undefined;
  /** `EndOfYearLockDate` as `YYYY-MM-DD`, when set. */
  readonly endOfYearLockDate: string | undefined;
  /** The later of both lock dates (inclusive): nothing may be dated on or before it. */
  readonly lockedThrough: string | undefined;
}

/** An account of `GET /Accounts`. */
export interface XeroAccountInfo {
  readonly code: string;
  readonly status: string;
  readonly type: string | undefined;
}

/** A tax rate of `GET /TaxRates`. */
export interface XeroTaxRateInfo {
  readonly taxType: string;
  readonly status: string;
}

interface OrganisationBody {
  Organisations?: {
    Name?: string;
    ShortCode?: string;
    BaseCurrency?: string;
    PeriodLockDate?: string;
    EndOfYearLockDate?: string;
  }[];
}
interface AccountsBody {
  Accounts?: { Code?: string; Status?: string; Type?: string }[];
}
interface TaxRatesBody {
  TaxRates?: { TaxType?: string; Status?: string }[];
}

async function memo<T>(ctx: ConnectorContext<XeroConfig>, key: string, load: () => Promise<T>): Promise<T> {
  const hit = ctx.cache.get(key);
  if (hit !== undefined) return hit as Promise<T>;
  const pending = load();
  ctx.cache.set(key, pending);
  pending.catch(() => ctx.cache.delete(key));
  return pending;
}

/** `GET /Organisation`, memoised per job in `ctx.cache`. */
export function loadOrganisation(
  ctx: ConnectorContext<XeroConfig>,
  client: XeroClient,
): Promise<XeroOrganisation> {
  return memo(ctx, 'xero:organisation', async () => {
    const body = await client.call<OrganisationBody>('/Organisation');
    const org = body.Organisations?.[0] ?? {};
    const periodLockDate = parseXeroDate(org.PeriodLockDate);
    const endOfYearLockDate = parseXeroDate(org.EndOfYearLockDate);
    const locks = [periodLockDate, endOfYearLockDate].filter((d): d is string => d !== undefined).sort();
    return {
      name: org.Name ?? '',
      shortCode: org.ShortCode ?? '',
      baseCurrency: org.BaseCurrency ?? '',
      periodLockDate,
      endOfYearLockDate,
      lockedThrough: locks[locks.length - 1],
    };
  });
}

/** `GET /Accounts` by code, memoised per job. */
export function loadAccounts(
  ctx: ConnectorContext<XeroConfig>,
  client: XeroClient,
): Promise<ReadonlyMap<string, XeroAccountInfo>> {
  return memo(ctx, 'xero:accounts', async () => {
    const body = await client.call<AccountsBody>('/Accounts');
    const map = new Map<string, XeroAccountInfo>();
    for (const a of body.Accounts ?? []) {
      if (a.Code !== undefined) map.set(a.Code, { code: a.Code, status: a.Status ?? 'ACTIVE', type: a.Type });
    }
    return map;
  });
}

/** `GET /TaxRates` by TaxType, memoised per job. */
export function loadTaxRates(
  ctx: ConnectorContext<XeroConfig>,
  client: XeroClient,
): Promise<ReadonlyMap<string, XeroTaxRateInfo>> {
  return memo(ctx, 'xero:taxRates', async () => {
    const body = await client.call<TaxRatesBody>('/TaxRates');
    const map = new Map<string, XeroTaxRateInfo>();
    for (const t of body.TaxRates ?? []) {
      if (t.TaxType !== undefined) map.set(t.TaxType, { taxType: t.TaxType, status: t.Status ?? 'ACTIVE' });
    }
    return map;
  });
}

/**
 * Loads `GET /Accounts` and `GET /TaxRates` into the job's cache (called by `authenticate` beside
 * `GET /Organisation`, so the three read-only calls share one round trip and entry-level `validate`
 * finds them loaded). Never rejects: a failed load is dropped from the cache and surfaces when
 * `validate` loads it again.
 */
export async function prefetchReferenceData(
  ctx: ConnectorContext<XeroConfig>,
  client: XeroClient,
): Promise<void> {
  await Promise.allSettled([loadAccounts(ctx, client), loadTaxRates(ctx, client)]);
}

/**
 * Which of `names` exist as Xero contacts: `GET /Contacts?where=Name=="A" OR Name=="B"` (spec
 * `getContacts`, `where` filter), in chunks of 20 names.
 */
export async function findContactNames(client: XeroClient, names: readonly string[]): Promise<Set<string>> {
  const found = new Set<string>();
  for (let i = 0; i < names.length; i += 20) {
    const chunk = names.slice(i, i + 20);
    const where = chunk
      .map((n) => `Name=="${n.replaceAll('\\', '\\\\').replaceAll('"', '\\"')}"`)
      .join(' OR ');
    const body = await client.call<{ Contacts?: { Name?: string }[] }>('/Contacts', { query: { where } });
    for (const c of body.Contacts ?? []) if (c.Name !== undefined) found.add(c.Name);
  }
  return found;
}
