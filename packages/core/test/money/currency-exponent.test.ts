import currencyCodes from 'currency-codes';
import { describe, expect, test } from 'vitest';
import { ItemError } from '../../src/errors/ledgerport-error';
import { currencyExponent, isKnownCurrency } from '../../src/money/currency-exponent';

describe('currencyExponent (ISO 4217 via currency-codes)', () => {
  test.each([
    ['SEK', 2],
    ['EUR', 2],
    ['JPY', 0],
    ['KRW', 0],
    ['KWD', 3],
    ['BHD', 3],
    ['CLF', 4],
  ])('%s has %i decimals', (code, digits) => {
    expect(currencyExponent(code)).toBe(digits);
  });

  test('agrees with the library for every transaction currency it lists', () => {
    const listed = currencyCodes.data.filter((c) => !c.countries.some((country) => country.startsWith('Zz')));
    expect(listed.length).toBeGreaterThan(150);
    for (const record of listed) expect(currencyExponent(record.code)).toBe(record.digits);
  });

  test.each(['UNDEFINED', 'sek', 'ABC', '', 'XXX', 'XAU', 'XTS'])(
    '%j is rejected naming the field',
    (code) => {
      expect(isKnownCurrency(code)).toBe(false);
      let caught: unknown;
      try {
        currencyExponent(code, 'amount.inWalletCurrency.currency');
      } catch (error) {
        caught = error;
      }
      expect(ItemError.isInstance(caught)).toBe(true);
      const error = caught as ItemError;
      expect([error.reason, error.field]).toEqual(['validation_failure', 'amount.inWalletCurrency.currency']);
      expect(error.message).toContain('amount.inWalletCurrency.currency');
    },
  );
});
