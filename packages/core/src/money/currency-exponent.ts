import currencyCodes from 'currency-codes';
import { ItemError } from '../errors/ledgerport-error';

/**
 * ISO 4217 entries that are not transaction currencies (gold, SDR, test code `XTS`, "no currency" `XXX`…):
 * `currency-codes` files them under pseudo-countries starting with `Zz`.
 */
function isTransactionCurrency(countries: readonly string[]): boolean {
  return !countries.some((country) => country.startsWith('Zz'));
}

/**
 * True when `code` is an upper-case ISO 4217 code of a transaction currency in the ISO 4217 list shipped
 * by the `currency-codes` library. Pleo's `UNDEFINED` (spec `MoneyModel.currency`) and metals/test codes
 * (`XAU`, `XXX`, `XTS`) are not.
 */
export function isKnownCurrency(code: string): boolean {
  if (!/^[A-Z]{3}$/.test(code)) return false;
  const record = currencyCodes.code(code);
  return record !== undefined && isTransactionCurrency(record.countries);
}

/**
 * The number of minor-unit digits of an ISO 4217 currency, from the ISO 4217 list in the `currency-codes`
 * library (not a hand-made table): `SEK` → 2, `JPY` → 0, `KWD` → 3, `CLF` → 4.
 *
 * Pleo's `MoneyModel.value` is "in cents" (export-openapi.yml `MoneyModel`); Ledgerport reads it as minor
 * units of the currency's ISO exponent (pleo-export-api.md §4 marks 0/3-decimal behaviour as unverified).
 *
 * @param code - upper-case ISO 4217 alphabetic code.
 * @param field - field path named in the error (default `currency`).
 * @throws ItemError `validation_failure` (with `field`) when the code is unknown, lower-case, `UNDEFINED`
 *   or not a transaction currency.
 */
export function currencyExponent(code: string, field = 'currency'): number {
  const record = /^[A-Z]{3}$/.test(code) ? currencyCodes.code(code) : undefined;
  if (record === undefined || !isTransactionCurrency(record.countries)) {
    throw new ItemError(
      'validation_failure',
      `${field} is "${code.slice(0, 20)}", which is not an ISO 4217 currency code: set a real currency (e.g. SEK, EUR, JPY) in Pleo.`,
      { field },
    );
  }
  return record.digits;
}
