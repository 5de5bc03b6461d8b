import { describe, expect, it } from 'vitest';
import { foldVatLines, signedSum, toManualJournal } from '../src/index';
import { inclusiveVat, journal, refund, reverseCharge, splitNoTax } from './fixtures';

describe('VAT translation into Xero TaxType lines', () => {
  it('folds inclusive VAT into a gross line with TaxType and TaxAmount (amounts conserved)', () => {
    const entry = inclusiveVat();
    const mj = toManualJournal(entry, { noTaxType: 'NONE' });
    expect(mj.LineAmountTypes).toBe('Inclusive');
    expect(mj.JournalLines).toEqual([
      {
        LineAmount: 120,
        AccountCode: '493',
        Description: 'Taxi, Jane Doe',
        TaxType: 'INPUT2',
        TaxAmount: 20,
        Tracking: [{ Name: 'Region', Option: 'North' }],
      },
      { LineAmount: -120, AccountCode: '090', Description: 'Taxi, Jane Doe', TaxType: 'NONE' },
    ]);
    expect(mj.Status).toBe('POSTED');
    expect(mj.Url).toBe(entry.pleoUrl);
  });

  it('drops cancelling reverse-charge VAT lines and keeps the reverse-charge TaxType', () => {
    const mj = toManualJournal(reverseCharge(), { noTaxType: 'NONE' });
    expect(mj.JournalLines.map((l) => [l.AccountCode, l.LineAmount, l.TaxType, l.TaxAmount])).toEqual([
      ['463', 50, 'REVERSECHARGES', 10],
      ['090', -50, 'NONE', undefined],
    ]);
  });

  it('keeps refunds signed (credit negative) and drafts as DRAFT', () => {
    const mj = toManualJournal({ ...refund(), postingMode: 'draft' }, { noTaxType: 'NONE' });
    expect(mj.Status).toBe('DRAFT');
    expect(mj.JournalLines.map((l) => [l.LineAmount, l.TaxAmount])).toEqual([
      [-24, -1.14],
      [24, undefined],
    ]);
  });

  it('uses NoTax without TaxType when no line has VAT', () => {
    const mj = toManualJournal(splitNoTax(), { noTaxType: 'NONE' });
    expect(mj.LineAmountTypes).toBe('NoTax');
    expect(mj.JournalLines.every((l) => l.TaxType === undefined)).toBe(true);
    expect(mj.JournalLines.map((l) => l.LineAmount)).toEqual([10.01, 20.02, 30.03, -60.06]);
  });

  it('conserves the signed sum for every fixture (Σ LineAmount = 0)', () => {
    for (const entry of [inclusiveVat(), reverseCharge(), refund(), splitNoTax()]) {
      const folded = foldVatLines(entry.lines);
      expect(signedSum(folded.map((f) => ({ side: f.line.side, amount: f.grossAmount })))).toBe(
        signedSum(entry.lines),
      );
      const cents = toManualJournal(entry, { noTaxType: 'NONE' }).JournalLines.reduce(
        (s, l) => s + Math.round(l.LineAmount * 100),
        0,
      );
      expect(cents).toBe(0);
    }
  });

  it('refuses more than two dimensions on a line, naming the field', () => {
    const entry = inclusiveVat();
    const [first, ...rest] = entry.lines;
    const crowded = journal({
      lines: [
        {
          ...(first as (typeof entry.lines)[number]),
          dimensions: [
            { dimension: 'A', value: '1' },
            { dimension: 'B', value: '2' },
            { dimension: 'C', value: '3' },
          ],
        },
        ...rest,
      ],
    });
    expect(() => toManualJournal(crowded, { noTaxType: 'NONE' })).toThrow(
      expect.objectContaining({ field: 'lines[0].dimensions' }),
    );
  });
});
