import { minorUnitsToDecimal } from '@ledgerport/connector-kit';
import { type AccountingEntry, ItemError, type JournalLine } from '@ledgerport/core';
import type { FortnoxConfig } from '../config/fortnox-config';
import type { FortnoxVoucher, FortnoxVoucherRow } from './fortnox-voucher';

/** Longest `Description` Fortnox accepts (spec `fortnox_Voucher.Description.maxLength`). */
export const FORTNOX_DESCRIPTION_MAX = 200;
/** Longest row `TransactionInformation` (spec `fortnox_Voucher_VoucherRow.TransactionInformation.maxLength`). */
export const FORTNOX_ROW_TEXT_MAX = 100;
/** Longest `Comments` (spec `fortnox_Voucher.Comments.maxLength`). */
export const FORTNOX_COMMENTS_MAX = 1000;

/** What {@link toFortnoxVoucher} needs besides the entry. */
export interface VoucherTarget {
  readonly date: string;
  readonly financialYearId: number;
  readonly marker: string;
  readonly lines: readonly JournalLine[];
  /** Field path prefix of `lines` in the entry, for errors (`lines` or `payment.lines`). */
  readonly linesField: string;
  /** Appended to the description (e.g. ` (payment)`). */
  readonly suffix?: string;
}

/**
 * Translates an entry's balanced lines into a Fortnox voucher (issue #7 "Posting", erp-apis.md §3):
 * one `VoucherRow` per non-zero line, `Debit` or `Credit` as a decimal of the ledger currency (integer
 * minor units converted only here), VAT and reverse-charge lines as their own rows on the VAT accounts
 * core already chose (Fortnox rows carry no VAT code), `CostCenter` / `Project` from the dimensions named
 * in the config, `ReferenceType: MANUAL` and the reference marker. Description ≤ 200, row text ≤ 100.
 * @throws ItemError(`account_unknown`, field `lines[i].account`) for an account that is not a BAS number
 *   1000–9999; ItemError(`validation_failure`, field `currency`) when the entry is not in the ledger currency.
 */
export function toFortnoxVoucher(
  entry: AccountingEntry,
  config: Pick<FortnoxConfig, 'voucherSeries' | 'currency' | 'costCenterDimension' | 'projectDimension'>,
  target: VoucherTarget,
): FortnoxVoucher {
  assertLedgerCurrency(entry, config.currency);
  const rows: FortnoxVoucherRow[] = [];
  target.lines.forEach((line, index) => {
    const account = fortnoxAccountNumber(line.account, `${target.linesField}[${index}].account`);
    if (line.amount === 0) return;
    const amount = minorUnitsToDecimal(line.amount, entry.currency);
    const costCenter = dimensionValue(line, config.costCenterDimension);
    const project = dimensionValue(line, config.projectDimension);
    const text = line.description?.trim();
    rows.push({
      Account: account,
      ...(line.side === 'debit' ? { Debit: amount } : { Credit: amount }),
      ...(text === undefined || text === ''
        ? {}
        : { TransactionInformation: truncate(text, FORTNOX_ROW_TEXT_MAX) }),
      ...(costCenter === undefined ? {} : { CostCenter: costCenter }),
      ...(project === undefined ? {} : { Project: project }),
    });
  });
  if (rows.length < 2) {
    throw new ItemError(
      'validation_failure',
      'The entry has fewer than two non-zero lines, so it cannot be booked as a Fortnox voucher. Check the amounts in Pleo.',
      { field: target.linesField },
    );
  }
  const base =
    entry.description.trim() === ''
      ? `Pleo ${entry.type} ${entry.accountingEntryId}`
      : entry.description.trim();
  const comments = [
    `Pleo accounting entry ${entry.accountingEntryId}`,
    entry.reconciliationId === undefined ? undefined : `book ID ${entry.reconciliationId}`,
    entry.pleoUrl,
  ]
    .filter((p): p is string => p !== undefined && p !== '')
    .join(' · ');
  return {
    Description: truncate(`${base}${target.suffix ?? ''}`, FORTNOX_DESCRIPTION_MAX),
    TransactionDate: target.date,
    VoucherSeries: config.voucherSeries,
    Year: target.financialYearId,
    ReferenceType: 'MANUAL',
    ReferenceNumber: target.marker,
    Comments: truncate(comments, FORTNOX_COMMENTS_MAX),
    VoucherRows: rows,
  };
}

/**
 * Refuses entries whose currency is not the Fortnox ledger currency: vouchers have no currency field,
 * so booking EUR amounts as SEK would be wrong (issue #7; erp-apis.md §3 schemas).
 * @throws ItemError(`validation_failure`, field `currency`).
 */
export function assertLedgerCurrency(entry: AccountingEntry, ledgerCurrency: string): void {
  if (entry.currency !== ledgerCurrency) {
    throw new ItemError(
      'validation_failure',
      `The entry is in ${entry.currency}, but Fortnox vouchers are booked in the company currency ${ledgerCurrency} and carry no currency. Export this wallet to a ${entry.currency} ledger, or set "currency" in the Fortnox configuration if the company's accounting currency is ${entry.currency}.`,
      { field: 'currency' },
    );
  }
}

/**
 * A GL account code as Fortnox's `Account` (integer 1000–9999, spec `fortnox_Voucher_VoucherRow.Account`).
 * @throws ItemError(`account_unknown`, field `field`) otherwise.
 */
export function fortnoxAccountNumber(code: string, field: string): number {
  const trimmed = code.trim();
  if (!/^\d{4}$/.test(trimmed) || Number(trimmed) < 1000) {
    throw new ItemError(
      'account_unknown',
      `Account "${code}" is not a Fortnox account number (four digits, 1000–9999). Map the category to a BAS account in Pleo.`,
      { field },
    );
  }
  return Number(trimmed);
}

function dimensionValue(line: JournalLine, dimension: string): string | undefined {
  return line.dimensions.find((d) => d.dimension === dimension)?.value;
}

function truncate(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}
