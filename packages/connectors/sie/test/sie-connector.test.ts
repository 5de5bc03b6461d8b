import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AccountingEntry } from '@ledgerport/core';
import {
  CANONICAL_FIXTURE_NAMES,
  canonicalEntries,
  canonicalJob,
  canonicalReceipts,
  createTestContext,
} from '@ledgerport/testkit';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createSieConnector, readSieDocument, type SieConfig, voucherKey } from '../src/index';
import { FIXED_CLOCK, runSieJob } from './support/run-job';
import { seedEntries } from './support/seed-entries';

let directory: string;
beforeEach(() => {
  directory = mkdtempSync(join(tmpdir(), 'ledgerport-sie-connector-'));
});
afterEach(() => rmSync(directory, { recursive: true, force: true }));

const configFor = (dir: string) => ({
  outputDirectory: dir,
  companyName: 'Övningsbolaget AB',
  organizationNumber: '556677-8899',
  voucherSeries: 'P',
  voucherNumberStart: 1,
  dimensions: { PROJECT: { number: 6, name: 'Projekt' } },
});
const sekEntries = (): AccountingEntry[] => canonicalEntries().filter((entry) => entry.currency === 'SEK');
const jobFile = () => join(directory, `${canonicalJob().id}.si`);
const keysInFile = () =>
  readSieDocument(new Uint8Array(readFileSync(jobFile()))).document.vouchers.map((v) => voucherKey(v.text));

describe('SIE connector', () => {
  it('stages idempotently: posting the same entry twice keeps one voucher and returns the same externalId', async () => {
    const [entry] = sekEntries();
    const { posted, artifacts } = await runSieJob(configFor(directory), [entry!, entry!]);
    expect(posted[0]!.result.externalId).toBe('P1');
    expect(posted[1]!.result.externalId).toBe('P1');
    expect(artifacts).toEqual([jobFile()]);
    expect(keysInFile()).toEqual([entry!.idempotencyKey]);
  });

  it('a re-run after a crash between commit and reporting merges by reference: no duplicate vouchers', async () => {
    const entries = sekEntries();
    expect(entries.length).toBeGreaterThanOrEqual(4);
    const first = await runSieJob(configFor(directory), entries.slice(0, 3));
    const before = readFileSync(jobFile());
    const rerun = await runSieJob(configFor(directory), entries);
    expect(rerun.posted.slice(0, 3).map((p) => p.result.externalId)).toEqual(
      first.posted.map((p) => p.result.externalId),
    );
    const keys = keysInFile();
    expect(new Set(keys).size).toBe(entries.length);
    expect(keys.filter((key) => key === entries[0]!.idempotencyKey)).toHaveLength(1);
    const after = readFileSync(jobFile());
    const cut = before.indexOf('#KSUMMA ', 20);
    expect(
      after.subarray(0, cut).equals(before.subarray(0, cut)),
      'earlier vouchers must be kept byte for byte',
    ).toBe(true);
  });

  it('copies receipts beside the file as <voucher>-<n>.<ext> with a manifest, once across re-runs', async () => {
    const connector = createSieConnector();
    const ctx = createTestContext<SieConfig>(connector, configFor(directory), { clock: FIXED_CLOCK });
    const entry = sekEntries()[0]!;
    const result = await connector.postEntry(ctx, entry);
    const { pdf, png } = canonicalReceipts();
    for (const [index, receipt] of [pdf, png].entries()) {
      await connector.attach!(ctx, { entry, result }, { ...receipt, index });
    }
    await connector.commitJob!(ctx, { job: ctx.job, posted: [{ entry, result }] });
    expect(readdirSync(directory).sort()).toEqual(
      [`${ctx.job.id}.receipts.json`, `${ctx.job.id}.si`, 'P1-1.pdf', 'P1-2.png'].sort(),
    );
    expect(readFileSync(join(directory, 'P1-1.pdf')).equals(Buffer.from(pdf.bytes))).toBe(true);
    const again = createSieConnector();
    const ctx2 = createTestContext<SieConfig>(again, configFor(directory), { clock: FIXED_CLOCK });
    const result2 = await again.postEntry(ctx2, entry);
    await again.attach!(ctx2, { entry, result: result2 }, { ...pdf, index: 0 });
    await again.commitJob!(ctx2, { job: ctx2.job, posted: [{ entry, result: result2 }] });
    const manifest = JSON.parse(readFileSync(join(directory, `${ctx.job.id}.receipts.json`), 'utf8')) as {
      receipts: { voucher: string; file: string }[];
    };
    expect(manifest.receipts.map((r) => [r.voucher, r.file])).toEqual([
      ['P1', 'P1-1.pdf'],
      ['P1', 'P1-2.png'],
    ]);
  });

  it('writes a paid supplier invoice as an invoice voucher and a payment voucher', async () => {
    const invoice = seedEntries({ inputVatAccount: '2641' }).find(
      (entry) => entry.kind === 'supplier_invoice' && entry.payment !== undefined,
    );
    expect(invoice).toBeDefined();
    const { artifacts } = await runSieJob(configFor(directory), [invoice!]);
    const { document } = readSieDocument(new Uint8Array(readFileSync(artifacts[0]!)));
    expect(document.vouchers.map((v) => [v.number, voucherKey(v.text)])).toEqual([
      ['1', invoice!.idempotencyKey],
      ['2', invoice!.idempotencyKey],
    ]);
  });

  it('validate: job level checks the output directory and vendor-based bookkeeping without writing', async () => {
    const connector = createSieConnector();
    const ctx = createTestContext<SieConfig>(connector, configFor(join(directory, 'missing')), {
      job: canonicalJob({ vendorBasedBookkeeping: true }),
    });
    const report = await connector.validate(ctx, ctx.job, []);
    expect(report.jobIssues.map((issue) => issue.reason)).toEqual([
      'invalid_configuration',
      'invalid_configuration',
    ]);
    expect(report.jobIssues[1]!.message).toMatch(/outputDirectory ".*missing" cannot be used \(ENOENT\)/);
    expect(readdirSync(directory)).toEqual([]);
  });

  it('validate: names a missing contra/VAT account and an object id CP437 cannot hold', async () => {
    const connector = createSieConnector();
    const ctx = createTestContext<SieConfig>(connector, configFor(directory));
    const [entry] = sekEntries();
    const contraIndex = entry!.lines.findIndex((line) => line.role === 'contra');
    const noContra = {
      ...entry!,
      lines: entry!.lines.map((line, i) => (i === contraIndex ? { ...line, account: '' } : line)),
    } as AccountingEntry;
    const danish = {
      ...entry!,
      accountingEntryId: 'dk',
      lines: entry!.lines.map((line) => ({ ...line, dimensions: [{ dimension: 'PROJECT', value: 'ØKO' }] })),
    } as AccountingEntry;
    const report = await connector.validate(ctx, ctx.job, [noContra, danish]);
    expect(report.entryIssues).toEqual([
      expect.objectContaining({
        reason: 'missing_configuration',
        field: `lines[${contraIndex}].account`,
        message: expect.stringContaining('contraAccounts.SEK'),
      }),
      expect.objectContaining({
        accountingEntryId: 'dk',
        reason: 'validation_failure',
        field: 'lines[0].dimensions.PROJECT',
      }),
    ]);
    expect(readdirSync(directory)).toEqual([]);
  });

  it('books reverse charge on both sides: deductible VAT on 2645, self-assessed VAT on 2614', async () => {
    const reverse = canonicalEntries().find((entry) =>
      entry.lines.some((line) => line.tax?.type === 'reverse'),
    )!;
    const { artifacts } = await runSieJob(configFor(directory), [reverse]);
    const [voucher] = readSieDocument(new Uint8Array(readFileSync(artifacts[0]!))).document.vouchers;
    const vat = reverse.lines.find((line) => line.role === 'input_vat')!.amount;
    expect(
      voucher!.transactions
        .filter((t) => ['2645', '2614'].includes(t.account))
        .map((t) => [t.account, t.amount]),
    ).toEqual([
      ['2645', vat],
      ['2614', -vat],
    ]);
  });

  it('maps every canonical fixture (one file per wallet currency, #VALUTA for non-SEK)', async () => {
    const entries = canonicalEntries();
    expect(entries).toHaveLength(CANONICAL_FIXTURE_NAMES.length);
    const { failures, artifacts } = await runSieJob(configFor(directory), entries);
    expect(failures).toEqual([]);
    const currencies = new Set(entries.map((entry) => entry.currency));
    expect(artifacts.filter((path) => path.endsWith('.si'))).toHaveLength(currencies.size);
    for (const path of artifacts) {
      const { document } = readSieDocument(new Uint8Array(readFileSync(path)));
      for (const voucher of document.vouchers)
        expect(voucher.transactions.reduce((s, t) => s + t.amount, 0)).toBe(0);
    }
  });
});
