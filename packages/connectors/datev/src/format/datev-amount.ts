import { currencyExponent, ItemError } from '@ledgerport/core';

/** Umsatz / Basis-Umsatz rule (DATEV Buchungsstapel fields 1 and 5): `^\d{1,10},\d{2}$`. */
const AMOUNT = /^\d{1,10},\d{2}$/;
/** Kurs rule (field 4): `^[1-9]\d{0,3},\d{2,6}$`. */
const RATE = /^[1-9]\d{0,3},\d{2,6}$/;

/**
 * Integer minor units of `currency` as a DATEV amount with exactly two decimals and a decimal comma
 * (`123456` EUR → `"1234,56"`, `12345` JPY → `"12345,00"`, `12340` KWD → `"12,34"`). Conversion to a
 * decimal happens only here, at the file edge.
 *
 * @param amount - positive integer minor units (DATEV amounts are unsigned; the side is field 2).
 * @param field - the DATEV field named in errors (`Umsatz`, `Basis-Umsatz`).
 * @throws ItemError `validation_failure` naming `field` when the amount is negative, needs more than two
 *   decimals (e.g. 12.345 KWD), or has more than 10 integer digits; `validation_failure` (field
 *   `currency`, from core's `currencyExponent`) when `currency` is not a known ISO 4217 code.
 */
export function formatDatevAmount(amount: number, currency: string, field: string): string {
  const exponent = currencyExponent(currency);
  let cents = BigInt(amount);
  if (exponent > 2) {
    const divisor = 10n ** BigInt(exponent - 2);
    if (cents % divisor !== 0n) {
      throw new ItemError(
        'validation_failure',
        `${field} ${amount} minor units of ${currency} (${exponent} decimals) cannot be written: DATEV amounts have exactly 2 decimals (^\\d{1,10},\\d{2}$).`,
        { field },
      );
    }
    cents /= divisor;
  } else {
    cents *= 10n ** BigInt(2 - exponent);
  }
  const digits = cents.toString().padStart(3, '0');
  const text = `${digits.slice(0, -2)},${digits.slice(-2)}`;
  if (amount < 0 || !AMOUNT.test(text)) {
    throw new ItemError(
      'validation_failure',
      `${field} "${text}" does not match DATEV's rule ^\\d{1,10},\\d{2}$.`,
      {
        field,
      },
    );
  }
  return text;
}

/** A parsed exchange rate: units of the foreign currency per 1 EUR, as an exact decimal. */
export interface DatevRate {
  /** The rate as written in field 4 `Kurs`, e.g. `"11,2345"`. */
  readonly text: string;
  /** Rate × 10^scale as an integer. */
  readonly scaled: bigint;
  readonly scale: number;
}

/**
 * Parses a configured rate (`"11.2345"` or `"11,2345"`: units of the currency per 1 EUR, the
 * Mengennotierung DATEV's Kurs uses) and checks it against the Kurs rule `^[1-9]\d{0,3},\d{2,6}$`.
 *
 * @throws ItemError `validation_failure` naming `Kurs` when the rate cannot be written (below 1, more
 *   than 4 integer or 6 decimal digits).
 */
export function parseDatevRate(rate: string, currency: string): DatevRate {
  const normalised = rate.trim().replace('.', ',');
  const [whole = '', fraction = ''] = normalised.split(',');
  const text = `${whole},${fraction.padEnd(2, '0')}`;
  if (!RATE.test(text)) {
    throw new ItemError(
      'validation_failure',
      `Kurs "${rate}" for ${currency} does not match DATEV's rule ^[1-9]\\d{0,3},\\d{2,6}$ (1–9999 ${currency} per EUR, up to 6 decimals): set exchangeRates.${currency} accordingly.`,
      { field: 'Kurs' },
    );
  }
  const [w = '0', f = ''] = text.split(',');
  return { text, scaled: BigInt(w + f), scale: f.length };
}

/**
 * Basis-Umsatz (field 5, DATEV EXTF Buchungsstapel field list): the EUR amount of `amount` minor units
 * of `currency` at `rate` (units per EUR), rounded half-up to the cent, as integer euro cents.
 * Exact (BigInt arithmetic).
 *
 * @throws ItemError `validation_failure` (from core's `currencyExponent`) when `currency` is not a known
 *   ISO 4217 code.
 */
export function toBaseCents(amount: number, currency: string, rate: DatevRate): number {
  const exponent = currencyExponent(currency);
  // cents = amount / 10^exponent / (scaled / 10^scale) * 100
  const numerator = BigInt(amount) * 100n * 10n ** BigInt(rate.scale);
  const denominator = rate.scaled * 10n ** BigInt(exponent);
  return Number((numerator * 2n + denominator) / (denominator * 2n));
}
