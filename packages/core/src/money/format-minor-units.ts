import { ItemError } from '../errors/ledgerport-error';
import { currencyExponent } from './currency-exponent';

/** Separators for {@link formatMinorUnits} and {@link parseDecimalToMinorUnits}. */
export interface DecimalFormat {
  /** Between whole and fractional digits; default `.`. */
  readonly decimalSeparator?: '.' | ',';
  /** Between groups of three whole digits; default none (`''`). Must differ from the decimal separator. */
  readonly thousandsSeparator?: string;
}

/**
 * Turns integer minor units into the exact decimal string an ERP expects, without floating point:
 * `12345` SEK → `"123.45"`, `5` JPY → `"5"`, `1234` KWD → `"1.234"`, `-5` EUR → `"-0.05"`,
 * `123456789` SEK with `{ decimalSeparator: ',', thousandsSeparator: ' ' }` → `"1 234 567,89"`.
 * Conversion to decimals happens only at the ERP edge (architecture.md, "The normalized entry").
 *
 * @param amount - integer minor units (a safe-integer `number` or a `bigint`); negative keeps the `-`.
 * @param currency - ISO 4217 code; its exponent comes from {@link currencyExponent}.
 * @throws ItemError `validation_failure` when `amount` is not an integer or the currency is unknown;
 *   `invalid_configuration` (field `thousandsSeparator`) when the separators are equal or the
 *   thousands separator contains a digit.
 */
export function formatMinorUnits(
  amount: number | bigint,
  currency: string,
  format: DecimalFormat = {},
): string {
  if (typeof amount === 'number' && !Number.isSafeInteger(amount)) {
    throw new ItemError(
      'validation_failure',
      `amount ${String(amount)} is not an integer number of minor units: pass e.g. 12345 for 123.45 ${currency}.`,
      { field: 'amount' },
    );
  }
  const exponent = currencyExponent(currency);
  const decimalSeparator = format.decimalSeparator ?? '.';
  const thousandsSeparator = format.thousandsSeparator ?? '';
  assertDistinctSeparators(decimalSeparator, thousandsSeparator);
  const value = BigInt(amount);
  const negative = value < 0n;
  const digits = (negative ? -value : value).toString().padStart(exponent + 1, '0');
  const whole = digits.slice(0, digits.length - exponent);
  const fraction = digits.slice(digits.length - exponent);
  const groupedWhole = thousandsSeparator === '' ? whole : groupThousands(whole, thousandsSeparator);
  return `${negative ? '-' : ''}${groupedWhole}${exponent > 0 ? `${decimalSeparator}${fraction}` : ''}`;
}

function groupThousands(whole: string, separator: string): string {
  const groups: string[] = [];
  for (let end = whole.length; end > 0; end -= 3) groups.unshift(whole.slice(Math.max(0, end - 3), end));
  return groups.join(separator);
}

/** @internal Shared by the formatter and the parser. */
export function assertDistinctSeparators(decimalSeparator: string, thousandsSeparator: string): void {
  if (thousandsSeparator === decimalSeparator || /\d/.test(thousandsSeparator)) {
    throw new ItemError(
      'invalid_configuration',
      `thousandsSeparator "${thousandsSeparator}" must differ from the decimal separator "${decimalSeparator}" and contain no digits.`,
      { field: 'thousandsSeparator' },
    );
  }
}
