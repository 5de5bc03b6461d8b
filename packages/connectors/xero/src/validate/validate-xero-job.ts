import type {
  AccountingEntry,
  ConnectorContext,
  EntryIssue,
  JobIssue,
  ValidationReport,
} from '@ledgerport/core';
import type { XeroConfig } from '../config/xero-config';
import type { XeroClient } from '../http/xero-client';
import { chooseDocument } from '../posting/choose-document';
import { foreignCurrencyError } from '../posting/post-xero-entries';
import {
  findContactNames,
  loadAccounts,
  loadOrganisation,
  loadTaxRates,
} from '../reference/xero-reference-data';

/**
 * Read-only readiness checks (issue #6 "validate()"), using only GETs:
 * - job level (always): `GET /Organisation` (reachable, base currency, lock dates → `lockedThrough`);
 * - entry level (for each page of entries): every account code and tax type exists and is ACTIVE
 *   (`GET /Accounts`, `GET /TaxRates`, memoised per job); an entry that becomes a bank transaction has a
 *   BANK contra account; a foreign-currency entry can be booked at all;
 *   the posting date is after the lock dates; with vendor-based bookkeeping, each bill's contact exists.
 */
export async function validateXeroJob(
  ctx: ConnectorContext<XeroConfig>,
  client: XeroClient,
  job: ConnectorContext<XeroConfig>['job'],
  entries: readonly AccountingEntry[],
): Promise<ValidationReport> {
  const jobIssues: JobIssue[] = [];
  const entryIssues: EntryIssue[] = [];
  const organisation = await loadOrganisation(ctx, client);

  if (entries.length === 0) return { jobIssues, entryIssues, lockedThrough: organisation.lockedThrough };

  const [accounts, taxRates] = await Promise.all([loadAccounts(ctx, client), loadTaxRates(ctx, client)]);
  for (const entry of entries) {
    const issue = (reason: EntryIssue['reason'], message: string, field?: string) =>
      entryIssues.push({ accountingEntryId: entry.accountingEntryId, reason, message, field });
    const document = chooseDocument(entry, ctx.config, organisation.baseCurrency);
    if (document === undefined) {
      const error = foreignCurrencyError(entry, organisation.baseCurrency);
      issue(error.reason, error.message, error.field);
    }
    if (document === 'BankTransactions') {
      const contra = entry.lines.find((l) => l.role === 'contra');
      const bank = contra === undefined ? undefined : accounts.get(contra.account);
      if (contra !== undefined && bank !== undefined && bank.type !== 'BANK') {
        issue(
          'account_unknown',
          `Account ${contra.account} is not a bank account in Xero, so this ${entry.currency} card entry cannot be booked as a bank transaction. Make the Pleo wallet account a BANK account in ${entry.currency} in Xero.`,
          `lines[${entry.lines.indexOf(contra)}].account`,
        );
      }
    }
    if (organisation.lockedThrough !== undefined && entry.postingDate <= organisation.lockedThrough) {
      issue(
        'validation_failure',
        `The posting date ${entry.postingDate} is on or before Xero's lock date ${organisation.lockedThrough}. Move the lock date in Xero or use the "shift to next open period" strategy.`,
        'postingDate',
      );
    }
    const lines = [
      ...entry.lines,
      ...(entry.kind === 'supplier_invoice' ? (entry.payment?.lines ?? []) : []),
    ];
    lines.forEach((line, i) => {
      const account = accounts.get(line.account);
      if (account === undefined || account.status !== 'ACTIVE') {
        issue(
          'account_unknown',
          `Account ${line.account} ${account === undefined ? 'does not exist' : `is ${account.status.toLowerCase()}`} in Xero. Add or activate it in Xero, or change the mapping in Pleo.`,
          `lines[${i}].account`,
        );
      }
      const code = line.tax?.code;
      if (line.role === 'expense' && code !== undefined && code !== null) {
        const rate = taxRates.get(code);
        if (rate === undefined || rate.status !== 'ACTIVE') {
          issue(
            'tax_code_unknown',
            `Tax type ${code} ${rate === undefined ? 'does not exist' : `is ${rate.status.toLowerCase()}`} in Xero. Add it in Xero or change the tax code in Pleo.`,
            `lines[${i}].tax.code`,
          );
        }
      }
    });
  }
  if (job.vendorBasedBookkeeping) {
    const bills = entries.filter(
      (e) => e.kind === 'supplier_invoice' && !/^[0-9a-f-]{36}$/i.test(e.vendor.externalId ?? ''),
    );
    const names = [...new Set(bills.map((e) => e.vendor?.name ?? ''))].filter((n) => n !== '');
    const found = names.length === 0 ? new Set<string>() : await findContactNames(client, names);
    for (const bill of bills) {
      if (!found.has(bill.vendor?.name ?? '')) {
        entryIssues.push({
          accountingEntryId: bill.accountingEntryId,
          reason: 'vendor_unknown',
          message: `Vendor "${bill.vendor?.name}" is not a contact in Xero. Create the contact in Xero or link the vendor in Pleo.`,
          field: 'vendor',
        });
      }
    }
  }
  return { jobIssues, entryIssues, lockedThrough: organisation.lockedThrough };
}
