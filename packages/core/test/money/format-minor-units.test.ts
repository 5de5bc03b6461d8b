import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { formatMinorUnits } from '../../src/money/format-minor-units';
import { parseDecimalToMinorUnits } from '../../src/money/parse-decimal-to-minor-units';

describe('formatMinorUnits', () => {
  test.each([
    [12345, 'SEK', '123.45'],
    [5, 'JPY', '5'],
    [1234, 'KWD', '1.234'],
    [1, 'KWD', '0.001'],
    [5, 'EUR', '0.05'],
    [0, 'EUR', '0.00'],
    [-12345, 'SEK', '-123.45'],
    [-5, 'EUR', '-0.05'],
    [-7, 'JPY', '-7'],
    [12345, 'CLF', '1.2345'],
  ])('%i %s → %s', (amount, currency, text) => {
    expect(formatMinorUnits(amount, currency)).toBe(text);
  });

  test('separators', () => {
    expect(formatMinorUnits(123456789, 'SEK', { decimalSeparator: ',', thousandsSeparator: ' ' })).toBe(
      '1 234 567,89',
    );
    expect(formatMinorUnits(-100000000, 'JPY', { thousandsSeparator: ',' })).toBe('-100,000,000');
    expect(formatMinorUnits(99999, 'EUR', { decimalSeparator: ',', thousandsSeparator: '.' })).toBe('999,99');
    expect(formatMinorUnits(100000, 'EUR', { decimalSeparator: ',', thousandsSeparator: '.' })).toBe(
      '1.000,00',
    );
  });

  test('exact beyond float precision (bigint and MAX_SAFE_INTEGER)', () => {
    expect(formatMinorUnits(Number.MAX_SAFE_INTEGER, 'SEK')).toBe('90071992547409.91');
    expect(formatMinorUnits(123456789012345678901234567890n, 'KWD')).toBe('123456789012345678901234567.890');
  });

  test('rejects non-integers, unknown currencies and clashing separators', () => {
    expect(() => formatMinorUnits(1.5, 'SEK')).toThrow(/not an integer number of minor units/);
    expect(() => formatMinorUnits(Number.NaN, 'SEK')).toThrow(/not an integer/);
    expect(() => formatMinorUnits(1, 'UNDEFINED')).toThrow(/not an ISO 4217 currency/);
    expect(() => formatMinorUnits(1, 'SEK', { decimalSeparator: ',', thousandsSeparator: ',' })).toThrow(
      /must differ/,
    );
  });
});

describe('parseDecimalToMinorUnits', () => {
  test.each([
    ['123.45', 'SEK', 12345],
    ['5', 'JPY', 5],
    ['1.234', 'KWD', 1234],
    ['0.001', 'KWD', 1],
    ['-0.5', 'EUR', -50],
    ['+7', 'EUR', 700],
    ['12.300', 'SEK', 1230],
    ['  42.10 ', 'SEK', 4210],
    ['5.00', 'JPY', 5],
    ['-0', 'SEK', 0],
  ])('%j %s → %i', (text, currency, minor) => {
    expect(parseDecimalToMinorUnits(text, currency)).toBe(minor);
  });

  test('separators', () => {
    expect(
      parseDecimalToMinorUnits('1 234 567,89', 'SEK', { decimalSeparator: ',', thousandsSeparator: ' ' }),
    ).toBe(123456789);
    expect(
      parseDecimalToMinorUnits('1.000,5', 'EUR', { decimalSeparator: ',', thousandsSeparator: '.' }),
    ).toBe(100050);
  });

  test.each([
    ['12.345', 'SEK', /has 3 decimals but SEK has 2/],
    ['1.5', 'JPY', /has 1 decimals but JPY has 0/],
    ['1,5', 'SEK', /not a decimal number/],
    ['abc', 'SEK', /not a decimal number/],
    ['', 'SEK', /not a decimal number/],
    ['1e3', 'SEK', /not a decimal number/],
    ['99999999999999999', 'SEK', /too large/],
    ['1', 'UNDEFINED', /not an ISO 4217 currency/],
  ])('%j %s is rejected', (text, currency, message) => {
    expect(() => parseDecimalToMinorUnits(text, currency, {}, 'Amount')).toThrow(message);
  });

  test('names the given field', () => {
    try {
      parseDecimalToMinorUnits('x', 'SEK', {}, 'Invoice.Total');
      expect.unreachable();
    } catch (error) {
      expect((error as { field?: string }).field).toBe('Invoice.Total');
    }
  });

  test('round-trips with formatMinorUnits for every currency exponent and separator style', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: Number.MIN_SAFE_INTEGER, max: Number.MAX_SAFE_INTEGER }),
        fc.constantFrom('SEK', 'JPY', 'KWD', 'CLF', 'EUR'),
        fc.constantFrom(
          {},
          { decimalSeparator: ',' as const, thousandsSeparator: ' ' },
          { decimalSeparator: '.' as const, thousandsSeparator: ',' },
        ),
        (amount, currency, format) => {
          expect(parseDecimalToMinorUnits(formatMinorUnits(amount, currency, format), currency, format)).toBe(
            amount,
          );
        },
      ),
    );
  });
});
