import type { DatevBooking } from '../booking/datev-booking';
import type { DatevConfig } from '../config/datev-config';
import { BUCHUNGSSTAPEL_COLUMNS, NUMERIC_COLUMNS } from '../format/buchungsstapel-columns';
import { encodeCp1252 } from '../format/cp1252';
import { buchungsstapelHeader } from './buchungsstapel-header';

/** Line break of DATEV-Format files: CRLF. */
export const DATEV_LINE_BREAK = '\r\n';

/**
 * A field as written: empty stays empty, numeric columns (amounts, Kurs, accounts, Belegdatum: the
 * `NUMERIC_COLUMNS` set) bare, text in quotes with embedded quotes doubled (DATEV-Format CSV rules,
 * erp-apis.md §8). `column` is the 0-based index into {@link BUCHUNGSSTAPEL_COLUMNS}. Never throws:
 * the value is not checked here (see {@link checkDatevField}).
 */
export function formatDatevField(value: string, column: number): string {
  if (value === '') return '';
  return NUMERIC_COLUMNS.has(column) ? value : `"${value.replaceAll('"', '""')}"`;
}

/**
 * File name of one period's Buchungsstapel: `EXTF_Buchungsstapel_<YYYYMM>_<job>.csv` (the `EXTF_`
 * prefix DATEV's import expects; erp-apis.md §8). Plain concatenation: it neither checks `period`
 * nor makes `jobId` safe for a file system (the connector checks the job id first with
 * `@ledgerport/file-kit`'s `checkJobFileId`).
 */
export function buchungsstapelFileName(period: string, jobId: string): string {
  return `EXTF_Buchungsstapel_${period}_${jobId}.csv`;
}

/**
 * Writes one period's Buchungsstapel (DATEV-Format, format version 13): the header line, the 125
 * column headings exactly, then one line per booking; `;` separators, CRLF, Windows-1252 bytes.
 * Deterministic for a given `createdAt`.
 *
 * @param config - the parsed connector configuration (header fields: Beraternummer, SKR, …).
 * @param period - the booking period `YYYYMM`.
 * @param bookings - the period's bookings (their fields already checked against DATEV's rules).
 * @param createdAt - header field 6 (`YYYYMMDDHHMMSSFFF`, UTC).
 * @returns the file as text and as Windows-1252 bytes. Does not throw on content: a character
 *   Windows-1252 lacks would be written as `?`, which is why fields are checked before staging.
 */
export function writeBuchungsstapel(
  config: DatevConfig,
  period: string,
  bookings: readonly DatevBooking[],
  createdAt: Date,
): { text: string; bytes: Uint8Array } {
  const lines = [
    buchungsstapelHeader(config, { period, createdAt }),
    BUCHUNGSSTAPEL_COLUMNS.join(';'),
    ...bookings.map((booking) => booking.fields.map(formatDatevField).join(';')),
  ];
  const text = lines.join(DATEV_LINE_BREAK) + DATEV_LINE_BREAK;
  return { text, bytes: encodeCp1252(text) };
}
