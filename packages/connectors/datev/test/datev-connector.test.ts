import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type AccountingEntry, parseDecimalToMinorUnits } from '@ledgerport/core';
import {
  CANONICAL_FIXTURE_NAMES,
  canonicalEntries,
  canonicalJob,
  canonicalReceipts,
  createTestContext,
} from '@ledgerport/testkit';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { COLUMN, createDatevConnector, type DatevConfig, readBuchungsstapel } from '../src/index';
import { allLines, bookingBalances, lineBalances } from './support/ledger-balances';
import { FIXED_CLOCK, runDatevJob } from './support/run-job';

let directory: string;
beforeEach(() => {
  directory = mkdtempSync(join(tmpdir(), 'ledgerport-datev-connector-'));
});
afterEach(() => rmSync(directory, { recursive: true, force: true }));

/** The contract test's valid config (explicit VAT lines, rates for every canonical wallet currency). */
const configFor = (dir: string, patch: Record<string, unknown> = {}) => ({
  outputDirectory: dir,
  beraternummer: 29098,
  mandantennummer: 55003,
  chartOfAccounts: '04',
  vat: { mode: 'explicit_lines' },
  exchangeRates: { SEK: '11,2345', DKK: '7,4612', JPY: '163,25', USD: '1,0842' },
  ...patch,
});
const job = canonicalJob();
const files = () =>
  readdirSync(directory)
    .filter((name) => name.startsWith('EXTF_'))
    .sort();
const rowsOf = (name: string) => readBuchungsstapel(new Uint8Array(readFileSync(join(directory, name)))).rows;
const KWD = 'card-purchase-kwd';

describe('DATEV connector: post and amounts per canonical fixture (the contract suites, KWD excluded)', () => {
  for (const name of CANONICAL_FIXTURE_NAMES) {
    it(`${name}: ${name === KWD ? 'fails with missing_configuration naming exchangeRates.KWD' : 'books it, balanced to the minor unit per account'}`, async () => {
      const entry = canonicalEntries()[CANONICAL_FIXTURE_NAMES.indexOf(name)]!;
      const { posted, failures } = await runDatevJob(configFor(directory), [entry]);
      if (name === KWD) {
        expect(failures.map((f) => [f.error.reason, f.error.field])).toEqual([
          ['missing_configuration', 'exchangeRates.KWD'],
        ]);
        expect(files()).toEqual([]);
        return;
      }
      expect(failures).toEqual([]);
      expect(posted[0]!.result.externalId).toBe(entry.reference);
      const rows = files().flatMap(rowsOf);
      expect(rows.length).toBeGreaterThan(0);
      for (const row of rows) {
        expect(row[COLUMN.belegfeld1]).toBe(entry.reference);
        expect(row[COLUMN.wkzUmsatz]).toBe(entry.currency);
      }
      const toMinor = (umsatz: string) =>
        parseDecimalToMinorUnits(umsatz, entry.currency, { decimalSeparator: ',' });
      expect(bookingBalances(rows, toMinor)).toEqual(lineBalances(allLines(entry)));
    });
  }
});

describe('DATEV connector: validate (the contract suite, KWD excluded)', () => {
  it('job level: no issues, no writes; vendor-based bookkeeping and a missing directory are job issues', async () => {
    const connector = createDatevConnector();
    const ctx = createTestContext<DatevConfig>(connector, configFor(directory));
    expect(await connector.validate(ctx, ctx.job, [])).toEqual({ jobIssues: [], entryIssues: [] });
    const bad = createTestContext<DatevConfig>(connector, configFor(join(directory, 'missing')), {
      job: canonicalJob({ vendorBasedBookkeeping: true }),
    });
    const report = await connector.validate(bad, bad.job, []);
    expect(report.jobIssues.map((issue) => issue.reason)).toEqual([
      'invalid_configuration',
      'invalid_configuration',
    ]);
    expect(readdirSync(directory)).toEqual([]);
  });

  it('entry level: every canonical entry but KWD passes; KWD names exchangeRates.KWD', async () => {
    const connector = createDatevConnector();
    const ctx = createTestContext<DatevConfig>(connector, configFor(directory));
    const entries = canonicalEntries();
    const report = await connector.validate(ctx, ctx.job, entries);
    expect(report.jobIssues).toEqual([]);
    expect(report.entryIssues.map((issue) => [issue.accountingEntryId, issue.reason, issue.field])).toEqual([
      [
        entries[CANONICAL_FIXTURE_NAMES.indexOf(KWD)]!.accountingEntryId,
        'missing_configuration',
        'exchangeRates.KWD',
      ],
    ]);
    expect(readdirSync(directory)).toEqual([]);
  });

  it('BU-Schlüssel mode: job issue without any mapping; entry issue naming the unmapped tax code', async () => {
    const connector = createDatevConnector();
    const none = createTestContext<DatevConfig>(
      connector,
      configFor(directory, { vat: { mode: 'bu_schluessel' } }),
    );
    expect((await connector.validate(none, none.job, [])).jobIssues.map((i) => i.reason)).toEqual([
      'missing_configuration',
    ]);
    const ctx = createTestContext<DatevConfig>(
      connector,
      configFor(directory, { vat: { buSchluessel: { MP1: '9' }, automaticAccounts: ['1576'] } }),
    );
    const sek = canonicalEntries().filter((entry) => entry.currency === 'SEK');
    const report = await connector.validate(ctx, ctx.job, sek);
    expect(report.entryIssues.length).toBeGreaterThan(0);
    for (const issue of report.entryIssues) {
      expect(issue.reason).toBe('missing_configuration');
      expect(issue.field).toMatch(/^vat\.buSchluessel\./);
      expect(issue.message).toMatch(/has no BU-Schlüssel: add vat\.buSchluessel\["/);
    }
  });

  it('the config refuses a Kurs DATEV cannot write (below 1 per EUR), naming the field', () => {
    const result = createDatevConnector().configSchema.safeParse(
      configFor(directory, { exchangeRates: { KWD: '0,3321' } }),
    );
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path).toEqual(['exchangeRates', 'KWD']);
  });

  it('a non-EUR entry without a rate is missing_configuration naming exchangeRates.<CUR>', async () => {
    const connector = createDatevConnector();
    const ctx = createTestContext<DatevConfig>(connector, configFor(directory, { exchangeRates: {} }));
    const sek = canonicalEntries().find((entry) => entry.currency === 'SEK')!;
    const report = await connector.validate(ctx, ctx.job, [sek]);
    expect(report.entryIssues.map((i) => [i.reason, i.field])).toEqual([
      ['missing_configuration', 'exchangeRates.SEK'],
    ]);
  });
});

describe('DATEV connector: files', () => {
  const eur = () => canonicalEntries().filter((entry) => entry.currency === 'EUR');
  const inMonth = (entry: AccountingEntry, month: string): AccountingEntry => ({
    ...entry,
    postingDate: `2026-${month}-${entry.postingDate.slice(8, 10)}`,
  });

  it('BU-Schlüssel mode books gross with the key (net for reverse charge) and leaves VAT to DATEV', async () => {
    const [exclusive, reverse] = eur();
    const { failures } = await runDatevJob(
      configFor(directory, { vat: { buSchluessel: { DE19: '9', RC25: '94' } } }),
      [exclusive!, reverse!],
    );
    expect(failures).toEqual([]);
    const rows = files().flatMap(rowsOf);
    expect(rows.map((row) => [row[COLUMN.umsatz], row[COLUMN.sollHaben], row[COLUMN.buSchluessel]])).toEqual([
      ['119,00', 'S', '0009'],
      ['50,00', 'S', '0094'],
    ]);
  });

  it('writes one file per booking period, named EXTF_Buchungsstapel_<YYYYMM>_<job>.csv', async () => {
    const [a, b] = eur();
    const { artifacts } = await runDatevJob(configFor(directory), [inMonth(a!, '10'), inMonth(b!, '11')]);
    expect(files()).toEqual([
      `EXTF_Buchungsstapel_202610_${job.id}.csv`,
      `EXTF_Buchungsstapel_202611_${job.id}.csv`,
    ]);
    expect(artifacts).toEqual(files().map((name) => join(directory, name)));
    const header = readBuchungsstapel(new Uint8Array(readFileSync(join(directory, files()[1]!)))).header;
    expect([header[14], header[15]]).toEqual(['20261101', '20261130']);
  });

  it('staging twice keeps one booking set; a re-run after commit merges by Belegfeld 1 without duplicates', async () => {
    const entries = eur();
    await runDatevJob(configFor(directory), [entries[0]!, entries[0]!]);
    const once = files().flatMap(rowsOf);
    await runDatevJob(configFor(directory), entries);
    const merged = files().flatMap(rowsOf);
    const count = (rows: readonly (readonly string[])[], reference: string) =>
      rows.filter((row) => row[COLUMN.belegfeld1] === reference).length;
    expect(count(merged, entries[0]!.reference)).toBe(count(once, entries[0]!.reference));
    for (const entry of entries) expect(count(merged, entry.reference)).toBeGreaterThan(0);
  });

  it('writes receipts named by Belegfeld 1 and lists them in the manifest', async () => {
    const connector = createDatevConnector();
    const ctx = createTestContext<DatevConfig>(connector, configFor(directory), { clock: FIXED_CLOCK });
    const entry = eur()[0]!;
    const result = await connector.postEntry(ctx, entry);
    const { pdf, png } = canonicalReceipts();
    for (const [index, receipt] of [pdf, png].entries())
      await connector.attach!(ctx, { entry, result }, { ...receipt, index });
    await connector.commitJob!(ctx, { job: ctx.job, posted: [{ entry, result }] });
    expect(readdirSync(directory)).toContain(`${entry.reference}_1.pdf`);
    expect(readFileSync(join(directory, `${entry.reference}_2.png`)).equals(Buffer.from(png.bytes))).toBe(
      true,
    );
  });

  it('leaves Beleglink empty unless configured, then writes the Pleo link', async () => {
    const entry = { ...eur()[0]!, pleoUrl: 'https://app.pleo.io/export/items/1' };
    await runDatevJob(configFor(directory), [entry]);
    expect(files().flatMap(rowsOf)[0]![COLUMN.beleglink]).toBe('');
    rmSync(directory, { recursive: true, force: true });
    directory = mkdtempSync(join(tmpdir(), 'ledgerport-datev-connector-'));
    await runDatevJob(configFor(directory, { beleglink: true }), [entry]);
    expect(files().flatMap(rowsOf)[0]![COLUMN.beleglink]).toBe('https://app.pleo.io/export/items/1');
  });
});
