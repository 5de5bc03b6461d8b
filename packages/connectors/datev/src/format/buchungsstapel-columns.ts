/**
 * The 125 column headings of a DATEV-Format Buchungsstapel, format version 13 (header version 700,
 * category 21), in order, as line 2 of the file must carry them (DATEV developer portal, "DATEV-Format"
 * → "Buchungsstapel"; erp-apis.md §8).
 */
const beleginfo = Array.from({ length: 8 }, (_, i) => [
  `Beleginfo - Art ${i + 1}`,
  `Beleginfo - Inhalt ${i + 1}`,
]).flat();
const zusatz = Array.from({ length: 20 }, (_, i) => [
  `Zusatzinformation - Art ${i + 1}`,
  `Zusatzinformation- Inhalt ${i + 1}`,
]).flat();

/**
 * The 125 column headings of the Buchungsstapel (format version 13), in DATEV's field order: line 2
 * of every file written by {@link writeBuchungsstapel}, and what {@link readBuchungsstapel} expects.
 * Index `i` is DATEV field number `i + 1` (DATEV EXTF Buchungsstapel field list; erp-apis.md §8).
 */
export const BUCHUNGSSTAPEL_COLUMNS: readonly string[] = [
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
  'Belegfeld 2',
  'Skonto',
  'Buchungstext',
  'Postensperre',
  'Diverse Adressnummer',
  'Geschäftspartnerbank',
  'Sachverhalt',
  'Zinssperre',
  'Beleglink',
  ...beleginfo,
  'KOST1 - Kostenstelle',
  'KOST2 - Kostenstelle',
  'Kost-Menge',
  'EU-Land u. UStID (Bestimmung)',
  'EU-Steuersatz (Bestimmung)',
  'Abw. Versteuerungsart',
  'Sachverhalt L+L',
  'Funktionsergänzung L+L',
  'BU 49 Hauptfunktionstyp',
  'BU 49 Hauptfunktionsnummer',
  'BU 49 Funktionsergänzung',
  ...zusatz,
  'Stück',
  'Gewicht',
  'Zahlweise',
  'Forderungsart',
  'Veranlagungsjahr',
  'Zugeordnete Fälligkeit',
  'Skontotyp',
  'Auftragsnummer',
  'Buchungstyp',
  'USt-Schlüssel (Anzahlungen)',
  'EU-Mitgliedstaat (Anzahlungen)',
  'Sachverhalt L+L (Anzahlungen)',
  'EU-Steuersatz (Anzahlungen)',
  'Erlöskonto (Anzahlungen)',
  'Herkunft-Kz',
  'Buchungs GUID',
  'KOST-Datum',
  'SEPA-Mandatsreferenz',
  'Skontosperre',
  'Gesellschaftername',
  'Beteiligtennummer',
  'Identifikationsnummer',
  'Zeichnernummer',
  'Postensperre bis',
  'Bezeichnung SoBil-Sachverhalt',
  'Kennzeichen SoBil-Buchung',
  'Festschreibung',
  'Leistungsdatum',
  'Datum Zuord. Steuerperiode',
  'Fälligkeit',
  'Generalumkehr (GU)',
  'Steuersatz',
  'Land',
  'Abrechnungsreferenz',
  'BVV-Position',
  'EU-Mitgliedstaat u. UStID (Ursprung)',
  'EU-Steuersatz (Ursprung)',
  'Abw. Skontokonto',
];

/**
 * 0-based positions in {@link BUCHUNGSSTAPEL_COLUMNS} of the columns Ledgerport fills (DATEV field
 * number minus one: `umsatz` is field 1, `kost1` field 37; DATEV EXTF Buchungsstapel field list).
 */
export const COLUMN = {
  umsatz: 0,
  sollHaben: 1,
  wkzUmsatz: 2,
  kurs: 3,
  basisUmsatz: 4,
  wkzBasisUmsatz: 5,
  konto: 6,
  gegenkonto: 7,
  buSchluessel: 8,
  belegdatum: 9,
  belegfeld1: 10,
  buchungstext: 13,
  beleglink: 19,
  kost1: 36,
  kost2: 37,
} as const;

/** Columns written without quotes (amounts, rates, account numbers, dates); every other filled column is quoted text. */
export const NUMERIC_COLUMNS: ReadonlySet<number> = new Set([
  COLUMN.umsatz,
  COLUMN.kurs,
  COLUMN.basisUmsatz,
  COLUMN.konto,
  COLUMN.gegenkonto,
  COLUMN.belegdatum,
]);
