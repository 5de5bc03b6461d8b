import type { DatevConfig } from '../config/datev-config';

/** What varies per file in the header line (DATEV-Format header version 700, erp-apis.md §8). */
export interface BuchungsstapelHeaderInput {
  /** Booking period `YYYYMM`. */
  readonly period: string;
  /** When the file was created (field 6, `YYYYMMDDHHMMSSFFF`, UTC). */
  readonly createdAt: Date;
}

const pad = (value: number, width = 2) => String(value).padStart(width, '0');
const quote = (value: string) => `"${value.replaceAll('"', '""')}"`;

/**
 * `YYYYMMDD` of the first day of the fiscal year (WJ-Beginn, header field 13) that contains `period`
 * (`YYYYMM`), for a fiscal year starting in month `startMonth` (1–12): `fiscalYearStart('202503', 4)`
 * is `'20240401'`. Does not validate its input (the config schema bounds `startMonth`; periods come
 * from ISO 8601 Belegdatum values); a malformed `period` gives a malformed result rather than an error.
 */
export function fiscalYearStart(period: string, startMonth: number): string {
  const year = Number(period.slice(0, 4));
  const month = Number(period.slice(4, 6));
  return `${month >= startMonth ? year : year - 1}${pad(startMonth)}01`;
}

/**
 * Last day of the month `YYYYMM` (the header's `Datum bis`, field 16), as `YYYYMMDD`, leap years
 * included: `lastDayOfPeriod('202402')` is `'20240229'`. Does not validate `period`; never throws.
 */
export function lastDayOfPeriod(period: string): string {
  const year = Number(period.slice(0, 4));
  const month = Number(period.slice(4, 6));
  return `${period}${pad(new Date(Date.UTC(year, month, 0)).getUTCDate())}`;
}

/**
 * Line 1 of a Buchungsstapel: the 31 header fields of DATEV-Format header version 700, category 21,
 * format version 13 (erp-apis.md §8, "Header (31 fields)"), e.g.
 * `"EXTF";700;21;"Buchungsstapel";13;20261102080000000;;"LP";"Ledgerport";"";29098;55003;20260101;4;20261001;20261031;"Pleo Export";"";1;0;0;"EUR";;"";;;"03";;;"";""`.
 */
export function buchungsstapelHeader(config: DatevConfig, input: BuchungsstapelHeaderInput): string {
  const at = input.createdAt;
  const createdAt = `${at.getUTCFullYear()}${pad(at.getUTCMonth() + 1)}${pad(at.getUTCDate())}${pad(at.getUTCHours())}${pad(at.getUTCMinutes())}${pad(at.getUTCSeconds())}${pad(at.getUTCMilliseconds(), 3)}`;
  return [
    quote('EXTF'),
    '700',
    '21',
    quote('Buchungsstapel'),
    '13',
    createdAt,
    '',
    quote(config.origin),
    quote('Ledgerport'),
    quote(''),
    String(config.beraternummer),
    String(config.mandantennummer),
    fiscalYearStart(input.period, config.fiscalYearStartMonth),
    String(config.accountLength),
    `${input.period}01`,
    lastDayOfPeriod(input.period),
    quote(config.batchName),
    quote(config.dictationCode ?? ''),
    '1',
    '0',
    config.lockBookings ? '1' : '0',
    quote('EUR'),
    '',
    quote(''),
    '',
    '',
    quote(config.chartOfAccounts),
    '',
    '',
    quote(''),
    quote(''),
  ].join(';');
}
