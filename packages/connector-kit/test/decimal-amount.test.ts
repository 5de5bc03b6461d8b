import { describe, expect, it } from 'vitest';
import { currencyExponent, decimalToMinorUnits, formatMinorUnits, minorUnitsToDecimal } from '../src/index';

describe('money at the ERP edge', () => {
  it.each([
    [12345, 'EUR', '123.45'],
    [-5, 'EUR', '-0.05'],
    [0, 'SEK', '0.00'],
    [500, 'JPY', '500'],
    [1234, 'KWD', '1.234'],
    [-1, 'KWD', '-0.001'],
    [9007199254740991, 'USD', '90071992547409.91'],
  ])('formats %i %s as %s', (amount, currency, text) => {
    expect(formatMinorUnits(amount, currency)).toBe(text);
    expect(decimalToMinorUnits(text, currency)).toBe(amount);
  });

  it('uses ISO 4217 exponents from ICU data', () => {
    expect([currencyExponent('EUR'), currencyExponent('JPY'), currencyExponent('KWD')]).toEqual([2, 0, 3]);
  });

  it('round-trips through JSON numbers exactly', () => {
    for (let amount = -2000; amount <= 2000; amount += 7) {
      const asNumber = minorUnitsToDecimal(amount, 'GBP');
      expect(decimalToMinorUnits(JSON.parse(JSON.stringify(asNumber)) as number, 'GBP')).toBe(amount);
    }
  });

  it('rejects bad input naming the field', () => {
    expect(() => formatMinorUnits(1.5, 'EUR')).toThrow(expect.objectContaining({ field: 'amount' }));
    expect(() => formatMinorUnits(1, 'euro')).toThrow(expect.objectContaining({ field: 'currency' }));
    expect(() => decimalToMinorUnits('12,50', 'EUR')).toThrow(expect.objectContaining({ field: 'amount' }));
  });
});
