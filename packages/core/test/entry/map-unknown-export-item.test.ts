import { describe, expect, test } from 'vitest';
import { mapUnknownExportItem } from '../../src/entry/map-unknown-export-item';
import { buildItem } from './build-item';

const mapping = { inputVatAccount: '2640' };
/** A JSON round trip, as the item arrives from Pleo's API. */
const asJson = (value: unknown): unknown => JSON.parse(JSON.stringify(value));

describe('mapUnknownExportItem', () => {
  test('maps a spec-valid JSON item', () => {
    const result = mapUnknownExportItem(asJson(buildItem()), mapping);
    expect(result.ok && result.entry.grossAmount).toBe(12500);
  });

  test('a schema failure names the deepest field path', () => {
    const raw = asJson(
      buildItem({
        lines: [
          { amount: 100, tax: null },
          { amount: 25, tax: { type: 'inclusive', rate: 0.25, amount: 5 } },
        ],
      }),
    ) as {
      accountingEntryLines: { tax: { amount: { inWalletCurrency: { value: unknown } } } }[];
    };
    const line = raw.accountingEntryLines[1];
    if (line === undefined) throw new Error('fixture has two lines');
    line.tax.amount.inWalletCurrency.value = '5';
    const result = mapUnknownExportItem(raw, mapping);
    if (result.ok) throw new Error('expected a failure');
    expect(result.error.reason).toBe('validation_failure');
    expect(result.error.field).toBe('accountingEntryLines[1].tax.amount.inWalletCurrency.value');
    expect(result.error.message).toContain('accountingEntryLines[1].tax.amount.inWalletCurrency.value');
  });

  test('a missing required field is named', () => {
    const raw = asJson(buildItem()) as Record<string, unknown>;
    delete raw.additionalInformation;
    const result = mapUnknownExportItem(raw, mapping);
    expect(!result.ok && result.error.field).toBe('additionalInformation');
  });

  test.each([null, 'item', 7, []])('non-object %j fails without throwing', (raw) => {
    const result = mapUnknownExportItem(raw, mapping);
    expect(!result.ok && result.error.reason).toBe('validation_failure');
  });

  test('semantic failures after the schema still come back as item errors', () => {
    const result = mapUnknownExportItem(asJson(buildItem({ currency: 'UNDEFINED' })), mapping);
    expect(!result.ok && result.error.field).toBe('amount.inWalletCurrency.currency');
  });
});
