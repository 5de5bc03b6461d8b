import { ItemError } from '../errors/ledgerport-error';
import { isKnownCurrency } from '../money/currency-exponent';
import type { JournalLine, LineTax } from './accounting-entry';
import { lineDimensions } from './dimensions';
import type { MapOptions } from './map-options';
import type { LineLike, MappableItem } from './mappable-item';
import { readSupplierAmount, readWalletAmount } from './read-wallet-amount';
import { lineAccount, vatAccount } from './resolve-accounts';

/** What {@link mapLine} needs from the item. */
export interface LineContext {
  readonly currency: string;
  readonly description: string;
  readonly team: MappableItem['team'];
  readonly options: MapOptions;
}

/** Lines of one Pleo line, plus the amount its counter side must carry. */
export interface MappedLine {
  /** Lines in forward orientation (expense and input VAT debit, output VAT credit). */
  readonly lines: JournalLine[];
  /** The line's gross in minor units (= |lineAmount.inWalletCurrency.value|): what the counter line carries. */
  readonly gross: number;
}

const TAX_TYPES = new Set(['inclusive', 'exclusive', 'reverse']);

/**
 * Maps one Pleo `ExportItemLineV3` to ledger lines in forward orientation (pleo-export-api.md §4 "Lines",
 * export-openapi.yml `TaxTypeV3`). With L = |lineAmount|, T = |tax.amount| (wallet currency, minor units):
 * - no tax, or T = 0: one expense line of L (rate 0 with T > 0 is contradictory and fails);
 * - `inclusive`: expense L − T + `input_vat` T (total L);
 * - `exclusive`: `netAmount` excludes tax and `lineAmount` is the gross, so |netAmount| + T must equal L
 *   (Σ lineAmount = amount, §4); expense |netAmount| + `input_vat` T;
 * - `reverse` (EU reverse charge): expense L + `input_vat` T (debit) + `output_vat` T (credit), which cancel.
 * Zero-amount expense lines are dropped. Expense lines carry the tax, dimensions and description; VAT lines
 * carry the tax.
 *
 * @throws ItemError `validation_failure` naming the field path (e.g.
 *   `accountingEntryLines[1].tax.amount.inWalletCurrency.value`) for unusable amounts or tax;
 *   `missing_configuration` for a missing GL or VAT account.
 */
export function mapLine(line: LineLike, index: number, context: LineContext): MappedLine {
  const path = `accountingEntryLines[${index}]`;
  if (line === null || typeof line !== 'object') {
    throw new ItemError('validation_failure', `${path} is not a line object.`, { field: path });
  }
  const { currency, options } = context;
  const gross = readWalletAmount(line.lineAmount, `${path}.lineAmount`, currency);
  const account = lineAccount(line.account, index);
  const tax = line.tax ?? undefined;
  let expenseAmount = gross;
  let lineTax: LineTax | undefined;
  const vatLines: JournalLine[] = [];

  if (tax !== undefined) {
    if (!TAX_TYPES.has(tax.type)) {
      throw new ItemError(
        'validation_failure',
        `${path}.tax.type is "${String(tax.type).slice(0, 20)}": expected inclusive, exclusive or reverse.`,
        { field: `${path}.tax.type` },
      );
    }
    if (typeof tax.rate !== 'number' || !Number.isFinite(tax.rate) || tax.rate < 0 || tax.rate > 1) {
      throw new ItemError(
        'validation_failure',
        `${path}.tax.rate is ${String(tax.rate).slice(0, 20)}: expected a decimal fraction between 0 and 1 (0.25 = 25 %).`,
        { field: `${path}.tax.rate` },
      );
    }
    const taxAmount = readWalletAmount(tax.amount, `${path}.tax.amount`, currency);
    const type = tax.type as LineTax['type'];
    lineTax = { code: tax.code ?? null, rate: tax.rate, type, amount: taxAmount };
    if (tax.rate === 0 && taxAmount > 0) {
      throw new ItemError(
        'validation_failure',
        `${path}.tax.amount is ${taxAmount} but tax.rate is 0: fix the tax code or the VAT amount on the expense in Pleo.`,
        { field: `${path}.tax.amount.inWalletCurrency.value` },
      );
    }
    if (taxAmount > 0 && type !== 'reverse') {
      if (taxAmount > gross) {
        throw new ItemError(
          'validation_failure',
          `${path}.tax.amount.inWalletCurrency.value (${taxAmount}) is larger than the line amount (${gross}): fix the VAT amount on the expense in Pleo.`,
          { field: `${path}.tax.amount.inWalletCurrency.value` },
        );
      }
      if (type === 'exclusive') {
        const net = readWalletAmount(line.netAmount, `${path}.netAmount`, currency);
        if (net + taxAmount !== gross) {
          throw new ItemError(
            'validation_failure',
            `${path}.netAmount.inWalletCurrency.value (${net}) plus tax (${taxAmount}) is not the line amount (${gross}): with exclusive tax the net amount excludes tax, so the lines cannot balance.`,
            { field: `${path}.netAmount.inWalletCurrency.value` },
          );
        }
      }
      expenseAmount = gross - taxAmount;
      const input = vatAccount(tax, 'input', index, options);
      vatLines.push(vatLine(input.account, 'debit', 'input_vat', taxAmount, currency, lineTax, line));
    } else if (taxAmount > 0) {
      const input = vatAccount(tax, 'input', index, options);
      const output = vatAccount(tax, 'output', index, options);
      vatLines.push(vatLine(input.account, 'debit', 'input_vat', taxAmount, currency, lineTax, line));
      vatLines.push(vatLine(output.account, 'credit', 'output_vat', taxAmount, currency, lineTax, line));
    }
  }

  const lines: JournalLine[] = [];
  if (expenseAmount > 0) {
    const supplierAmount = readSupplierAmount(line.lineAmount, currency, isKnownCurrency);
    lines.push({
      account: account.account,
      accountIdentifier: account.accountIdentifier,
      side: 'debit',
      amount: expenseAmount,
      currency,
      role: 'expense',
      description: context.description === '' ? undefined : context.description,
      tax: lineTax,
      dimensions: lineDimensions(line.tags, context.team, options),
      supplierAmount,
      sourceLineId: line.accountingEntryLineId,
    });
  }
  lines.push(...vatLines);
  return { lines, gross };
}

function vatLine(
  account: string,
  side: JournalLine['side'],
  role: JournalLine['role'],
  amount: number,
  currency: string,
  tax: LineTax,
  line: LineLike,
): JournalLine {
  return {
    account,
    side,
    amount,
    currency,
    role,
    tax,
    dimensions: [],
    sourceLineId: line.accountingEntryLineId,
  };
}
