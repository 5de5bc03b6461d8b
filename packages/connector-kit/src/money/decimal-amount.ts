import { currencyExponent, formatMinorUnits, ItemError } from '@ledgerport/core';

/**
 * Money at the ERP edge. Core owns the ISO 4217 data and exact formatting (`@ledgerport/core`
 * `currencyExponent` from the `currency-codes` library, `formatMinorUnits`); connector-kit re-exports
 * them and adds the two conversions API connectors need for JSON-number ERPs (Xero `LineAmount`).
 */
export { currencyExponent, formatMinorUnits };

/**
 * Integer minor units as a JSON number in the currency's decimals, for ERPs whose API takes numbers
 * (Xero `LineAmount` `x-is-money`): `(12345, 'EUR')` → `123.45`, `(-5, 'JPY')` → `-5`. Exact: the decimal
 * string from `formatMinorUnits` parses to the nearest double, which serialises back to the same digits.
 * @throws ItemError(`validation_failure`) for a non-integer amount or an unknown currency.
 */
export function minorUnitsToDecimal(amount: number, currency: string): number {
  if (!Number.isSafeInteger(amount)) return Number(formatMinorUnits(amount, currency)); // throws the ItemError
  // IEEE division is correctly rounded and 10^e is exact, so this is the double nearest the exact decimal,
  // the same value as Number(formatMinorUnits(…)), without the BigInt and string round trip per line.
  return amount / 10 ** exponentOf(currency);
}

/** ISO 4217 exponents already looked up (core's `currencyExponent` searches the whole table per call). */
const exponents = new Map<string, number>();

/** `currencyExponent(currency)`, memoised per code (only valid codes are stored; others throw each time). */
function exponentOf(currency: string): number {
  let exponent = exponents.get(currency);
  if (exponent === undefined) {
    exponent = currencyExponent(currency);
    exponents.set(currency, exponent);
  }
  return exponent;
}

/**
 * Parses an ERP decimal (number or string, e.g. `120.5`, `"-0.05"`) back into integer minor units of
 * `currency`, rounding half away from zero at the currency's exponent (ERP answers may carry more digits,
 * e.g. computed tax). For strict parsing without rounding use core's `parseDecimalToMinorUnits`.
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
  const exponent = exponentOf(currency);
  const kept = fraction.padEnd(exponent, '0').slice(0, exponent);
  const rest = fraction.slice(exponent);
  let units = Number(`${whole}${kept}`);
  if (rest !== '' && Number(rest[0]) >= 5) units += 1;
  return sign === '-' && units !== 0 ? -units : units;
}
