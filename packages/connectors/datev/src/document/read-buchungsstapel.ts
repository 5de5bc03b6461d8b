import { parse } from 'csv-parse/sync';
import { BUCHUNGSSTAPEL_COLUMNS } from '../format/buchungsstapel-columns';
import { decodeCp1252 } from '../format/cp1252';
import { DATEV_FIELD_RULES } from '../format/datev-field-rules';

/**
 * Thrown by {@link readBuchungsstapel} for a file that does not follow DATEV-Format (header identity,
 * column headings, CRLF, a core field breaking its rule). `line` is the 1-based file line, or
 * `undefined` when the problem is the file as a whole; the message starts with `line <n>: `.
 */
export class BuchungsstapelReadError extends Error {
  override readonly name = 'BuchungsstapelReadError';
  constructor(
    message: string,
    readonly line: number | undefined,
  ) {
    super(line === undefined ? message : `line ${line}: ${message}`);
  }
}

/** A parsed Buchungsstapel file. */
export interface ReadBuchungsstapel {
  /** The 31 header values (unquoted). */
  readonly header: readonly string[];
  /** One array of 125 unquoted values per booking line. */
  readonly rows: readonly (readonly string[])[];
}

const CHECKED_COLUMNS: readonly [number, string][] = [
  [0, 'Umsatz'],
  [1, 'Soll/Haben-Kennzeichen'],
  [2, 'WKZ Umsatz'],
  [6, 'Konto'],
  [7, 'Gegenkonto'],
  [9, 'Belegdatum'],
  [10, 'Belegfeld 1'],
  [13, 'Buchungstext'],
];

/**
 * Reads a Buchungsstapel written by this package (and DATEV-Format files in general): decodes
 * Windows-1252, requires CRLF, parses `;`-separated fields with `"` quoting (csv-parse), and checks the
 * header identity (`EXTF`, 700, 21, `Buchungsstapel`, 13), the exact 125 column headings, and every
 * booking's filled core fields against DATEV's rules.
 *
 * @throws BuchungsstapelReadError naming the line.
 */
export function readBuchungsstapel(bytes: Uint8Array): ReadBuchungsstapel {
  const text = decodeCp1252(bytes);
  if (!text.endsWith('\r\n') || /[^\r]\n/.test(text))
    throw new BuchungsstapelReadError('line breaks are not CRLF', undefined);
  let records: string[][];
  try {
    records = parse(text, {
      delimiter: ';',
      record_delimiter: '\r\n',
      quote: '"',
      relax_column_count: true,
    }) as string[][];
  } catch (error) {
    throw new BuchungsstapelReadError((error as Error).message, undefined);
  }
  const [header, headings, ...rows] = records;
  if (header === undefined || headings === undefined)
    throw new BuchungsstapelReadError('missing header lines', 1);
  const identity = header.slice(0, 5).join(';');
  if (identity !== 'EXTF;700;21;Buchungsstapel;13' || header.length !== 31) {
    throw new BuchungsstapelReadError(
      `not an EXTF Buchungsstapel v13 header (${identity}, ${header.length} fields)`,
      1,
    );
  }
  if (headings.join(';') !== BUCHUNGSSTAPEL_COLUMNS.join(';')) {
    throw new BuchungsstapelReadError('the column headings are not the 125 headings of format version 13', 2);
  }
  rows.forEach((row, index) => {
    if (row.length !== BUCHUNGSSTAPEL_COLUMNS.length) {
      throw new BuchungsstapelReadError(
        `${row.length} fields instead of ${BUCHUNGSSTAPEL_COLUMNS.length}`,
        index + 3,
      );
    }
    for (const [column, field] of CHECKED_COLUMNS) {
      const rule = DATEV_FIELD_RULES[field];
      if (rule !== undefined && !rule.test(row[column] ?? '')) {
        throw new BuchungsstapelReadError(
          `${field} "${row[column]}" does not match ${rule.source}`,
          index + 3,
        );
      }
    }
  });
  return { header, rows };
}
