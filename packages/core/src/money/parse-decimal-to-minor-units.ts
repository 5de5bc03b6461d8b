import { ItemError } from '../errors/ledgerport-error';
import { currencyExponent } from './currency-exponent';
import { assertDistinctSeparators, type DecimalFormat } from './format-minor-units';

/**
 * Parses an ERP's decimal amount into integer minor units, exactly (no floating point): `"123.45"` SEK →
 * `12345`, `"5"` JPY → `5`, `"1.234"` KWD → `1234`, `"-0.5"` EUR → `-50`, `"1 234,50"` with
 * `{ decimalSeparator: ',', thousandsSeparator: ' ' }` → `123450`. Trailing zeros beyond the currency's
 * exponent are accepted (`"12.300"` SEK → `1230`); significant extra digits are not rounded away.
 *
 * @param text - optional sign, digits, optional separator and fraction; surrounding whitespace is ignored.
 * @param currency - ISO 4217 code; its exponent comes from {@link currencyExponent}.
 * @param field - field path named in errors (default `amount`).
 * @throws ItemError `validation_failure` naming `field` when the text is not a decimal number, has more
 *   significant decimals than the currency allows, or exceeds `Number.MAX_SAFE_INTEGER` minor units;
 *   or when the currency is unknown; ItemError `invalid_configuration` (field `thousandsSeparator`)
 *   when the separators in `format` are equal or the thousands separator contains a digit.
 */
export function parseDecimalToMinorUnits(
  text: string,
  currency: string,
  format: DecimalFormat = {},
  field = 'amount',
): number {
  const exponent = currencyExponent(currency);
  const decimalSeparator = format.decimalSeparator ?? '.';
  const thousandsSeparator = format.thousandsSeparator ?? '';
  assertDistinctSeparators(decimalSeparator, thousandsSeparator);
  const shown = text.length > 40 ? `${text.slice(0, 40)}…` : text;
  let body = text.trim();
  if (thousandsSeparator !== '') body = body.split(thousandsSeparator).join('');
  const sep = decimalSeparator === '.' ? '\\.' : ',';
  const match = new RegExp(`^([+-])?(\\d+)(?:${sep}(\\d+))?$`).exec(body);
  if (match === null) {
    throw new ItemError(
      'validation_failure',
      `${field} "${shown}" is not a decimal number: expected digits with "${decimalSeparator}" as the decimal separator, e.g. "123${decimalSeparator}45".`,
      { field },
    );
  }
  const [, sign, whole = '0', fraction = ''] = match;
  const significant = fraction.replace(/0+$/, '');
  if (significant.length > exponent) {
    throw new ItemError(
      'validation_failure',
      `${field} "${shown}" has ${significant.length} decimals but ${currency} has ${exponent}: round it to ${exponent} decimals.`,
      { field },
    );
  }
  const minor = BigInt(whole + significant.padEnd(exponent, '0')) * (sign === '-' ? -1n : 1n);
  if (minor > BigInt(Number.MAX_SAFE_INTEGER) || minor < BigInt(Number.MIN_SAFE_INTEGER)) {
    throw new ItemError('validation_failure', `${field} "${shown}" is too large to represent exactly.`, {
      field,
    });
  }
  return Number(minor);
}
