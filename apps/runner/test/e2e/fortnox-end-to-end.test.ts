import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { referenceMarker } from '@ledgerport/connector-fortnox';
import { createFortnoxFake, type FortnoxFake } from '@ledgerport/connector-fortnox/testing';
import { type AccountingEntry, mapExportItem } from '@ledgerport/core';
import type { ExportItemV3 } from '@ledgerport/pleo';
import { createPleoSandbox, generateSeedItems } from '@ledgerport/pleo-sandbox';
import { type ServedHandlers, serveMswHandlers } from '@ledgerport/testkit/http-fake';
import { afterAll, describe, expect, it } from 'vitest';
import { fortnoxSeedForExportItems } from '../../src/demo-erp/fortnox-seed-for-export-items';
import { runLedgerport } from '../support/cli-process';

const root = mkdtempSync(join(tmpdir(), 'ledgerport-e2e-fortnox-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** The seed company's mapping on the BAS chart (VAT 2641/2614, payables 2440, a wallet per currency). */
const MAPPING = {
  inputVatAccount: '2641',
  outputVatAccount: '2614',
  payablesAccount: '2440',
  contraAccounts: { DKK: '5810', SEK: '1940', EUR: '1210' },
};

/** Seed indices: SEK-wallet items (17–33) incl. paid supplier invoices and receipts, one DKK and one EUR item. */
const SEK_ITEMS = [17, 19, 23];
const OTHER_CURRENCY_ITEMS = [0, 34];

/**
 * Seed items of the sandbox's seed company. Few on purpose: the connector in the CLI keeps Fortnox's
 * real limit (25 requests per 5 s per token, smoothed to one request per 200 ms): these 5 items need 19
 * requests (about 4 s).
 */
function seedItems(seed: number): ExportItemV3[] {
  return generateSeedItems({ companyId: 'replaced-by-seedCompany', seed, count: 35 }).filter(
    (_, i) => SEK_ITEMS.includes(i) || OTHER_CURRENCY_ITEMS.includes(i),
  );
}

/** Core's entry for a seed item with the company mapping, as the runner maps it. */
function entryOf(item: ExportItemV3): AccountingEntry {
  const mapped = mapExportItem(item, MAPPING);
  if (!mapped.ok)
    throw new Error(`seed item ${item.accountingEntryId} does not map: ${mapped.error.message}`);
  return mapped.entry;
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

interface RunJson {
  ok: boolean;
  companies: {
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

describe('ledgerport run --once with the Fortnox connector against the sandbox seed company', () => {
  it('books each SEK item as a voucher under the reported id (payments too), amounts and receipts conserved; other currencies fail with the reason', async () => {
    const sandbox = createPleoSandbox();
    const seeded = sandbox.seedCompany({ items: seedItems(7) });
    const pleo = await sandbox.listen({ port: 0 });
    let served: ServedHandlers | undefined;
    let fake: FortnoxFake | undefined;
    const dir = mkdtempSync(join(root, 'case-'));
    try {
      const seed = fortnoxSeedForExportItems(seeded.items, {
        mapping: MAPPING,
        today: sandbox.clock.now().toISOString().slice(0, 10),
      });
      served = await serveMswHandlers((url) => {
        fake = createFortnoxFake({ apiBaseUrl: `${url}/api`, tokenBaseUrl: `${url}/auth`, seed });
        return fake.handlers;
      });
      if (fake === undefined) throw new Error('the Fortnox fake was not created');
      await fake.ready();
      const { clientId, clientSecret, refreshToken, apiBaseUrl, tokenBaseUrl } = fake.options;
      writeFileSync(
        join(dir, 'ledgerport.config.json'),
        JSON.stringify({
          pleo: { baseUrl: pleo.url, auth: { type: 'apiKey', apiKey: 'env:PLEO_API_KEY' } },
          companies: {
            [seeded.companyId]: {
              name: 'Sandbox seed company',
              connector: 'fortnox',
              // The seed's tag groups: PROJECT → Project, DEPARTMENT → CostCenter.
              config: { clientId, apiBaseUrl, tokenBaseUrl, costCenterDimension: 'DEPARTMENT' },
              secrets: {
                clientSecret: 'env:FORTNOX_CLIENT_SECRET',
                refreshToken: 'env:FORTNOX_REFRESH_TOKEN',
              },
              mapping: MAPPING,
            },
          },
          store: { type: 'sqlite', path: 'state/ledgerport.db' },
        }),
      );
      const secrets = [seeded.apiKey, clientSecret, refreshToken];
      const run = await runLedgerport(['run', '--once', '--json'], {
        cwd: dir,
        env: {
          PLEO_API_KEY: seeded.apiKey,
          FORTNOX_CLIENT_SECRET: clientSecret,
          FORTNOX_REFRESH_TOKEN: refreshToken,
        },
      });
      expect(run.code, run.stderr).toBe(0);
      const json = JSON.parse(run.stdout) as RunJson;
      const jobResult = json.companies[0]?.jobs[0];
      const job = sandbox.getJob(seeded.jobId);
      expect(job.status).toBe('completed_with_errors');
      expect(jobResult).toMatchObject({ jobId: seeded.jobId, final: true, status: job.status });
      expect(sandbox.getEvents(seeded.jobId).filter((e) => e.event !== 'started')).toHaveLength(1);
      expect(fake.specViolations).toEqual([]);

      const jobItems = sandbox.getJobItems(seeded.jobId);
      const itemById = new Map(seeded.items.map((i) => [i.accountingEntryId, i]));
      const documents = new Map((await fake.listDocuments()).map((d) => [d.externalId, d]));
      const vouchers = fake.vouchers();
      let payments = 0;
      let receipts = 0;
      for (const jobItem of jobItems) {
        const item = itemById.get(jobItem.accountingEntryId);
        if (item === undefined) throw new Error(`unknown item ${jobItem.accountingEntryId}`);
        const entry = entryOf(item);
        if (entry.currency !== 'SEK') {
          // Fortnox vouchers carry no currency: the bookkeeper is told why and what to do.
          expect(jobItem.status).toBe('failed');
          expect(jobItem.failureReasonType).toBe('validation_failure');
          expect(jobItem.failureReason).toContain(`The entry is in ${entry.currency}`);
          expect(jobItem.failureReason).toContain('SEK');
          expect(vouchers.some((v) => v.referenceNumber?.includes(entry.accountingEntryId))).toBe(false);
          continue;
        }
        expect(jobItem.status, jobItem.failureReason ?? '').toBe('successful');
        // externalId = {financialYear}/{series}/{number} of the voucher in series A.
        expect(jobItem.externalId).toMatch(/^\d+\/A\/\d+$/);
        const document = documents.get(jobItem.externalId ?? '');
        expect(document, `no voucher for item ${entry.accountingEntryId}`).toBeDefined();
        expect({ currency: document?.currency, debit: document?.debit, credit: document?.credit }).toEqual({
          currency: 'SEK',
          ...sums(entry.lines),
        });
        expect(document?.attachments.length).toBe(item.files?.length ?? 0);
        receipts += item.files?.length ?? 0;
        // A paid supplier invoice: its payment is a second voucher with the payment marker.
        const payment = vouchers.filter(
          (v) => v.referenceNumber === referenceMarker(entry.idempotencyKey, 'payment'),
        );
        if (entry.kind === 'supplier_invoice' && entry.payment !== undefined) {
          payments += 1;
          expect(payment).toHaveLength(1);
          const rows = payment[0]?.rows ?? [];
          // The fake keeps its ledger rows in öre (integer minor units).
          const debit = rows.reduce((sum, r) => sum + r.Debit, 0);
          expect(debit).toBe(sums(entry.payment.lines).debit);
        } else {
          expect(payment).toHaveLength(0);
        }
      }
      expect(jobResult?.successful).toBe(SEK_ITEMS.length);
      expect(jobResult?.failuresByReason).toEqual({ validation_failure: OTHER_CURRENCY_ITEMS.length });
      // The chosen items exercise payments and receipts; one voucher per entry and per payment, no more.
      expect(payments).toBeGreaterThan(0);
      expect(receipts).toBeGreaterThan(0);
      expect(vouchers).toHaveLength(SEK_ITEMS.length + payments);
      for (const secret of secrets) {
        expect(run.stdout).not.toContain(secret);
        expect(run.stderr).not.toContain(secret);
      }
    } finally {
      await served?.close();
      await pleo.close();
    }
  });
});
