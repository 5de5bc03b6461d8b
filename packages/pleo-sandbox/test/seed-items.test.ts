import { exportItemTypeSchema, exportItemV3Schema } from '@ledgerport/pleo';
import { describe, expect, it } from 'vitest';
import { createPleoSandbox, generateSeedItems } from '../src/index';

const COMPANY = '6f1a9f0e-3c57-4d2b-9a51-0c8f3e2d1b7a';
const items = generateSeedItems({ companyId: COMPANY, seed: 42 });
const lines = items.flatMap((item) => item.accountingEntryLines);

describe('generateSeedItems', () => {
  it('is deterministic per seed and differs across seeds', () => {
    expect(generateSeedItems({ companyId: COMPANY, seed: 42 })).toEqual(items);
    expect(generateSeedItems({ companyId: COMPANY, seed: 43 })[0]!.accountingEntryId).not.toBe(
      items[0]!.accountingEntryId,
    );
  });

  it('produces at least 60 zod-valid items with unique ids for the company', () => {
    expect(items.length).toBeGreaterThanOrEqual(60);
    for (const item of items) expect(exportItemV3Schema.safeParse(item).error).toBeUndefined();
    expect(new Set(items.map((item) => item.accountingEntryId)).size).toBe(items.length);
    expect(new Set(lines.map((line) => line.accountingEntryLineId)).size).toBe(lines.length);
    expect(items.every((item) => item.companyId === COMPANY)).toBe(true);
  });

  it('covers every ExportItemTypeV3', () => {
    expect(new Set(items.map((item) => item.type))).toEqual(new Set(exportItemTypeSchema.options));
  });

  it('covers tax inclusive, exclusive, reverse, zero-rated and no tax', () => {
    const kinds = new Set(
      lines.map((line) => (line.tax == null ? 'none' : line.tax.rate === 0 ? 'zero' : line.tax.type)),
    );
    expect(kinds).toEqual(new Set(['inclusive', 'exclusive', 'reverse', 'zero', 'none']));
    const reverse = lines.find((line) => line.tax?.type === 'reverse')!;
    expect(reverse.tax).toMatchObject({
      ingoingTaxAccount: expect.any(String),
      outgoingTaxAccount: expect.any(String),
    });
  });

  it('keeps amounts consistent in minor units in both currencies', () => {
    for (const item of items) {
      for (const side of ['inWalletCurrency', 'inSupplierCurrency'] as const) {
        const sum = item.accountingEntryLines.reduce((total, line) => total + line.lineAmount[side].value, 0);
        expect(sum, `${item.accountingEntryId} ${side}`).toBe(item.amount[side].value);
        for (const line of item.accountingEntryLines) {
          const lineValue = line.lineAmount[side].value;
          const net = line.netAmount[side].value;
          const tax = line.tax?.amount[side].value ?? 0;
          for (const value of [lineValue, net, tax]) expect(Number.isInteger(value)).toBe(true);
          if (line.tax?.type === 'inclusive') expect(net).toBe(lineValue - tax);
          else if (line.tax?.type === 'exclusive') expect(lineValue).toBe(net + tax);
          else expect(net).toBe(lineValue);
          if (line.tax?.type === 'reverse') expect(tax).toBeGreaterThan(0);
          if (line.tax?.rate === 0) expect(tax).toBe(0);
          expect(line.lineAmount[side].currency).toBe(item.amount[side].currency);
        }
      }
    }
  });

  it('has split entries, three wallet currencies and foreign supplier currencies', () => {
    expect(items.some((item) => item.accountingEntryLines.length >= 3)).toBe(true);
    expect(items.some((item) => item.accountingEntryLines.length === 2)).toBe(true);
    expect(new Set(items.map((item) => item.amount.inWalletCurrency.currency))).toEqual(
      new Set(['DKK', 'SEK', 'EUR']),
    );
    const foreign = items.filter(
      (item) => item.amount.inSupplierCurrency.currency !== item.amount.inWalletCurrency.currency,
    );
    expect(
      new Set(foreign.map((item) => item.amount.inSupplierCurrency.currency)).size,
    ).toBeGreaterThanOrEqual(3);
  });

  it('has tags (PROJECT, DEPARTMENT), teams, vendors, every bookkeeping method and a contra account per wallet currency', () => {
    const groups = new Set(lines.flatMap((line) => line.tags ?? []).map((tag) => tag.groupCode));
    expect(groups).toEqual(new Set(['PROJECT', 'DEPARTMENT']));
    expect(new Set(items.map((item) => item.team?.name).filter(Boolean)).size).toBe(3);
    expect(items.some((item) => item.vendor)).toBe(true);
    expect(new Set(items.map((item) => item.bookkeeping?.method ?? null))).toEqual(
      new Set(['journal', 'accounts_payable', 'none', null]),
    );
    for (const item of items.filter((i) => i.bookkeeping?.method === 'accounts_payable' && i.supplier)) {
      expect(item.vendor, item.type).toBeTruthy();
    }
    const contraByCurrency = new Map<string, Set<string>>();
    for (const item of items) {
      if (!item.contraAccount) continue;
      const currency = item.amount.inWalletCurrency.currency;
      contraByCurrency.set(
        currency,
        (contraByCurrency.get(currency) ?? new Set()).add(item.contraAccount.id),
      );
    }
    expect([...contraByCurrency.keys()].sort()).toEqual(['DKK', 'EUR', 'SEK']);
    for (const ids of contraByCurrency.values()) expect(ids.size).toBe(1);
  });

  it('has notes with å, ø, ü and é, and 0–3 receipt files per item', () => {
    const notes = items.map((item) => item.note ?? '').join(' ');
    for (const ch of ['å', 'ø', 'ü', 'é']) expect(notes).toContain(ch);
    const counts = new Set(items.map((item) => item.files?.length ?? 0));
    expect(counts).toEqual(new Set([0, 1, 2, 3]));
  });

  it('seeds 100,000 items lazily: the job exists and any page is served without materialising the rest', () => {
    const sandbox = createPleoSandbox();
    const seeded = sandbox.seedCompany({ itemCount: 100_000 });
    expect(sandbox.getJob(seeded.jobId).numberOfItems).toBe(100_000);
    const sameSeed = generateSeedItems({ companyId: seeded.companyId, seed: 1, count: 2 });
    expect(seeded.items.slice(0, 2)).toEqual(sameSeed);
    expect(seeded.items).toHaveLength(100_000);
  });
});
