import type { AccountingEntry, EntryIssue, JournalLine } from '@ledgerport/core';
import type { MemoryLedger } from '../ledger/memory-ledger';

const ISO_CURRENCY = /^[A-Z]{3}$/;

function sums(lines: readonly JournalLine[]): { debit: number; credit: number } {
  let debit = 0;
  let credit = 0;
  for (const line of lines) {
    if (line.side === 'debit') debit += line.amount;
    else credit += line.amount;
  }
  return { debit, credit };
}

/**
 * What the in-memory ledger refuses about one entry, as `EntryIssue`s (field paths like
 * `lines[0].account`): amounts that are not positive integers, a currency that is not ISO 4217-shaped,
 * lines or payment lines that do not balance, accounts missing from the chart of accounts
 * (`account_unknown`), a supplier invoice without a vendor name (`vendor_unknown`), and a posting date in
 * the locked period. Empty when the ledger would accept the entry.
 */
export function entryIssues(ledger: MemoryLedger, entry: AccountingEntry): EntryIssue[] {
  const issues: EntryIssue[] = [];
  const issue = (reason: EntryIssue['reason'], message: string, field: string) =>
    issues.push({ accountingEntryId: entry.accountingEntryId, reason, message, field });
  const groups: [string, readonly JournalLine[]][] = [['lines', entry.lines]];
  if (entry.kind === 'supplier_invoice' && entry.payment !== undefined) {
    groups.push(['payment.lines', entry.payment.lines]);
  }
  if (!ISO_CURRENCY.test(entry.currency)) {
    issue('validation_failure', `Currency "${entry.currency}" is not an ISO 4217 code.`, 'currency');
  }
  for (const [path, lines] of groups) {
    if (lines.length < 2) {
      issue('accounting_system_validation_failure', `A voucher needs at least two lines (${path}).`, path);
    }
    lines.forEach((line, i) => {
      if (!Number.isSafeInteger(line.amount) || line.amount <= 0) {
        issue(
          'accounting_system_validation_failure',
          `Line amount ${line.amount} is not a positive integer of minor units.`,
          `${path}[${i}].amount`,
        );
      }
      if (line.currency !== entry.currency) {
        issue(
          'accounting_system_validation_failure',
          `Line currency ${line.currency} differs from the voucher currency ${entry.currency}.`,
          `${path}[${i}].currency`,
        );
      }
      if (ledger.chartOfAccounts !== undefined && !ledger.chartOfAccounts.has(line.account)) {
        issue(
          'account_unknown',
          `Account ${line.account} does not exist in the ledger's chart of accounts: add it or change the category in Pleo.`,
          `${path}[${i}].account`,
        );
      }
    });
    const { debit, credit } = sums(lines);
    if (debit !== credit) {
      issue(
        'accounting_system_validation_failure',
        `The voucher does not balance: debit ${debit} ≠ credit ${credit} (${entry.currency} minor units).`,
        path,
      );
    }
  }
  if (entry.kind === 'supplier_invoice' && entry.vendor.name.trim() === '') {
    issue('vendor_unknown', 'The supplier invoice has no vendor: select a vendor in Pleo.', 'vendor.name');
  }
  if (ledger.lockedThrough !== undefined && entry.postingDate <= ledger.lockedThrough) {
    issue(
      'accounting_system_validation_failure',
      `The period is locked through ${ledger.lockedThrough}; posting date ${entry.postingDate} is not open.`,
      'postingDate',
    );
  }
  return issues;
}
