import { z } from 'zod';
import { isCp437Representable } from '../format/cp437';

const pc8Text = (max: number) =>
  z
    .string()
    .min(1)
    .max(max)
    .refine(isCp437Representable, 'must only use characters of code page 437 (#FORMAT PC8), e.g. å ä ö é ü');

const basAccount = z.string().regex(/^\d{4,6}$/, 'must be a BAS account number of 4–6 digits, e.g. "2641"');

/**
 * A Pleo dimension (tag group code or the team dimension, e.g. `PROJECT`, `TEAM`) mapped to a SIE
 * dimension (`#DIM`). SIE reserves 1 = Kostnadsställe and 6 = Projekt (SIE 4B, §7 "Dimensioner").
 */
export const sieDimensionMappingSchema = z.object({
  /** SIE dimension number, 1–999. */
  number: z.number().int().min(1).max(999),
  /** Name written in `#DIM`, e.g. `Projekt`. */
  name: pc8Text(100),
});

/**
 * Configuration of the SIE 4I connector, per company. Every field error names its path.
 *
 * - `outputDirectory`: where `<job id>.si` and the receipts are written (must exist and be writable).
 * - `companyName` (`#FNAMN`), `organizationNumber` (`#ORGNR`, `NNNNNN-NNNN`).
 * - `currency`: the ledger currency (default `SEK`): entries in it go to `<job>.si`. A SIE file has one
 *   currency, so entries in another wallet currency go to `<job>-<CUR>.si` with `#VALUTA <CUR>`
 *   (amounts are never converted).
 * - `voucherSeries` (`#VER serie`, default `A`); `voucherNumberStart`: first voucher number in each file,
 *   or omitted to leave `vernr` empty so the importing system numbers the vouchers.
 * - `vatAccounts`: BAS VAT accounts used as mapping defaults (`mapOptions`): `input` 2641 (ingående
 *   moms), `reverseChargeOutput` 2614 (utgående moms omvänd skattskyldighet), `reverseChargeInput` 2645
 *   (beräknad ingående moms på förvärv från utlandet).
 * - `contraAccounts`: fallback contra (wallet) account per wallet currency, e.g. `{ SEK: "1930" }`.
 * - `dimensions`: Pleo dimension → SIE dimension; rows get `{number "object"}` lists and the file gets
 *   `#DIM`/`#OBJEKT` declarations. Dimensions not listed are not written.
 * - `program`: `#PROGRAM` name and version.
 */
export const sieConfigSchema = z.object({
  outputDirectory: z.string().min(1, 'must be the directory the .si files are written to'),
  companyName: pc8Text(200),
  organizationNumber: z
    .string()
    .regex(/^\d{6}-\d{4}$/, 'must be a Swedish organisation number like "556677-8899"'),
  currency: z
    .string()
    .regex(/^[A-Z]{3}$/, 'must be an ISO 4217 code like "SEK"')
    .default('SEK'),
  voucherSeries: z
    .string()
    .regex(/^[A-Za-z0-9]{1,10}$/, 'must be 1–10 letters or digits, e.g. "A"')
    .default('A'),
  voucherNumberStart: z.number().int().min(1).optional(),
  vatAccounts: z
    .object({
      input: basAccount.default('2641'),
      reverseChargeOutput: basAccount.default('2614'),
      reverseChargeInput: basAccount.default('2645'),
    })
    .prefault({}),
  contraAccounts: z.record(z.string().regex(/^[A-Z]{3}$/), basAccount).default({}),
  dimensions: z.record(z.string().min(1), sieDimensionMappingSchema).default({}),
  program: z
    .object({ name: z.string().min(1).default('Ledgerport'), version: z.string().min(1).default('1.0') })
    .prefault({}),
});

/** Parsed SIE connector configuration (output of {@link sieConfigSchema}). */
export type SieConfig = z.output<typeof sieConfigSchema>;
/** What a company writes in its configuration (input of {@link sieConfigSchema}). */
export type SieConfigInput = z.input<typeof sieConfigSchema>;
