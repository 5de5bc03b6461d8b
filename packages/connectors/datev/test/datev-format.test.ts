import { canonicalEntries } from '@ledgerport/testkit';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import {
  BUCHUNGSSTAPEL_COLUMNS,
  buchungsstapelHeader,
  type DatevBooking,
  datevConfigSchema,
  entryToBookings,
  formatDatevAmount,
  parseDatevRate,
  readBuchungsstapel,
  toBaseCents,
  writeBuchungsstapel,
} from '../src/index';

const config = datevConfigSchema.parse({
  outputDirectory: '/tmp',
  beraternummer: 29098,
  mandantennummer: 55003,
  chartOfAccounts: '03',
  batchName: 'Buchungsstapel',
  dictationCode: 'WD',
  origin: 'RE',
  vat: { mode: 'explicit_lines' },
});

describe('DATEV header and column headings', () => {
  it('writes the 31 header fields like DATEV example (format 13, header 700, category 21)', () => {
    const header = buchungsstapelHeader(config, {
      period: '202401',
      createdAt: new Date('2024-01-30T14:04:40.439Z'),
    });
    // DATEV's example header (erp-apis.md §8) with our "exported by" and a one-month period:
    expect(header).toBe(
      '"EXTF";700;21;"Buchungsstapel";13;20240130140440439;;"RE";"Ledgerport";"";29098;55003;20240101;4;20240101;20240131;"Buchungsstapel";"WD";1;0;0;"EUR";;"";;;"03";;;"";""',
    );
    expect(header.split(';')).toHaveLength(31);
  });

  it('computes WJ-Beginn for a fiscal year starting in July and the last day of February', () => {
    const july = datevConfigSchema.parse({ ...config, fiscalYearStartMonth: 7 });
    expect(
      buchungsstapelHeader(july, { period: '202402', createdAt: new Date(0) })
        .split(';')
        .slice(12, 16),
    ).toEqual(['20230701', '4', '20240201', '20240229']);
  });

  it('has the 125 column headings of format version 13 in order', () => {
    expect(BUCHUNGSSTAPEL_COLUMNS).toHaveLength(125);
    expect(BUCHUNGSSTAPEL_COLUMNS.slice(0, 11)).toEqual([
      'Umsatz (ohne Soll/Haben-Kz)',
      'Soll/Haben-Kennzeichen',
      'WKZ Umsatz',
      'Kurs',
      'Basis-Umsatz',
      'WKZ Basis-Umsatz',
      'Konto',
      'Gegenkonto (ohne BU-Schlüssel)',
      'BU-Schlüssel',
      'Belegdatum',
      'Belegfeld 1',
    ]);
    expect(BUCHUNGSSTAPEL_COLUMNS[13]).toBe('Buchungstext');
    expect(BUCHUNGSSTAPEL_COLUMNS[19]).toBe('Beleglink');
    expect(BUCHUNGSSTAPEL_COLUMNS[36]).toBe('KOST1 - Kostenstelle');
    expect(BUCHUNGSSTAPEL_COLUMNS[113]).toBe('Festschreibung');
    expect(BUCHUNGSSTAPEL_COLUMNS.at(-1)).toBe('Abw. Skontokonto');
  });
});

describe('DATEV amounts and rates', () => {
  it('formats minor units with exactly two decimals and a decimal comma', () => {
    expect(formatDatevAmount(123456, 'EUR', 'Umsatz')).toBe('1234,56');
    expect(formatDatevAmount(5, 'EUR', 'Umsatz')).toBe('0,05');
    expect(formatDatevAmount(12345, 'JPY', 'Umsatz')).toBe('12345,00');
    expect(formatDatevAmount(12340, 'KWD', 'Umsatz')).toBe('12,34');
  });

  it('refuses a 3-decimal amount it cannot represent, naming Umsatz', () => {
    expect(() => formatDatevAmount(12345, 'KWD', 'Umsatz')).toThrow(
      expect.objectContaining({ reason: 'validation_failure', field: 'Umsatz' }),
    );
  });

  it('checks Kurs against ^[1-9]\\d{0,3},\\d{2,6}$ and converts to Basis-Umsatz half-up', () => {
    const rate = parseDatevRate('11.2345', 'SEK');
    expect(rate.text).toBe('11,2345');
    expect(toBaseCents(125000, 'SEK', rate)).toBe(11126); // 1250 / 11.2345 = 111.2644…
    expect(toBaseCents(12345, 'JPY', parseDatevRate('163,25', 'JPY'))).toBe(7562); // 75.6202…
    expect(() => parseDatevRate('0,3321', 'KWD')).toThrow(expect.objectContaining({ field: 'Kurs' }));
  });
});

describe('DATEV field rules on bookings', () => {
  const entry = canonicalEntries().find((e) => e.currency === 'EUR' && e.kind === 'journal')!;

  it('quotes text with doubled quotes, strips control characters and cuts Buchungstext at 60', () => {
    const bookings = entryToBookings(
      {
        ...entry,
        description: 'Kaffee "Bohne"\r\nfür das Büro – €12 Ärger mit ß und noch viel mehr Text dahinter',
        lines: entry.lines.map((line) => ({ ...line, description: undefined })),
      },
      config,
    );
    const { text, bytes } = writeBuchungsstapel(config, '202610', bookings, new Date(0));
    const line = text.split('\r\n')[2]!;
    expect(line).toContain('"Kaffee ""Bohne"" für das Büro – €12 Ärger mit ß und noch viel"');
    expect(bytes.includes(0x80)).toBe(true); // € in Windows-1252
    expect(bytes.includes(0xdf)).toBe(true); // ß
    expect(Buffer.from(bytes).equals(iconv.encode(text, 'windows-1252'))).toBe(true);
  });

  it('fails the item naming the field when a value cannot be represented', () => {
    const cases: [Partial<typeof entry>, string][] = [
      [{ reference: 'BOOK 0001' }, 'Belegfeld 1'],
      [{ reference: 'x'.repeat(37) }, 'Belegfeld 1'],
      [{ description: '会议 Kaffee' }, 'Buchungstext'],
      [{ lines: entry.lines.map((l) => ({ ...l, account: '1234567' })) }, 'Gegenkonto'],
    ];
    for (const [patch, field] of cases) {
      expect(() => entryToBookings({ ...entry, ...patch } as typeof entry, config), field).toThrow(
        expect.objectContaining({ reason: 'validation_failure', field }),
      );
    }
  });

  it('round-trips a file through the reader, which checks headings and field rules', () => {
    const bookings: DatevBooking[] = canonicalEntries()
      .filter((e) => e.currency === 'EUR')
      .flatMap((e) => entryToBookings(e, config));
    const { bytes } = writeBuchungsstapel(config, '202610', bookings, new Date(0));
    const read = readBuchungsstapel(bytes);
    expect(read.rows).toEqual(bookings.map((b) => b.fields));
    const broken = iconv.encode(
      iconv.decode(Buffer.from(bytes), 'windows-1252').replace('"S";"EUR"', '"X";"EUR"'),
      'windows-1252',
    );
    expect(() => readBuchungsstapel(new Uint8Array(broken))).toThrow(/Soll\/Haben-Kennzeichen "X"/);
  });
});
