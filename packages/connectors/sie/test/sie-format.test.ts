import { crc32 } from 'node:zlib';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { readSieDocument, type SieDocument, SieReadError, writeSieDocument } from '../src/index';

const document: SieDocument = {
  program: { name: 'Ledgerport', version: '1.0' },
  generatedOn: '2026-11-02',
  companyName: 'Övningsbolaget AB',
  organizationNumber: '556677-8899',
  currency: 'SEK',
  dimensions: [{ number: 6, name: 'Projekt' }],
  objects: [{ dimension: 6, object: 'P-1', name: 'Ålands väg' }],
  vouchers: [
    {
      series: 'A',
      number: '',
      date: '2024-10-01',
      text: 'key-1 Taxi "City" å ä ö ü é Å Ä Ö',
      registrationDate: '2026-11-02',
      transactions: [
        { account: '5800', objects: [{ dimension: 6, object: 'P-1' }], amount: 10000 },
        { account: '2641', objects: [], amount: 2500 },
        { account: '1930', objects: [], amount: -12500, date: '2024-10-01', text: 'Pleo-kort' },
      ],
    },
  ],
};

describe('SIE writer and reader', () => {
  const { text, bytes, ksumma } = writeSieDocument(document);

  it('writes CRLF lines, CP437 bytes for å ä ö, and escapes quotes as \\"', () => {
    expect(text.split('\r\n').slice(0, 3)).toEqual(['#FLAGGA 0', '#KSUMMA', '#FORMAT PC8']);
    expect(text).not.toMatch(/[^\r]\n/);
    expect(text).toContain('#VER "A" "" 20241001 "key-1 Taxi \\"City\\" å ä ö ü é Å Ä Ö" 20261102');
    expect(text).toContain('   #TRANS 5800 {6 "P-1"} 100.00');
    expect(text).toContain('   #TRANS 1930 {} -125.00 20241001 "Pleo-kort"');
    const at = (char: string) =>
      bytes[iconv.encode(text, 'cp437').indexOf(iconv.encode(char, 'cp437')[0] ?? 0)];
    expect([at('å'), at('ä'), at('ö'), at('Å'), at('Ä'), at('Ö')]).toEqual([
      0x86, 0x84, 0x94, 0x8f, 0x8e, 0x99,
    ]);
    expect(Buffer.from(bytes).equals(iconv.encode(text, 'cp437'))).toBe(true);
  });

  it('computes #KSUMMA as zlib CRC-32 over label + field contents of the records between the #KSUMMA records', () => {
    const contents = [
      '#FORMATPC8',
      '#SIETYP4',
      '#PROGRAMLedgerport1.0',
      '#GEN20261102',
      '#FNAMNÖvningsbolaget AB',
      '#ORGNR556677-8899',
      '#DIM6Projekt',
      '#OBJEKT6P-1Ålands väg',
      '#VERA20241001key-1 Taxi "City" å ä ö ü é Å Ä Ö20261102',
      '#TRANS58006P-1100.00',
      '#TRANS264125.00',
      '#TRANS1930-125.0020241001Pleo-kort',
    ].join('');
    expect(ksumma).toBe(crc32(iconv.encode(contents, 'cp437')));
    expect(text.trimEnd().endsWith(`#KSUMMA ${ksumma}`)).toBe(true);
  });

  it('round-trips the document, non-ASCII text included', () => {
    const read = readSieDocument(bytes);
    expect(read.ksumma).toBe(ksumma);
    expect(read.document).toEqual(document);
  });

  it('rejects a file whose #KSUMMA does not match (one changed amount, still balanced)', () => {
    const tampered = iconv.encode(text.replace('100.00', '100.01').replace('25.00', '24.99'), 'cp437');
    expect(() => readSieDocument(new Uint8Array(tampered))).toThrow(
      /#KSUMMA is \d+ but the records give \d+/,
    );
  });

  it('rejects an unbalanced voucher, naming its line', () => {
    const unbalanced = writeSieDocument({
      ...document,
      vouchers: [{ ...document.vouchers[0]!, transactions: document.vouchers[0]!.transactions.slice(1) }],
    });
    expect(() => readSieDocument(unbalanced.bytes)).toThrow(SieReadError);
    expect(() => readSieDocument(unbalanced.bytes)).toThrow(
      /line 11: voucher A {2}"key-1.*does not balance: #TRANS rows sum to -10000 minor units/,
    );
  });

  it('rejects LF line breaks', () => {
    expect(() =>
      readSieDocument(new Uint8Array(iconv.encode(text.replaceAll('\r\n', '\n'), 'cp437'))),
    ).toThrow(/CRLF/);
  });

  it('writes and reads 0- and 3-decimal currencies with #VALUTA', () => {
    for (const [currency, minor, written] of [
      ['JPY', 12345, '12345'],
      ['KWD', 12345, '12.345'],
    ] as const) {
      const doc: SieDocument = {
        ...document,
        currency,
        vouchers: [
          {
            ...document.vouchers[0]!,
            transactions: [
              { account: '5800', objects: [], amount: minor },
              { account: '1930', objects: [], amount: -minor },
            ],
          },
        ],
      };
      const out = writeSieDocument(doc);
      expect(out.text).toContain(`#VALUTA ${currency}`);
      expect(out.text).toContain(`#TRANS 5800 {} ${written}`);
      expect(readSieDocument(out.bytes).document).toEqual(doc);
    }
  });
});
