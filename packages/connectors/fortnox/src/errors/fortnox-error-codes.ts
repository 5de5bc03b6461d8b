import type { ItemFailureReason } from '@ledgerport/core';

/** How a Fortnox error code is reported to Pleo. */
export interface FortnoxCodeRow {
  readonly reason: ItemFailureReason;
  /** User-safe, actionable message (Fortnox's own text is appended as "Fortnox said: …"). */
  readonly message: string;
}

/**
 * Known Fortnox `ErrorInformation.Code` values (Fortnox's "Errors" guide, as transcribed by client
 * libraries; a post into a locked period has no documented code, see {@link LOCKED_PERIOD_PATTERN})
 * mapped to Pleo item failure reasons. Codes not listed fall back to the HTTP status row.
 */
export const FORTNOX_ERROR_CODES: Readonly<Record<number, FortnoxCodeRow>> = Object.freeze({
  2001304: {
    reason: 'account_unknown',
    message:
      'Fortnox could not find an account of the voucher. Add the account in Fortnox or change it in Pleo.',
  },
  2000310: {
    reason: 'accounting_system_authentication_failure',
    message: 'Fortnox rejected the credentials. Reconnect the integration to Fortnox.',
  },
  2000311: {
    reason: 'accounting_system_authentication_failure',
    message: 'Fortnox rejected the credentials. Reconnect the integration to Fortnox.',
  },
  2003275: {
    reason: 'accounting_system_authentication_failure',
    message: 'Fortnox says the request is not authenticated. Reconnect the integration to Fortnox.',
  },
  2000663: {
    reason: 'authorization_failure',
    message:
      'The Fortnox connection lacks a scope (bookkeeping, archive or connectfile). Reconnect Fortnox granting these scopes.',
  },
  2001101: {
    reason: 'authorization_failure',
    message: 'The Fortnox company has no active licence for a scope the export needs (bookkeeping, archive).',
  },
  2001103: {
    reason: 'authorization_failure',
    message: 'The Fortnox company has no API licence. Activate the integration licence in Fortnox.',
  },
  2000588: {
    reason: 'accounting_system_validation_failure',
    message: 'Fortnox rejected a parameter of the request. Check the voucher series and financial year.',
  },
  2001392: {
    reason: 'accounting_system_validation_failure',
    message: 'Fortnox rejected the voucher data. Check the entry in Pleo.',
  },
  2000106: {
    reason: 'accounting_system_validation_failure',
    message: 'Fortnox requires an alphanumeric value in the voucher. Check the entry in Pleo.',
  },
  2000108: {
    reason: 'accounting_system_validation_failure',
    message: 'Fortnox requires a numeric value in the voucher. Check the account numbers in Pleo.',
  },
  2000359: {
    reason: 'accounting_system_validation_failure',
    message: 'The voucher contains characters Fortnox does not allow. Edit the description or note in Pleo.',
  },
});

/**
 * Fortnox's message for a voucher dated in a locked period (Swedish "låst", English "locked"); the code
 * is undocumented (erp-apis.md §3 "Locked period"), so the message decides.
 */
export const LOCKED_PERIOD_PATTERN =
  /l[åa]st\s+period|period(en)?\s+är\s+l[åa]st|locked\s+period|period\s+is\s+locked/i;
/** Fortnox's message for a date outside every financial year ("räkenskapsår"). */
export const NO_FINANCIAL_YEAR_PATTERN = /r[äa]kenskaps[åa]r|financial\s+year/i;
