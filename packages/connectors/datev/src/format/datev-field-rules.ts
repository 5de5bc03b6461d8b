import { ItemError } from '@ledgerport/core';
import { isCp1252Representable } from './cp1252';

/**
 * DATEV's rule (regex) for each field Ledgerport fills, from the Buchungsstapel field list (format
 * version 13; erp-apis.md §8). Text rules apply to the value without its quotes.
 */
export const DATEV_FIELD_RULES: Readonly<Record<string, RegExp>> = {
  Umsatz: /^\d{1,10},\d{2}$/,
  'Soll/Haben-Kennzeichen': /^[SH]$/,
  'WKZ Umsatz': /^[A-Z]{3}$/,
  Kurs: /^[1-9]\d{0,3},\d{2,6}$/,
  'Basis-Umsatz': /^\d{1,10},\d{2}$/,
  'WKZ Basis-Umsatz': /^[A-Z]{3}$/,
  Konto: /^\d{1,9}$/,
  Gegenkonto: /^\d{1,9}$/,
  'BU-Schlüssel': /^\d{4}$/,
  Belegdatum: /^(0[1-9]|[12]\d|3[01])(0[1-9]|1[0-2])$/,
  'Belegfeld 1': /^[A-Za-z0-9$&%*+\-/]{1,36}$/,
  Buchungstext: /^[^\p{Cc}]{0,60}$/u,
  Beleglink: /^[^\p{Cc}]{0,210}$/u,
  'KOST1 - Kostenstelle': /^[A-Za-z0-9 $%&*+\-./]{1,36}$/,
  'KOST2 - Kostenstelle': /^[A-Za-z0-9 $%&*+\-./]{1,36}$/,
};

/**
 * Checks `value` against DATEV's rule for `field` and Windows-1252, before anything is written.
 *
 * @param field - a key of {@link DATEV_FIELD_RULES} (the DATEV field name, e.g. `Belegfeld 1`).
 * @param value - the text to write, without quotes.
 * @param fix - optional advice appended to the error message (e.g. which config key to change).
 * @returns the value, unchanged.
 * @throws ItemError `validation_failure` naming the DATEV field, the value (cut to 40 characters) and the rule.
 * @throws Error when `field` has no rule in {@link DATEV_FIELD_RULES} (a programming error).
 */
export function checkDatevField(
  field: keyof typeof DATEV_FIELD_RULES & string,
  value: string,
  fix?: string,
): string {
  const rule = DATEV_FIELD_RULES[field];
  if (rule === undefined) throw new Error(`no DATEV rule for ${field}`);
  if (!rule.test(value) || !isCp1252Representable(value)) {
    const shown = value.length > 40 ? `${value.slice(0, 40)}…` : value;
    throw new ItemError(
      'validation_failure',
      `DATEV field "${field}" cannot hold "${shown}": it must match ${rule.source} in Windows-1252${fix === undefined ? '' : `; ${fix}`}.`,
      { field },
    );
  }
  return value;
}
