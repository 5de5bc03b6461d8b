/**
 * One line of a Buchungsstapel: a debit/credit pair (Konto against Gegenkonto), as the 125 field values
 * of format version 13 before quoting. `key` ties it to the entry (`idempotencyKey`), `period` to its file.
 */
export interface DatevBooking {
  /** `idempotencyKey` of the entry the booking came from. */
  readonly key: string;
  /** Booking period `YYYYMM` (the month of the Belegdatum): one file per period. */
  readonly period: string;
  /** The 125 field values, unquoted; `''` for empty fields. */
  readonly fields: readonly string[];
}
