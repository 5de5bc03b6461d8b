import type {
  AccountingEntry,
  ConnectorContext,
  EntryIssue,
  JobIssue,
  JournalLine,
  ValidationReport,
} from '@ledgerport/core';
import type { FortnoxConfig } from '../config/fortnox-config';
import type { FortnoxClient } from '../http/fortnox-client';
import { indexVoucherDates } from '../posting/voucher-index';
import {
  financialYearFor,
  loadAccounts,
  loadLockedThrough,
  loadVoucherSeries,
} from '../reference/fortnox-reference-data';

/**
 * Read-only readiness checks (issue #7 "validate()"; only GETs):
 * - job level: a token can be had, the configured voucher series exists (`/3/voucherseries`), the chart
 *   of accounts loads, the locked period (`/3/settings/lockedperiod` `EndDate`) is returned as
 *   `lockedThrough` for core's period strategy, and vendor-based bookkeeping is refused (vouchers have no
 *   supplier ledger);
 * - entry level: the entry is in the ledger currency, a financial year covers each voucher date
 *   (`/3/financialyears?Date=`, cached per year), every account is a 4-digit number that exists and is
 *   active, and no voucher date is on or before the locked period's end (core already shifted the dates
 *   under `shift_to_next_open`, so what is still locked fails under `fail`);
 * - and it indexes the vouchers already booked on the page's dates (one list call per date), which
 *   `postEntry` uses as its look-up before posting ({@link indexVoucherDates}).
 * @throws ItemError per the HTTP matrix when Fortnox fails (the connector turns it into a JobError).
 */
export async function validateFortnoxJob(
  ctx: ConnectorContext<FortnoxConfig>,
  client: FortnoxClient,
  job: ConnectorContext['job'],
  entries: readonly AccountingEntry[],
): Promise<ValidationReport> {
  const jobIssues: JobIssue[] = [];
  const entryIssues: EntryIssue[] = [];
  if (job.vendorBasedBookkeeping) {
    jobIssues.push({
      reason: 'invalid_configuration',
      message:
        'The Fortnox connector books vouchers and has no supplier ledger, so vendor-based bookkeeping is not supported. Turn it off for this export or use an accounts-payable integration.',
    });
  }
  const series = await loadVoucherSeries(ctx, client);
  if (!series.has(ctx.config.voucherSeries)) {
    jobIssues.push({
      reason: 'invalid_configuration',
      message: `Voucher series "${ctx.config.voucherSeries}" does not exist in Fortnox (found: ${[...series].join(', ') || 'none'}). Create it in Fortnox or set "voucherSeries" to one of them.`,
    });
  }
  const accounts = await loadAccounts(ctx, client);
  const lockedThrough = await loadLockedThrough(ctx, client);

  const toIndex: { series: string; financialYearId: number; date: string }[] = [];
  for (const entry of entries) {
    const issue = (reason: EntryIssue['reason'], message: string, field?: string) =>
      entryIssues.push({
        accountingEntryId: entry.accountingEntryId,
        reason,
        message,
        ...(field === undefined ? {} : { field }),
      });
    if (entry.currency !== ctx.config.currency) {
      issue(
        'validation_failure',
        `The entry is in ${entry.currency}, but Fortnox vouchers are booked in ${ctx.config.currency} and carry no currency. Export this wallet to a ${entry.currency} ledger.`,
        'currency',
      );
      continue;
    }
    const vouchers: { date: string; dateField: string; lines: readonly JournalLine[]; linesField: string }[] =
      [{ date: entry.postingDate, dateField: 'postingDate', lines: entry.lines, linesField: 'lines' }];
    if (entry.kind === 'supplier_invoice' && entry.payment !== undefined) {
      vouchers.push({
        date: entry.payment.date,
        dateField: 'payment.date',
        lines: entry.payment.lines,
        linesField: 'payment.lines',
      });
    }
    for (const voucher of vouchers) {
      if (lockedThrough !== undefined && voucher.date <= lockedThrough) {
        issue(
          'validation_failure',
          `The entry is dated ${voucher.date}, in a period locked in Fortnox (locked through ${lockedThrough}). Unlock the period in Fortnox or book it in the next open period.`,
          voucher.dateField,
        );
        continue;
      }
      const year = await financialYearFor(ctx, client, voucher.date);
      if (year !== undefined) {
        toIndex.push({ series: ctx.config.voucherSeries, financialYearId: year.id, date: voucher.date });
      }
      if (year === undefined) {
        issue(
          'validation_failure',
          `Fortnox has no financial year covering ${voucher.date}. Create the financial year in Fortnox.`,
          voucher.dateField,
        );
      }
      voucher.lines.forEach((line, index) => {
        const field = `${voucher.linesField}[${index}].account`;
        const number = /^\d{4}$/.test(line.account.trim()) ? Number(line.account.trim()) : undefined;
        const account = number === undefined ? undefined : accounts.get(number);
        if (account === undefined) {
          issue(
            'account_unknown',
            `Account ${line.account} does not exist in Fortnox's chart of accounts. Add it in Fortnox or change the mapping in Pleo.`,
            field,
          );
        } else if (!account.active) {
          issue(
            'account_unknown',
            `Account ${line.account} (${account.description}) is inactive in Fortnox. Activate it or change the mapping in Pleo.`,
            field,
          );
        }
      });
    }
  }
  // Read-only: one voucher list per distinct date, so posting this page needs no look-up per entry.
  if (jobIssues.length === 0) await indexVoucherDates(ctx, client, toIndex);
  return { jobIssues, entryIssues, lockedThrough };
}
