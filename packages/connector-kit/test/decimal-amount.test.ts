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

  it('gives the same JSON number as parsing the exact decimal string (EUR, JPY, KWD, large amounts)', () => {
    const amounts = [0, 1, -1, 5, 10, 99, 101, 12345, -98765, 2 ** 40 + 3, -(2 ** 52) - 7, 9007199254740991];
    // A fixed pseudo-random spread over the safe-integer range (Park–Miller), so runs are reproducible.
    for (let i = 0, x = 1; i < 500; i++) {
      x = (x * 48271) % 2147483647;
      amounts.push(x * 4194301 * (i % 2 === 0 ? 1 : -1));
    }
    for (const currency of ['EUR', 'JPY', 'KWD']) {
      for (const amount of amounts) {
        expect(minorUnitsToDecimal(amount, currency)).toBe(Number(formatMinorUnits(amount, currency)));
      }
    }
    expect(() => minorUnitsToDecimal(1.5, 'EUR')).toThrow(expect.objectContaining({ field: 'amount' }));
    expect(() => minorUnitsToDecimal(1, 'EURO')).toThrow(expect.objectContaining({ field: 'currency' }));
  });

  it('rejects bad input naming the field', () => {
    expect(() => formatMinorUnits(1.5, 'EUR')).toThrow(expect.objectContaining({ field: 'amount' }));
    expect(() => formatMinorUnits(1, 'euro')).toThrow(expect.objectContaining({ field: 'currency' }));
    expect(() => decimalToMinorUnits('12,50', 'EUR')).toThrow(expect.objectContaining({ field: 'amount' }));
  });
});
