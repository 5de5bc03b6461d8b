import { type AccountingEntry, ItemError, type JournalLine } from '@ledgerport/core';
import type { SieConfig } from '../config/sie-config';
import type { SieObject, SieObjectRef, SieTransaction, SieVoucher } from '../document/sie-document';
import { isCp437Representable, toCp437Text } from '../format/cp437';

/** The vouchers one entry becomes, and the `#OBJEKT` declarations its rows use. */
export interface EntryVouchers {
  /** Invoice (or journal) voucher first; a supplier invoice Pleo already paid adds its payment voucher. */
  readonly vouchers: readonly SieVoucher[];
  readonly objects: readonly SieObject[];
}

/** Longest voucher text written; longer descriptions are cut (importers such as Fortnox cut at 100+). */
export const MAX_VOUCHER_TEXT = 200;

function checkStructural(value: string, field: string, pattern: RegExp, fix: string): string {
  if (!pattern.test(value) || !isCp437Representable(value)) {
    throw new ItemError(
      'validation_failure',
      `${field} "${value.slice(0, 40)}" cannot be written to SIE: ${fix}.`,
      {
        field,
      },
    );
  }
  return value;
}

/**
 * The key a voucher's text starts with: the entry's `idempotencyKey` (Pleo `accountingEntryId`). The
 * connector finds already-written vouchers by it when a job's file exists (see the README, "Idempotency").
 * Returns the text up to its first space (the whole text when it has none; `''` for `''`); never throws.
 */
export function voucherKey(text: string): string {
  return text.split(' ', 1)[0] ?? '';
}

/**
 * Translates one balanced {@link AccountingEntry} into SIE vouchers (SIE filformat Utgåva 4B, `#VER` and
 * `#TRANS`): one row per journal line, debit positive and credit negative, so the rows sum to exactly 0;
 * VAT stays on its own rows. A deductible reverse-charge VAT row booked on the configured input VAT
 * account moves to `vatAccounts.reverseChargeInput` (BAS 2645). Dimensions configured in
 * `config.dimensions` become object lists. No accounting rule is re-derived: lines come from core.
 *
 * @param numbers - voucher numbers to use (`''` = importer numbers), one per voucher the entry makes.
 * @param registrationDate - ISO date written as `regdatum`.
 * @throws ItemError `validation_failure` naming the field when an account is not numeric, or an object id cannot be written in CP437; `missing_configuration` when a
 *   line has no account.
 */
export function entryToVouchers(
  entry: AccountingEntry,
  config: SieConfig,
  numbers: (index: number) => string,
  registrationDate: string,
): EntryVouchers {
  const key = checkStructural(
    entry.idempotencyKey,
    'idempotencyKey',
    /^\S{1,100}$/,
    'it must be 1–100 characters without spaces',
  );
  const objects = new Map<string, SieObject>();
  const rows = (lines: readonly JournalLine[], path: string): SieTransaction[] =>
    lines.map((line, index) => {
      const field = `${path}[${index}].account`;
      if (line.account === '') {
        throw new ItemError(
          'missing_configuration',
          `${field} (${line.role}) has no account: set ${line.role === 'contra' ? `contraAccounts.${entry.currency}` : line.role === 'input_vat' ? 'vatAccounts.input' : line.role === 'output_vat' ? 'vatAccounts.reverseChargeOutput' : 'the account in Pleo'} in the SIE configuration or Pleo.`,
          { field },
        );
      }
      let account = checkStructural(
        line.account,
        field,
        /^\d{1,10}$/,
        'SIE account numbers are digits only (BAS: 4 digits)',
      );
      if (line.role === 'input_vat' && line.tax?.type === 'reverse' && account === config.vatAccounts.input) {
        account = config.vatAccounts.reverseChargeInput;
      }
      const refs: SieObjectRef[] = [];
      for (const dimension of line.dimensions) {
        const mapped = config.dimensions[dimension.dimension];
        if (mapped === undefined) continue;
        const object = checkStructural(
          dimension.value,
          `${path}[${index}].dimensions.${dimension.dimension}`,
          /^[^"\\\r\n]{1,40}$/,
          'object ids are 1–40 characters without quotes or backslashes, in code page 437',
        );
        refs.push({ dimension: mapped.number, object });
        objects.set(`${mapped.number}\u0000${object}`, {
          dimension: mapped.number,
          object,
          name: toCp437Text(dimension.name ?? object),
        });
      }
      const amount = line.side === 'debit' ? line.amount : -line.amount;
      return {
        account,
        objects: refs,
        amount,
        ...(line.description === undefined
          ? {}
          : { text: toCp437Text(line.description).slice(0, MAX_VOUCHER_TEXT) }),
      };
    });

  const text = (suffix: string) =>
    toCp437Text(`${key} ${suffix}${entry.description}`).slice(0, MAX_VOUCHER_TEXT);
  const vouchers: SieVoucher[] = [
    {
      series: config.voucherSeries,
      number: numbers(0),
      date: entry.postingDate,
      text: text(''),
      registrationDate,
      transactions: rows(entry.lines, 'lines'),
    },
  ];
  if (entry.kind === 'supplier_invoice' && entry.payment !== undefined) {
    vouchers.push({
      series: config.voucherSeries,
      number: numbers(1),
      date: entry.payment.date,
      text: text('Betalning: '),
      registrationDate,
      transactions: rows(entry.payment.lines, 'payment.lines'),
    });
  }
  for (const voucher of vouchers) {
    const sum = voucher.transactions.reduce((total, row) => total + row.amount, 0);
    if (sum !== 0) {
      throw new ItemError(
        'validation_failure',
        `lines do not balance: debit − credit = ${sum} minor units; the entry must balance.`,
        {
          field: 'lines',
        },
      );
    }
  }
  return { vouchers, objects: [...objects.values()] };
}
