import { generateSeedItems } from '@ledgerport/pleo-sandbox';
import { describe, expect, it } from 'vitest';
import { fortnoxSeedForExportItems } from '../../src/demo-erp/fortnox-seed-for-export-items';
import { DEMO_XERO_TENANT_ID, xeroSeedForExportItems } from '../../src/demo-erp/xero-seed-for-export-items';

const items = generateSeedItems({ companyId: '3f1d2c4b-5a69-4788-9abc-def012345678', seed: 5, count: 60 });
const mapping = {
  inputVatAccount: '2641',
  outputVatAccount: '2614',
  payablesAccount: '2440',
  contraAccounts: { DKK: '5810', SEK: '1940', EUR: '1210' },
};

describe('xeroSeedForExportItems', () => {
  const seed = xeroSeedForExportItems(items, { baseCurrency: 'DKK', mapping });

  it('holds every account the items book to: wallets as BANK, lines as EXPENSE, VAT and payables as CURRLIAB', () => {
    const byCode = new Map(seed.accounts.map((a) => [a.Code, a.Type]));
    for (const item of items) {
      if (item.contraAccount?.code) expect(byCode.get(item.contraAccount.code)).toBe('BANK');
      for (const line of item.accountingEntryLines) {
        if (line.account?.code) expect(byCode.has(line.account.code)).toBe(true);
      }
    }
    expect([byCode.get('2641'), byCode.get('2614'), byCode.get('2440')]).toEqual([
      'CURRLIAB',
      'CURRLIAB',
      'CURRLIAB',
    ]);
    expect(new Set(seed.accounts.map((a) => a.Code)).size).toBe(seed.accounts.length);
  });

  it('has a tax rate per Pleo tax code (reverse charge marked) plus NONE, one tenant and a contact per vendor', () => {
    const rates = new Map(seed.taxRates.map((t) => [t.TaxType, t]));
    expect(rates.get('NONE')?.rate).toBe(0);
    for (const line of items.flatMap((i) => i.accountingEntryLines)) {
      if (!line.tax?.code) continue;
      expect(rates.get(line.tax.code)?.rate).toBe(line.tax.rate);
      expect(rates.get(line.tax.code)?.reverseCharge === true).toBe(line.tax.type === 'reverse');
    }
    expect(seed.tenants).toEqual([{ tenantId: DEMO_XERO_TENANT_ID, tenantName: seed.organisation.Name }]);
    expect(seed.organisation.BaseCurrency).toBe('DKK');
    const vendors = new Set(items.map((i) => i.vendor?.name).filter((n) => n !== undefined));
    for (const name of vendors) {
      expect(seed.contacts.find((c) => c.Name === name)?.ContactID).toMatch(
        /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-8[0-9a-f]{3}-[0-9a-f]{12}$/,
      );
    }
    // Deterministic: the same items give the same organisation.
    expect(xeroSeedForExportItems(items, { baseCurrency: 'DKK', mapping })).toEqual(seed);
  });
});

describe('fortnoxSeedForExportItems', () => {
  it('is a SEK company with series A, a financial year per year of the items and every numeric account', () => {
    const seed = fortnoxSeedForExportItems(items, { mapping, today: '2031-06-01' });
    expect(seed.currency).toBe('SEK');
    expect(seed.voucherSeries.map((s) => s.Code)).toEqual(['A']);
    const years = [...new Set([...items.map((i) => Number(i.date.slice(0, 4))), 2031])].sort();
    expect(seed.financialYears.map((y) => [y.FromDate, y.ToDate])).toEqual(
      years.map((y) => [`${y}-01-01`, `${y}-12-31`]),
    );
    expect(seed.financialYears.map((y) => y.Id)).toEqual(years.map((_, i) => i + 1));
    const numbers = new Set(seed.accounts.map((a) => a.Number));
    for (const item of items) {
      for (const code of [
        item.contraAccount?.code,
        ...item.accountingEntryLines.map((l) => l.account?.code),
      ]) {
        if (code) expect(numbers.has(Number(code))).toBe(true);
      }
    }
    for (const code of [2641, 2614, 2440, 5810, 1940, 1210]) expect(numbers.has(code)).toBe(true);
  });
});
