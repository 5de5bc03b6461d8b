import { ItemError } from '@ledgerport/core';

/**
 * Minor-unit exponent of an ISO 4217 currency (EUR 2, JPY 0, KWD 3), from the runtime's ICU currency
 * data (`Intl.NumberFormat`), not a hand-made table.
 * @throws ItemError(`validation_failure`, field `currency`) for a code that is not 3 letters or unknown to ICU.
 *
 * Interim home: switch to core's `formatMinorUnits` / exponent once `packages/core/src/money/` lands.
 */
export function currencyExponent(currency: string): number {
  if (!/^[A-Z]{3}$/.test(currency)) {
    throw new ItemError(
      'validation_failure',
      `Currency "${currency}" is not an ISO 4217 code (three capital letters).`,
      {
        field: 'currency',
      },
    );
  }
  const digits = new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions()
    .maximumFractionDigits;
  if (digits === undefined) {
    throw new ItemError('validation_failure', `Currency "${currency}" has no known minor unit.`, {
      field: 'currency',
    });
  }
  return digits;
}

/**
 * Formats integer minor units as the ERP's decimal string with exactly the currency's decimals, by
 * integer string arithmetic (no floating point): `(12345, 'EUR')` → `"123.45"`, `(-5, 'EUR')` →
 * `"-0.05"`, `(500, 'JPY')` → `"500"`, `(1234, 'KWD')` → `"1.234"`.
 * @param amount - a safe integer in minor units (negative allowed, for signed ERP amounts).
 * @throws ItemError(`validation_failure`, field `amount`) when `amount` is not a safe integer.
 */
export function formatMinorUnits(amount: number, currency: string): string {
  if (!Number.isSafeInteger(amount)) {
    throw new ItemError('validation_failure', `Amount ${amount} is not an integer number of minor units.`, {
      field: 'amount',
    });
  }
  const exponent = currencyExponent(currency);
  const sign = amount < 0 ? '-' : '';
  const digits = String(Math.abs(amount));
  if (exponent === 0) return `${sign}${digits}`;
  const padded = digits.padStart(exponent + 1, '0');
  return `${sign}${padded.slice(0, -exponent)}.${padded.slice(-exponent)}`;
}

/**
 * Like {@link formatMinorUnits} but as a JSON number for ERPs whose API takes numbers (Xero `LineAmount`).
 * Exact: the decimal string parses to the nearest double, which serialises back to the same digits.
 */
export function minorUnitsToDecimal(amount: number, currency: string): number {
  return Number(formatMinorUnits(amount, currency));
}

/**
 * Parses an ERP decimal (number or string, e.g. `120.5`, `"-0.05"`) back into integer minor units of
 * `currency`, rounding half away from zero at the currency's exponent.
 * @throws ItemError(`validation_failure`, field `amount`) when the value is not a finite decimal.
 */
export function decimalToMinorUnits(value: number | string, currency: string): number {
  const text = typeof value === 'number' ? value.toFixed(8) : value.trim();
  const match = /^(-?)(\d+)(?:\.(\d+))?$/.exec(text);
  if (match === null) {
    throw new ItemError('validation_failure', `Amount "${String(value)}" is not a decimal number.`, {
      field: 'amount',
    });
  }
  const [, sign = '', whole = '0', fraction = ''] = match;
  const exponent = currencyExponent(currency);
  const kept = fraction.padEnd(exponent, '0').slice(0, exponent);
  const rest = fraction.slice(exponent);
  let units = Number(`${whole}${kept}`);
  if (rest !== '' && Number(rest[0]) >= 5) units += 1;
  return sign === '-' && units !== 0 ? -units : units;
}
