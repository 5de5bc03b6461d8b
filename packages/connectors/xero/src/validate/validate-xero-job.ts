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
import {
  findContactNames,
  loadAccounts,
  loadOrganisation,
  loadTaxRates,
} from '../reference/xero-reference-data';

/**
 * Read-only readiness checks (issue #6 "validate()"), using only GETs:
 * - job level (always): `GET /Organisation` (reachable, base currency, lock dates → `lockedThrough`);
 *   with `cardSpendAs: bank_transaction`, the configured bank account exists, is ACTIVE and of type BANK;
 * - entry level (for each page of entries): every account code and tax type exists and is ACTIVE
 *   (`GET /Accounts`, `GET /TaxRates`, memoised per job); manual journals are in the base currency;
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

  if (ctx.config.cardSpendAs === 'bank_transaction' && entries.length === 0) {
    const accounts = await loadAccounts(ctx, client);
    const bank = accounts.get(ctx.config.bankAccountCode ?? '');
    if (bank === undefined || bank.status !== 'ACTIVE' || bank.type !== 'BANK') {
      jobIssues.push({
        reason: 'invalid_configuration',
        message: `Bank account "${ctx.config.bankAccountCode}" is not an active BANK account in Xero: fix bankAccountCode in the Xero configuration.`,
      });
    }
  }
  if (entries.length === 0) return { jobIssues, entryIssues, lockedThrough: organisation.lockedThrough };

  const [accounts, taxRates] = await Promise.all([loadAccounts(ctx, client), loadTaxRates(ctx, client)]);
  for (const entry of entries) {
    const issue = (reason: EntryIssue['reason'], message: string, field?: string) =>
      entryIssues.push({ accountingEntryId: entry.accountingEntryId, reason, message, field });
    const document = chooseDocument(entry, ctx.config);
    if (document === 'ManualJournals' && entry.currency !== organisation.baseCurrency) {
      issue(
        'validation_failure',
        `Xero manual journals are always in the organisation's base currency (${organisation.baseCurrency}), but this entry is in ${entry.currency}. Book it as a bank transaction or in a ${entry.currency} organisation.`,
        'currency',
      );
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
