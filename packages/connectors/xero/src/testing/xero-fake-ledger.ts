import { decimalToMinorUnits } from '@ledgerport/connector-kit';
import type { FakeTaxRate } from './xero-fake-seed';

/** One posting in the fake's general ledger (minor units, debit positive). */
export interface LedgerPosting {
  readonly account: string;
  readonly amount: number;
}

/** A line as Xero receives it on a journal or a bank transaction / bill. */
export interface IncomingLine {
  readonly AccountCode?: string;
  readonly LineAmount?: number;
  readonly TaxType?: string;
  readonly TaxAmount?: number;
}

/**
 * Expands one signed line into ledger postings the way Xero books it: with `Inclusive` amounts the
 * line is split into net (to the line's account) and VAT (to the VAT account `vatAccount`): the given
 * `TaxAmount`, else `gross × rate / (1 + rate)`; `Exclusive` adds VAT on top; a reverse-charge tax type
 * books the self-assessed VAT (`TaxAmount`, else `net × rate`) twice (debit and credit), so it nets to zero.
 */
export function expandLine(
  line: IncomingLine,
  sign: 1 | -1,
  lineAmountTypes: string,
  taxRates: ReadonlyMap<string, FakeTaxRate>,
  currency: string,
  vatAccount: string,
): LedgerPosting[] {
  const gross = sign * decimalToMinorUnits(line.LineAmount ?? 0, currency);
  const rate = line.TaxType === undefined ? undefined : taxRates.get(line.TaxType);
  const account = line.AccountCode ?? '';
  if (rate === undefined || lineAmountTypes === 'NoTax' || rate.rate === 0)
    return [{ account, amount: gross }];
  if (rate.reverseCharge === true) {
    const vat =
      line.TaxAmount !== undefined
        ? Math.abs(decimalToMinorUnits(line.TaxAmount, currency))
        : Math.round(Math.abs(gross) * rate.rate);
    return [
      { account, amount: gross },
      { account: vatAccount, amount: vat },
      { account: vatAccount, amount: -vat },
    ];
  }
  if (lineAmountTypes === 'Exclusive') {
    const vat =
      line.TaxAmount !== undefined
        ? sign * decimalToMinorUnits(line.TaxAmount, currency)
        : Math.round(gross * rate.rate);
    return [
      { account, amount: gross },
      { account: vatAccount, amount: vat },
    ];
  }
  const vat =
    line.TaxAmount !== undefined
      ? sign * decimalToMinorUnits(line.TaxAmount, currency)
      : Math.round((gross * rate.rate) / (1 + rate.rate));
  return [
    { account, amount: gross - vat },
    { account: vatAccount, amount: vat },
  ];
}

/** Σ debits and Σ credits (both positive) of postings. */
export function totals(postings: readonly LedgerPosting[]): { debit: number; credit: number } {
  let debit = 0;
  let credit = 0;
  for (const p of postings) {
    if (p.amount > 0) debit += p.amount;
    else credit -= p.amount;
  }
  return { debit, credit };
}
