import { ItemError } from '@ledgerport/core';
import { describe, expect, it } from 'vitest';
import {
  FORTNOX_DESCRIPTION_MAX,
  fortnoxConfigSchema,
  referenceMarker,
  toFortnoxVoucher,
} from '../src/index';
import { entryNamed, inSek } from './support/entries';

const config = fortnoxConfigSchema.parse({ clientId: 'c' });
const target = (entry: ReturnType<typeof entryNamed>) => ({
  date: entry.postingDate,
  financialYearId: 2,
  marker: referenceMarker(entry.idempotencyKey),
  lines: entry.lines,
  linesField: 'lines',
});

describe('toFortnoxVoucher (issue #7 "Posting")', () => {
  it('books inclusive VAT as its own row on the VAT account, decimals only at the edge', () => {
    const entry = entryNamed('card-purchase-inclusive-vat-sek');
    const voucher = toFortnoxVoucher(entry, config, target(entry));
    expect(voucher).toMatchObject({
      TransactionDate: '2026-10-05',
      VoucherSeries: 'A',
      Year: 2,
      ReferenceType: 'MANUAL',
      ReferenceNumber: `pleo:${entry.idempotencyKey}`,
    });
    expect(voucher.VoucherRows.map((r) => [r.Account, r.Debit ?? 0, r.Credit ?? 0])).toEqual(
      expect.arrayContaining([
        [6071, 1000, 0],
        [2641, 250, 0],
        [1930, 0, 1250],
      ]),
    );
  });

  it('maps COSTCENTER and PROJECT dimensions to the row, per configured names', () => {
    const entry = entryNamed('card-purchase-split-three-lines-sek');
    const rows = toFortnoxVoucher(entry, config, target(entry)).VoucherRows;
    expect(rows.find((r) => r.Account === 6550)).toMatchObject({ CostCenter: 'CC-10', Project: 'P-002' });
    expect(rows.find((r) => r.Account === 6071)).toMatchObject({ CostCenter: 'CC-20' });
    expect(rows.find((r) => r.Account === 6071)?.Project).toBeUndefined();
    const renamed = toFortnoxVoucher(
      entry,
      { ...config, costCenterDimension: 'TEAM' },
      target(entry),
    ).VoucherRows;
    expect(renamed.find((r) => r.Account === 6550)?.CostCenter).toBe('SAL');
  });

  it('books reverse charge on both sides (input VAT debit, output VAT credit)', () => {
    const entry = inSek(entryNamed('card-purchase-reverse-charge-eur-usd'));
    const rows = toFortnoxVoucher(entry, config, target(entry)).VoucherRows;
    expect(rows.find((r) => r.Account === 2641)?.Debit).toBe(12.5);
    expect(rows.find((r) => r.Account === 2614)?.Credit).toBe(12.5);
    const debit = rows.reduce((s, r) => s + Math.round((r.Debit ?? 0) * 100), 0);
    const credit = rows.reduce((s, r) => s + Math.round((r.Credit ?? 0) * 100), 0);
    expect(debit).toBe(credit);
  });

  it('cuts the description to 200 characters and row text to 100', () => {
    const base = entryNamed('card-purchase-inclusive-vat-sek');
    const entry = {
      ...base,
      description: 'x'.repeat(500),
      lines: base.lines.map((l) => ({ ...l, description: 'y'.repeat(300) })),
    };
    const voucher = toFortnoxVoucher(entry, config, target(entry));
    expect(voucher.Description).toHaveLength(FORTNOX_DESCRIPTION_MAX);
    for (const row of voucher.VoucherRows) expect(row.TransactionInformation?.length).toBe(100);
  });

  it('refuses a non-BAS account with account_unknown naming the line', () => {
    const base = entryNamed('card-purchase-inclusive-vat-sek');
    const entry = { ...base, lines: base.lines.map((l, i) => (i === 1 ? { ...l, account: 'OFFICE' } : l)) };
    const error = (() => {
      try {
        toFortnoxVoucher(entry, config, target(entry));
      } catch (e) {
        return e;
      }
    })();
    expect(ItemError.isInstance(error) && error.reason).toBe('account_unknown');
    expect((error as ItemError).field).toBe('lines[1].account');
  });

  it('derives a short marker from long or unusual idempotency keys', () => {
    expect(referenceMarker('7c9e6679-7425-40de-944b-e07fc1f90ae7')).toBe(
      'pleo:7c9e6679-7425-40de-944b-e07fc1f90ae7',
    );
    expect(referenceMarker('a/b c'.repeat(30))).toMatch(/^pleo:[0-9a-f]{32}$/);
    expect(referenceMarker('k1', 'payment')).toBe('pleo:k1:p');
  });
});
