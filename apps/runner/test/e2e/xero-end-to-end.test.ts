import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  startXeroFakeServer,
  type XeroFakeSeed,
  type XeroFakeServer,
} from '@ledgerport/connector-xero/testing';
import { type AccountingEntry, mapExportItem } from '@ledgerport/core';
import type { ExportItemV3 } from '@ledgerport/pleo';
import { createPleoSandbox, generateSeedItems } from '@ledgerport/pleo-sandbox';
import { afterAll, describe, expect, it } from 'vitest';
import { DEMO_XERO_TENANT_ID, xeroSeedForExportItems } from '../../src/demo-erp/xero-seed-for-export-items';
import { runLedgerport } from '../support/cli-process';

const root = mkdtempSync(join(tmpdir(), 'ledgerport-e2e-xero-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** Company mapping of the seed company (its tax codes carry no VAT accounts; a wallet per currency). */
const MAPPING = {
  inputVatAccount: '2641',
  outputVatAccount: '2614',
  payablesAccount: '2440',
  contraAccounts: { DKK: '5810', SEK: '1940', EUR: '1210' },
};

/**
 * Every other item of the first 51 seed items: each of the 17 item types once or twice, all three
 * wallets (DKK, SEK, EUR), all tax scenarios, receipts — 26 items, which stay within Xero's 60 calls per
 * minute (the connector's limiter runs at Xero's real rate in the CLI), so the run takes seconds.
 */
function seedItems(seed: number): ExportItemV3[] {
  return generateSeedItems({ companyId: 'replaced-by-seedCompany', seed, count: 51 }).filter(
    (_, i) => i % 2 === 0,
  );
}

interface RunJson {
  ok: boolean;
  companies: {
    companyId: string;
    error?: string;
    jobs: {
      jobId: string;
      status: string;
      final: boolean;
      successful: number;
      failed: number;
      failuresByReason: Record<string, number>;
    }[];
  }[];
}

/** Core's entry for a seed item, with the company mapping (as the runner maps it). */
function entryOf(item: ExportItemV3): AccountingEntry {
  const mapped = mapExportItem(item, MAPPING);
  if (!mapped.ok)
    throw new Error(`seed item ${item.accountingEntryId} does not map: ${mapped.error.message}`);
  return mapped.entry;
}

/**
 * A supplier credit (chargeback, cashback… under accounts payable): a supplier-invoice entry whose
 * expense lines are credits. The Xero connector books these as ACCPAYCREDIT credit notes.
 */
function isSupplierCredit(entry: AccountingEntry): boolean {
  return (
    entry.kind === 'supplier_invoice' && entry.lines.some((l) => l.role === 'expense' && l.side === 'credit')
  );
}

/** Σ debit / Σ credit of lines in minor units. */
function sums(lines: AccountingEntry['lines']): { debit: number; credit: number } {
  let debit = 0;
  let credit = 0;
  for (const line of lines) {
    if (line.side === 'debit') debit += line.amount;
    else credit += line.amount;
  }
  return { debit, credit };
}

/**
 * Starts a sandbox with the seed company (items of {@link seedItems}) and a Xero fake over loopback
 * seeded by `xeroSeed(items)`, runs `ledgerport run --once --json` in a child process against both and
 * returns what is needed to check the result.
 */
async function runAgainstXero(xeroSeed: (items: readonly ExportItemV3[]) => XeroFakeSeed) {
  const sandbox = createPleoSandbox();
  const seeded = sandbox.seedCompany({ items: seedItems(7) });
  const pleo = await sandbox.listen({ port: 0 });
  let xero: XeroFakeServer | undefined;
  const dir = mkdtempSync(join(root, 'case-'));
  try {
    xero = await startXeroFakeServer({ seed: xeroSeed(seeded.items) });
    const { clientId, clientSecret, refreshToken } = xero.fake.options;
    writeFileSync(
      join(dir, 'ledgerport.config.json'),
      JSON.stringify({
        pleo: { baseUrl: pleo.url, auth: { type: 'apiKey', apiKey: 'env:PLEO_API_KEY' } },
        companies: {
          [seeded.companyId]: {
            name: 'Sandbox seed company',
            connector: 'xero',
            config: {
              clientId,
              tenantId: DEMO_XERO_TENANT_ID,
              trackingCategories: { PROJECT: 'Project', DEPARTMENT: 'Department' },
              ...xero.urls,
            },
            secrets: { clientSecret: 'env:XERO_CLIENT_SECRET', refreshToken: 'env:XERO_REFRESH_TOKEN' },
            mapping: MAPPING,
          },
        },
        store: { type: 'sqlite', path: 'state/ledgerport.db' },
      }),
    );
    const secrets = [seeded.apiKey, clientSecret, refreshToken];
    const env = {
      PLEO_API_KEY: seeded.apiKey,
      XERO_CLIENT_SECRET: clientSecret,
      XERO_REFRESH_TOKEN: refreshToken,
    };
    const run = await runLedgerport(['run', '--once', '--json'], { cwd: dir, env });
    return {
      run,
      secrets,
      seeded,
      job: sandbox.getJob(seeded.jobId),
      jobItems: sandbox.getJobItems(seeded.jobId),
      events: sandbox.getEvents(seeded.jobId),
      documents: await xero.fake.listDocuments(),
      fakeDocuments: xero.fake.documents(),
      specViolations: [...xero.fake.specViolations],
    };
  } finally {
    await xero?.close();
    await pleo.close();
  }
}

describe('ledgerport run --once with the Xero connector against the sandbox seed company', () => {
  it('posts the seed company to Xero: one document per item under the reported id, amounts and receipts conserved; supplier credits as credit notes', async () => {
    const result = await runAgainstXero((items) =>
      xeroSeedForExportItems(items, { baseCurrency: 'DKK', mapping: MAPPING }),
    );
    const { run, seeded, job, jobItems } = result;
    expect(run.code, run.stderr).toBe(0);
    const json = JSON.parse(run.stdout) as RunJson;
    expect(json.ok).toBe(true);
    const jobResult = json.companies[0]?.jobs[0];
    expect(jobResult).toMatchObject({ jobId: seeded.jobId, final: true, status: job.status });

    // The sandbox recorded the final state: every item final and successful, one final job event.
    // The seed includes supplier credits (accounts-payable refunds, chargebacks, cashback): they are
    // booked as ACCPAYCREDIT credit notes.
    const itemById = new Map(seeded.items.map((i) => [i.accountingEntryId, i]));
    const credits = new Set(
      seeded.items.filter((i) => isSupplierCredit(entryOf(i))).map((i) => i.accountingEntryId),
    );
    expect(credits.size).toBeGreaterThan(0);
    expect(job.status).toBe('completed');
    expect(jobItems.filter((i) => i.status !== 'successful')).toEqual([]);
    expect(jobResult?.successful).toBe(seeded.items.length);
    expect(jobResult?.failuresByReason).toEqual({});
    expect(result.events.filter((e) => e.event !== 'started').map((e) => e.event)).toEqual(['completed']);
    expect(result.specViolations).toEqual([]);

    const byId = new Map(result.documents.map((d) => [d.externalId, d]));
    const currencies = new Set<string>();
    for (const jobItem of jobItems.filter((i) => i.status === 'successful')) {
      const item = itemById.get(jobItem.accountingEntryId);
      if (item === undefined) throw new Error(`unknown item ${jobItem.accountingEntryId}`);
      const entry = entryOf(item);
      // externalId is the Xero document GUID; the link opens it in Xero.
      expect(jobItem.externalId).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
      expect(jobItem.externalUrl).toMatch(/^https:\/\/go\.xero\.com\//);
      const document = byId.get(jobItem.externalId ?? '');
      expect(document, `no Xero document for item ${entry.accountingEntryId}`).toBeDefined();
      // Amounts conserved: Xero's ledger for the document books exactly core's Σ debit = Σ credit.
      const expected = sums(entry.lines);
      expect({ currency: document?.currency, debit: document?.debit, credit: document?.credit }).toEqual({
        currency: entry.currency,
        ...expected,
      });
      currencies.add(entry.currency);
      // A paid supplier invoice: the bill plus a payment of the payment's amount.
      if (entry.kind === 'supplier_invoice' && entry.payment !== undefined) {
        const bill = result.fakeDocuments.find((d) => d.id === jobItem.externalId);
        expect(bill?.kind).toBe(credits.has(entry.accountingEntryId) ? 'CreditNotes' : 'Invoices');
        expect(bill?.payments.map((p) => p.amount)).toEqual([sums(entry.payment.lines).debit]);
      }
      // Every receipt is attached to its document.
      expect(document?.attachments.length).toBe(item.files?.length ?? 0);
    }
    // Base-currency entries are manual journals, the others bank transactions in their own currency.
    expect([...currencies].sort()).toEqual(['DKK', 'EUR', 'SEK']);
    // One Xero document (plus its payment) per item, nothing else.
    expect(result.fakeDocuments.length).toBe(jobItems.length);
    for (const secret of result.secrets) {
      expect(run.stdout).not.toContain(secret);
      expect(run.stderr).not.toContain(secret);
    }
  });

  it('fails the items Xero cannot book (unknown account, unknown tax rate) with their reasons and posts the rest', async () => {
    const items = seedItems(7);
    // Take away one expense account and one tax rate of the organisation.
    const expenseAccount = items[0]?.accountingEntryLines[0]?.account?.code ?? '';
    const taxCode =
      items.flatMap((i) => i.accountingEntryLines).find((l) => l.tax?.code?.endsWith('-I25'))?.tax?.code ??
      '';
    expect(expenseAccount).not.toBe('');
    expect(taxCode).not.toBe('');
    const result = await runAgainstXero((seeded) => {
      const full = xeroSeedForExportItems(seeded, { baseCurrency: 'DKK', mapping: MAPPING });
      return {
        ...full,
        accounts: full.accounts.filter((a) => a.Code !== expenseAccount),
        taxRates: full.taxRates.filter((t) => t.TaxType !== taxCode),
      };
    });
    const { run, job, jobItems, seeded } = result;
    // Every job reached a final state, so the run succeeds even though items failed.
    expect(run.code, run.stderr).toBe(0);
    const json = JSON.parse(run.stdout) as RunJson;
    const jobResult = json.companies[0]?.jobs[0];
    expect(job.status).toBe('completed_with_errors');
    expect(jobResult).toMatchObject({ status: 'completed_with_errors', final: true });

    const itemById = new Map(seeded.items.map((i) => [i.accountingEntryId, i]));
    const usesAccount = (item: ExportItemV3 | undefined) =>
      item?.accountingEntryLines.some((l) => l.account?.code === expenseAccount) === true;
    const usesTax = (item: ExportItemV3 | undefined) =>
      item?.accountingEntryLines.some((l) => l.tax?.code === taxCode) === true;
    const failed = jobItems.filter((i) => i.status === 'failed');
    const successful = jobItems.filter((i) => i.status === 'successful');
    expect(failed.length).toBeGreaterThan(0);
    expect(successful.length).toBeGreaterThan(0);
    expect(failed.length + successful.length).toBe(jobItems.length);
    for (const item of failed) {
      const source = itemById.get(item.accountingEntryId);
      // Each failure names what Xero lacks, with a reason Pleo shows the bookkeeper.
      expect(usesAccount(source) || usesTax(source), item.accountingEntryId).toBe(true);
      expect(['account_unknown', 'tax_code_unknown']).toContain(item.failureReasonType);
      const named = item.failureReasonType === 'account_unknown' ? expenseAccount : taxCode;
      expect(item.failureReason).toContain(named);
    }
    expect(failed.some((i) => i.failureReasonType === 'account_unknown')).toBe(true);
    expect(failed.some((i) => i.failureReasonType === 'tax_code_unknown')).toBe(true);
    for (const item of successful) {
      const source = itemById.get(item.accountingEntryId);
      expect(usesAccount(source) || usesTax(source)).toBe(false);
    }
    // Nothing of a failed item reached Xero; every successful one did.
    const ids = new Set(result.documents.map((d) => d.externalId));
    for (const item of successful) expect(ids.has(item.externalId ?? '')).toBe(true);
    expect(result.fakeDocuments.length).toBe(successful.length);
    expect(jobResult?.failuresByReason).toEqual(
      Object.fromEntries(
        [...new Set(failed.map((i) => i.failureReasonType ?? ''))].map((r) => [
          r,
          failed.filter((i) => i.failureReasonType === r).length,
        ]),
      ),
    );
  });
});
