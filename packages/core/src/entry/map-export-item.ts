import {
  type BookkeepingMethod,
  bookkeepingMethodSchema,
  type ExportItemFile,
  type ExportItemSubType,
  type ExportItemType,
  type ExportItemV3,
  exportItemSubTypeSchema,
} from '@ledgerport/pleo';
import { ItemError } from '../errors/ledgerport-error';
import { toLedgerportError } from '../errors/to-ledgerport-error';
import { currencyExponent } from '../money/currency-exponent';
import type {
  AccountingEntry,
  AccountingEntryBase,
  EntryVendor,
  JournalLine,
  SupplierInvoiceEntry,
} from './accounting-entry';
import { assertBalanced, flipSides } from './balance';
import { toCalendarDate } from './calendar-date';
import { describeItem } from './description';
import { isAlwaysJournal, isSettlement, movesWalletMoney, orientationOf } from './entry-orientation';
import { mapLine } from './map-line';
import type { MapOptions } from './map-options';
import type { MappableItem } from './mappable-item';
import { resolvePostingDate } from './posting-date';
import { readWalletAmount } from './read-wallet-amount';
import { contraAccount, payablesAccount, type ResolvedAccount } from './resolve-accounts';
import { findVendor, requireVendor } from './resolve-vendor';

/** Result of {@link mapExportItem}: a balanced entry, or the item failure to report. */
export type MapResult =
  | { readonly ok: true; readonly entry: AccountingEntry }
  | { readonly ok: false; readonly error: ItemError };

/**
 * Maps a Pleo `ExportItemV3` (export-openapi.yml `components.schemas.ExportItemV3`) to a balanced
 * {@link AccountingEntry} following pleo-export-api.md §4 and §6 and architecture.md "The normalized entry".
 * Never throws: every problem becomes `{ ok: false, error: ItemError }`.
 *
 * Rules:
 * - **Method** (`bookkeeping.method`): `journal`, `none` and null (legacy) → `JournalEntry`;
 *   `accounts_payable` → `SupplierInvoiceEntry` whose `lines` are the invoice (debit expense and VAT, credit
 *   `mapping.payablesAccount`) with the vendor (`vendor`; for employee spend the employee; else legacy
 *   `supplier`; none → `vendor_unknown`). Its `payment` (debit payable, credit contra) is present when the
 *   item itself moved wallet money (the types Pleo sends a `contraAccount` for: card purchases, fees,
 *   refunds…); an `invoice` or out-of-pocket item is settled by its own later payment item. Those payment
 *   items (`invoice_payment`, `direct_reimbursement`, `external_reimbursement`) under `accounts_payable` are
 *   the settlement: a `JournalEntry` (debit payable, credit contra, no VAT) carrying the vendor, so nothing
 *   is booked twice. `wallet_topup` / `wallet_unload` are always journals.
 * - **Amounts** come from `inWalletCurrency` (entry currency = wallet currency) as unsigned integer minor
 *   units; sides come from `type`/`subType`, never the sign: expense-like types debit the line accounts and
 *   credit the contra account; `refund`, `chargeback`, `cashback`, `wallet_topup` and the sub-types
 *   `invoice_payment_returned` / `reimbursement_to_company` reverse every side.
 * - **Tax** per line, **dimensions**, **description**, **posting date**: see {@link mapLine},
 *   `lineDimensions`, `describeItem`, `resolvePostingDate`. Reference = `accountingEntryId`.
 * - The result is checked to balance (Σ debit = Σ credit; invoice and payment separately) before returning.
 *
 * Failures: `validation_failure` naming the field path (unknown currency such as `UNDEFINED`, Σ lineAmount ≠
 * amount, tax larger than its line, bad dates, locked period with strategy `fail`); `missing_configuration`
 * naming the setting (contra account, VAT accounts, payables account, line GL account); `vendor_unknown`;
 * `unexpected_failure` for anything else.
 *
 * @param item - a Pleo export item (use {@link mapUnknownExportItem} for unparsed JSON).
 * @param options - company mapping settings; connectors' `mapOptions` defaults are merged by the caller.
 */
export function mapExportItem(item: ExportItemV3, options: MapOptions = {}): MapResult {
  try {
    return { ok: true, entry: buildEntry(item, options) };
  } catch (error) {
    return { ok: false, error: toLedgerportError(error, 'item') };
  }
}

function buildEntry(source: ExportItemV3, options: MapOptions): AccountingEntry {
  const item = source as unknown as MappableItem;
  if (item === null || typeof item !== 'object') {
    throw new ItemError('validation_failure', 'The export item is not an object.', { field: '' });
  }
  if (typeof item.accountingEntryId !== 'string' || item.accountingEntryId === '') {
    throw new ItemError('validation_failure', 'accountingEntryId is missing: Pleo must send it.', {
      field: 'accountingEntryId',
    });
  }
  const currency = String(item.amount?.inWalletCurrency?.currency);
  currencyExponent(currency, 'amount.inWalletCurrency.currency');
  const grossAmount = readWalletAmount(item.amount, 'amount', currency);
  if (grossAmount === 0) {
    throw new ItemError(
      'validation_failure',
      'amount.inWalletCurrency.value is 0: there is nothing to book.',
      {
        field: 'amount.inWalletCurrency.value',
      },
    );
  }
  const orientation = orientationOf(String(item.type), item.subType);
  const method = bookkeepingMethod(item);
  const date = toCalendarDate(item.date, 'date');
  const postingDate = resolvePostingDate(date, options);
  const description = describeItem(item);

  if (!Array.isArray(item.accountingEntryLines) || item.accountingEntryLines.length === 0) {
    throw new ItemError(
      'validation_failure',
      'accountingEntryLines is empty: an export item has at least one line.',
      {
        field: 'accountingEntryLines',
      },
    );
  }
  const context = { currency, description, team: item.team, options };
  const mapped = item.accountingEntryLines.map((line, index) => mapLine(line, index, context));
  const linesGross = mapped.reduce((sum, line) => sum + line.gross, 0);
  if (linesGross !== grossAmount) {
    throw new ItemError(
      'validation_failure',
      `The line amounts add up to ${linesGross} but amount.inWalletCurrency.value is ${grossAmount} (${currency} minor units): Σ accountingEntryLines[].lineAmount.inWalletCurrency.value must equal the item amount, so the entry cannot balance.`,
      { field: 'accountingEntryLines', details: { linesGross, grossAmount } },
    );
  }
  const debitLines = mapped.flatMap((line) => line.lines);
  const orient = (lines: JournalLine[]) => (orientation === 'reversed' ? flipSides(lines) : lines);
  const counter = (
    account: ResolvedAccount,
    role: 'contra' | 'payable',
    side: 'debit' | 'credit',
  ): JournalLine => ({
    account: account.account,
    accountIdentifier: account.accountIdentifier,
    side,
    amount: grossAmount,
    currency,
    role,
    description: description === '' ? undefined : description,
    dimensions: [],
  });

  const reconciliationId = item.additionalInformation?.reconciliationId ?? undefined;
  const pleoUrl = item._links?.web?.exportItem;
  const subType = exportItemSubTypeSchema.safeParse(item.subType);
  const base: Omit<AccountingEntryBase, 'lines' | 'vendor'> = {
    idempotencyKey: item.accountingEntryId,
    accountingEntryId: item.accountingEntryId,
    reconciliationId: reconciliationId === '' ? undefined : reconciliationId,
    type: item.type as ExportItemType,
    subType: subType.success ? (subType.data as ExportItemSubType) : null,
    bookkeepingMethod: method,
    date,
    postingDate,
    description,
    reference: item.accountingEntryId,
    currency,
    grossAmount,
    supplierName: nonEmpty(item.supplier?.name),
    userName: nonEmpty(item.user?.name),
    note: nonEmpty(item.note),
    files: (item.files ?? []) as readonly ExportItemFile[],
    postingMode: options.postingMode ?? 'draft',
    pleoUrl: typeof pleoUrl === 'string' ? pleoUrl : undefined,
    source,
  };

  const accountsPayable = method === 'accounts_payable' && !isAlwaysJournal(item.type);
  if (!accountsPayable) {
    const lines = orient([
      ...debitLines,
      counter(contraAccount(item.contraAccount, currency, options), 'contra', 'credit'),
    ]);
    assertBalanced(lines, currency, 'lines');
    return { ...base, kind: 'journal', lines, vendor: findVendor(item) };
  }

  const vendor: EntryVendor = requireVendor(item);
  const payables = payablesAccount(options);
  if (isSettlement(item.type)) {
    const contra = contraAccount(item.contraAccount, currency, options);
    const lines = orient([counter(payables, 'payable', 'debit'), counter(contra, 'contra', 'credit')]);
    assertBalanced(lines, currency, 'lines');
    return { ...base, kind: 'journal', lines, vendor };
  }
  const lines = orient([...debitLines, counter(payables, 'payable', 'credit')]);
  assertBalanced(lines, currency, 'lines');
  let payment: SupplierInvoiceEntry['payment'];
  if (movesWalletMoney(item.type)) {
    const contra = contraAccount(item.contraAccount, currency, options);
    const paymentLines = orient([counter(payables, 'payable', 'debit'), counter(contra, 'contra', 'credit')]);
    assertBalanced(paymentLines, currency, 'payment.lines');
    payment = { date: postingDate, lines: paymentLines };
  }
  const invoice = item.additionalInformation?.invoiceInformation ?? undefined;
  return {
    ...base,
    kind: 'supplier_invoice',
    lines,
    vendor,
    invoiceNumber: nonEmpty(invoice?.invoiceNumber),
    invoiceDate:
      invoice?.invoiceDate == null
        ? date
        : toCalendarDate(invoice.invoiceDate, 'additionalInformation.invoiceInformation.invoiceDate'),
    dueDate:
      invoice?.dueDate == null
        ? undefined
        : toCalendarDate(invoice.dueDate, 'additionalInformation.invoiceInformation.dueDate'),
    payment,
  };
}

function bookkeepingMethod(item: MappableItem): BookkeepingMethod | null {
  const raw = item.bookkeeping?.method;
  if (raw == null) return null;
  const parsed = bookkeepingMethodSchema.safeParse(raw);
  if (!parsed.success) {
    throw new ItemError(
      'validation_failure',
      `bookkeeping.method is "${String(raw).slice(0, 30)}": expected journal, accounts_payable or none.`,
      { field: 'bookkeeping.method' },
    );
  }
  return parsed.data;
}

function nonEmpty(text: string | null | undefined): string | undefined {
  return typeof text === 'string' && text.trim() !== '' ? text : undefined;
}
