import { z } from 'zod';
import { isCp1252Representable } from '../format/cp1252';

const account = z.string().regex(/^\d{1,9}$/, 'must be a DATEV account number of 1–9 digits, e.g. "1576"');

/**
 * Standard VAT accounts per chart of accounts (DATEV SKR 03 / SKR 04), used as mapping defaults:
 * input VAT 19 % (Vorsteuer 19 %) and the output VAT of reverse-charge purchases (Umsatzsteuer nach
 * § 13b UStG 19 %).
 */
export const SKR_VAT_ACCOUNTS = {
  '03': { input: '1576', reverseChargeOutput: '1787' },
  '04': { input: '1406', reverseChargeOutput: '3837' },
} as const;

/**
 * Configuration of the DATEV EXTF Buchungsstapel connector, per company (DATEV header fields named in
 * brackets). Every field error names its path.
 *
 * - `outputDirectory`: where `EXTF_Buchungsstapel_<YYYYMM>_<job>.csv` and the receipts are written.
 * - `beraternummer` [11] 1001–9999999, `mandantennummer` [12] 1–99999.
 * - `fiscalYearStartMonth` [13 WJ-Beginn] 1–12 (default 1: the fiscal year is the calendar year).
 * - `accountLength` [14 Sachkontenlänge] 4–9 (default 4); GL accounts have at most this many digits,
 *   personal (creditor/debtor) accounts one more.
 * - `chartOfAccounts` [27 SKR] `"03"` or `"04"`.
 * - `vat.mode`: `bu_schluessel` (default) books the gross amount with the BU-Schlüssel mapped from the
 *   Pleo tax code in `vat.buSchluessel` (or none on `vat.automaticAccounts`, DATEV's Automatikkonten) and
 *   lets DATEV split the VAT; `explicit_lines` books each VAT line as its own booking on the VAT account.
 * - `vat.accounts`: input / reverse-charge output VAT accounts (defaults per SKR, {@link SKR_VAT_ACCOUNTS}).
 * - `exchangeRates`: Kurs [field 4] per ISO 4217 currency, units per 1 EUR (`{ "SEK": "11,2345" }`), for
 *   entries whose wallet currency is not EUR.
 * - `costCenters`: the Pleo dimension written to `KOST1 - Kostenstelle` / `KOST2 - Kostenstelle`.
 * - `beleglink`: write the entry's Pleo link into `Beleglink` [field 20] (default false: empty).
 * - `contraAccounts`: fallback contra (wallet) account per wallet currency.
 * - `batchName` [17 Bezeichnung] ≤ 30, `dictationCode` [18 Diktatkürzel] 2 letters, `origin` [8 Herkunft]
 *   2 letters, `lockBookings` [21 Festschreibung].
 */
export const datevConfigSchema = z.object({
  outputDirectory: z.string().min(1, 'must be the directory the EXTF files are written to'),
  beraternummer: z.number().int().min(1001).max(9999999),
  mandantennummer: z.number().int().min(1).max(99999),
  fiscalYearStartMonth: z.number().int().min(1).max(12).default(1),
  accountLength: z.number().int().min(4).max(9).default(4),
  chartOfAccounts: z.enum(['03', '04']),
  vat: z
    .object({
      mode: z.enum(['bu_schluessel', 'explicit_lines']).default('bu_schluessel'),
      buSchluessel: z
        .record(z.string().min(1), z.string().regex(/^\d{1,4}$/, 'must be a BU-Schlüssel of 1–4 digits'))
        .default({}),
      automaticAccounts: z.array(account).default([]),
      accounts: z.object({ input: account, reverseChargeOutput: account }).partial().default({}),
    })
    .prefault({}),
  exchangeRates: z
    .record(
      z.string().regex(/^[A-Z]{3}$/),
      z
        .string()
        .regex(
          /^[1-9]\d{0,3}[.,]\d{1,6}$/,
          'must be a Kurs of 1–9999 units per EUR with up to 6 decimals, e.g. "11,2345" (DATEV field 4 rule ^[1-9]\\d{0,3},\\d{2,6}$)',
        ),
    )
    .default({}),
  costCenters: z
    .object({ kost1: z.string().min(1).optional(), kost2: z.string().min(1).optional() })
    .prefault({}),
  beleglink: z.boolean().default(false),
  contraAccounts: z.record(z.string().regex(/^[A-Z]{3}$/), account).default({}),
  batchName: z
    .string()
    .max(30)
    .refine(isCp1252Representable, 'must only use Windows-1252 characters')
    .default('Pleo Export'),
  dictationCode: z
    .string()
    .regex(/^[A-Za-z]{2}$/, 'must be 2 letters')
    .optional(),
  origin: z
    .string()
    .regex(/^[A-Za-z]{2}$/, 'must be 2 letters')
    .default('LP'),
  lockBookings: z.boolean().default(false),
});

/** Parsed DATEV connector configuration. */
export type DatevConfig = z.output<typeof datevConfigSchema>;
/** What a company writes in its configuration. */
export type DatevConfigInput = z.input<typeof datevConfigSchema>;
