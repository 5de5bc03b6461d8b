/**
 * Parses a Xero date (`x-is-msdate`): the .NET JSON form `/Date(1552521600000+0000)/` Xero answers
 * with, or ISO `YYYY-MM-DD[THH:mm:ss]`. Returns the calendar date `YYYY-MM-DD` (UTC), or `undefined`.
 */
export function parseXeroDate(value: string | null | undefined): string | undefined {
  if (value === null || value === undefined || value === '') return undefined;
  const ms = /^\/Date\((-?\d+)([+-]\d{4})?\)\/$/.exec(value);
  if (ms !== null) return new Date(Number(ms[1])).toISOString().slice(0, 10);
  const iso = /^(\d{4}-\d{2}-\d{2})/.exec(value);
  return iso?.[1];
}

/** Formats a date as Xero's `/Date(ms+0000)/` (for the fake's responses). */
export function toXeroMsDate(isoDate: string): string {
  return `/Date(${Date.parse(isoDate.length === 10 ? `${isoDate}T00:00:00Z` : isoDate)}+0000)/`;
}
