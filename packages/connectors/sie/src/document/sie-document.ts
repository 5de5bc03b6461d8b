/**
 * The content of a SIE 4I file (SIE filformat Utgåva 4B, type 4I "import av verifikationer"), as the
 * writer takes it and the reader returns it. Amounts are signed integer minor units of
 * {@link SieDocument.currency}: positive = debit, negative = credit. Dates are ISO `YYYY-MM-DD`.
 */

/** An object (dimension value) on a transaction row: `{dimension "object"}` (SIE filformat Utgåva 4B, `#TRANS` objektlista). */
export interface SieObjectRef {
  /** SIE dimension number (`#DIM`), e.g. 1 = Kostnadsställe, 6 = Projekt in the SIE standard dimensions. */
  readonly dimension: number;
  /** Object id within the dimension (`#OBJEKT`), e.g. `P-001`. */
  readonly object: string;
}

/** `#TRANS kontonr {objektlista} belopp [transdat transtext]` (SIE filformat Utgåva 4B record `#TRANS`). */
export interface SieTransaction {
  /** BAS account number (`kontonr`). */
  readonly account: string;
  readonly objects: readonly SieObjectRef[];
  /** Signed minor units: positive debit, negative credit. */
  readonly amount: number;
  /** Row date, ISO `YYYY-MM-DD` (written `YYYYMMDD`); omitted = the voucher date. */
  readonly date?: string | undefined;
  readonly text?: string | undefined;
}

/** `#VER serie vernr verdatum vertext regdatum` with its `#TRANS` rows; rows sum to exactly 0 (SIE filformat Utgåva 4B record `#VER`). */
export interface SieVoucher {
  /** Voucher series (`serie`), e.g. `A`. */
  readonly series: string;
  /** Voucher number (`vernr`); `''` lets the importing system number the voucher. */
  readonly number: string;
  /** Voucher date, ISO `YYYY-MM-DD`. */
  readonly date: string;
  /** Voucher text; Ledgerport starts it with the entry reference (see the README, "Idempotency"). */
  readonly text: string;
  /** Registration date, ISO `YYYY-MM-DD`. */
  readonly registrationDate?: string | undefined;
  readonly transactions: readonly SieTransaction[];
}

/** `#DIM dimensionsnr namn` (SIE filformat Utgåva 4B record `#DIM`). */
export interface SieDimension {
  readonly number: number;
  readonly name: string;
}

/** `#OBJEKT dimensionsnr objektkod objektnamn` (SIE filformat Utgåva 4B record `#OBJEKT`). */
export interface SieObject {
  readonly dimension: number;
  readonly object: string;
  readonly name: string;
}

/** A whole SIE 4I file. */
export interface SieDocument {
  /** `#PROGRAM programnamn version`. */
  readonly program: { readonly name: string; readonly version: string };
  /** `#GEN datum`: ISO date the file was generated. */
  readonly generatedOn: string;
  /** `#FNAMN`: company name. */
  readonly companyName: string;
  /** `#ORGNR`: Swedish organisation number, `NNNNNN-NNNN`. */
  readonly organizationNumber: string;
  /** ISO 4217 reporting currency (`#VALUTA`, written only when not `SEK`, the SIE default). */
  readonly currency: string;
  readonly dimensions: readonly SieDimension[];
  readonly objects: readonly SieObject[];
  readonly vouchers: readonly SieVoucher[];
}
