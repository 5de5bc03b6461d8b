import { describe, expect, test } from 'vitest';
import type { AccountingEntry, JournalLine } from '../../src/entry/accounting-entry';
import { type MapResult, mapExportItem } from '../../src/entry/map-export-item';
import type { MapOptions } from '../../src/entry/map-options';
import { buildItem } from './build-item';

const mapping: MapOptions = { inputVatAccount: '2640', outputVatAccount: '2614', payablesAccount: '2440' };

function entryOf(result: MapResult): AccountingEntry {
  if (!result.ok) throw new Error(`expected an entry, got ${result.error.reason}: ${result.error.message}`);
  return result.entry;
}

function errorOf(result: MapResult) {
  if (result.ok) throw new Error('expected an item failure, got an entry');
  return result.error;
}

/** `[role, side, account, amount]` per line, for compact assertions. */
const summary = (lines: readonly JournalLine[]) => lines.map((l) => [l.role, l.side, l.account, l.amount]);

describe('journal entries and tax', () => {
  test('inclusive VAT splits the gross into net expense and input VAT; contra carries the gross', () => {
    const entry = entryOf(mapExportItem(buildItem(), mapping));
    expect(entry.kind).toBe('journal');
    expect(summary(entry.lines)).toEqual([
      ['expense', 'debit', '6010', 10000],
      ['input_vat', 'debit', '2640', 2500],
      ['contra', 'credit', '1930', 12500],
    ]);
    expect(entry.lines[0]?.tax).toEqual({ code: 'MP1', rate: 0.25, type: 'inclusive', amount: 2500 });
    expect(entry.lines[1]?.tax?.code).toBe('MP1');
    expect(entry.currency).toBe('SEK');
    expect(entry.grossAmount).toBe(12500);
  });

  test('exclusive VAT: expense = netAmount, VAT = tax, total = lineAmount', () => {
    const item = buildItem({
      lines: [{ amount: 11000, tax: { type: 'exclusive', rate: 0.1, amount: 1000 } }],
    });
    expect(summary(entryOf(mapExportItem(item, mapping)).lines)).toEqual([
      ['expense', 'debit', '6010', 10000],
      ['input_vat', 'debit', '2640', 1000],
      ['contra', 'credit', '1930', 11000],
    ]);
  });

  test('exclusive VAT whose netAmount + tax is not the line amount fails naming netAmount', () => {
    const item = buildItem({
      lines: [{ amount: 11000, net: 11000, tax: { type: 'exclusive', rate: 0.1, amount: 1000 } }],
    });
    const error = errorOf(mapExportItem(item, mapping));
    expect(error.reason).toBe('validation_failure');
    expect(error.field).toBe('accountingEntryLines[0].netAmount.inWalletCurrency.value');
    expect(error.message).toContain('accountingEntryLines[0].netAmount.inWalletCurrency.value');
  });

  test('reverse charge: expense = line amount, input and output VAT cancel', () => {
    const item = buildItem({
      lines: [
        {
          amount: 10000,
          tax: { type: 'reverse', rate: 0.25, amount: 2500, ingoing: '2645', outgoing: '2614' },
        },
      ],
    });
    expect(summary(entryOf(mapExportItem(item, {})).lines)).toEqual([
      ['expense', 'debit', '6010', 10000],
      ['input_vat', 'debit', '2645', 2500],
      ['output_vat', 'credit', '2614', 2500],
      ['contra', 'credit', '1930', 10000],
    ]);
  });

  test.each([
    ['null tax', null],
    ['rate 0', { type: 'inclusive' as const, rate: 0, amount: 0 }],
    ['amount 0', { type: 'exclusive' as const, rate: 0.25, amount: 0 }],
  ])('zero tax (%s) has no VAT line and needs no VAT account', (_, tax) => {
    const entry = entryOf(mapExportItem(buildItem({ lines: [{ amount: 5000, tax }] }), {}));
    expect(summary(entry.lines)).toEqual([
      ['expense', 'debit', '6010', 5000],
      ['contra', 'credit', '1930', 5000],
    ]);
    expect(entry.lines[0]?.tax === undefined).toBe(tax === null);
  });

  test('VAT account comes from the tax code before the mapping fallback', () => {
    const item = buildItem({
      lines: [{ amount: 12500, tax: { type: 'inclusive', rate: 0.25, amount: 2500, ingoing: '2641' } }],
    });
    expect(entryOf(mapExportItem(item, mapping)).lines[1]?.account).toBe('2641');
  });

  test('missing VAT account fails with missing_configuration naming what to set', () => {
    const error = errorOf(mapExportItem(buildItem(), {}));
    expect(error.reason).toBe('missing_configuration');
    expect(error.field).toBe('mapping.inputVatAccount');
    expect(error.message).toMatch(/ingoingTaxAccount.*mapping\.inputVatAccount/);
  });

  test('reverse charge without an output VAT account names mapping.outputVatAccount', () => {
    const item = buildItem({
      lines: [{ amount: 10000, tax: { type: 'reverse', rate: 0.25, amount: 2500 } }],
    });
    const error = errorOf(mapExportItem(item, { inputVatAccount: '2645' }));
    expect([error.reason, error.field]).toEqual(['missing_configuration', 'mapping.outputVatAccount']);
  });

  test('split item: one debit per Pleo line, one contra credit of the total', () => {
    const item = buildItem({
      lines: [
        {
          amount: 6000,
          account: '6010',
          tax: { type: 'inclusive', rate: 0.2, amount: 1000 },
          tags: [{ code: 'P-1', groupCode: 'PROJECT' }],
        },
        { amount: 3000, account: '6020', tax: null },
        { amount: 1000, account: '6030', tax: { type: 'inclusive', rate: 0.25, amount: 200 } },
      ],
    });
    const entry = entryOf(mapExportItem(item, mapping));
    expect(summary(entry.lines)).toEqual([
      ['expense', 'debit', '6010', 5000],
      ['input_vat', 'debit', '2640', 1000],
      ['expense', 'debit', '6020', 3000],
      ['expense', 'debit', '6030', 800],
      ['input_vat', 'debit', '2640', 200],
      ['contra', 'credit', '1930', 10000],
    ]);
    expect(entry.lines[0]?.sourceLineId).toBe(item.accountingEntryLines[0]?.accountingEntryLineId);
  });

  test('a line that is all tax has no zero expense line', () => {
    const item = buildItem({ lines: [{ amount: 500, tax: { type: 'inclusive', rate: 0.25, amount: 500 } }] });
    expect(summary(entryOf(mapExportItem(item, mapping)).lines)).toEqual([
      ['input_vat', 'debit', '2640', 500],
      ['contra', 'credit', '1930', 500],
    ]);
  });
});

describe('sides come from the type, never the sign', () => {
  test.each(['refund', 'chargeback', 'cashback'])('%s reverses every side', (type) => {
    const entry = entryOf(mapExportItem(buildItem({ type }), mapping));
    expect(summary(entry.lines)).toEqual([
      ['expense', 'credit', '6010', 10000],
      ['input_vat', 'credit', '2640', 2500],
      ['contra', 'debit', '1930', 12500],
    ]);
  });

  test('negative Pleo values map to the same positive lines as positive ones', () => {
    const negative = buildItem({ type: 'refund' });
    const flip = (m: { value: number }) => {
      m.value = -m.value;
    };
    const raw = negative as unknown as {
      amount: { inWalletCurrency: { value: number } };
      accountingEntryLines: {
        lineAmount: { inWalletCurrency: { value: number } };
        tax: { amount: { inWalletCurrency: { value: number } } };
      }[];
    };
    flip(raw.amount.inWalletCurrency);
    for (const line of raw.accountingEntryLines) {
      flip(line.lineAmount.inWalletCurrency);
      flip(line.tax.amount.inWalletCurrency);
    }
    expect(summary(entryOf(mapExportItem(negative, mapping)).lines)).toEqual(
      summary(entryOf(mapExportItem(buildItem({ type: 'refund' }), mapping)).lines),
    );
  });

  test.each([
    'card_purchase',
    'card_invoice',
    'out_of_pocket',
    'mileage',
    'per_diem',
    'external_reimbursement',
    'direct_reimbursement',
    'invoice',
    'invoice_payment',
    'atm_withdrawal',
    'personal_spend',
    'fee',
  ])('%s debits the line account and credits contra', (type) => {
    const lines = entryOf(mapExportItem(buildItem({ type, lines: [{ amount: 700, tax: null }] }), {})).lines;
    expect(summary(lines)).toEqual([
      ['expense', 'debit', '6010', 700],
      ['contra', 'credit', '1930', 700],
    ]);
  });

  test('wallet top-up debits the wallet (contra) and credits the line account, even under accounts_payable', () => {
    const item = buildItem({
      type: 'wallet_topup',
      method: 'accounts_payable',
      lines: [{ amount: 100000, account: '1940', tax: null }],
    });
    const entry = entryOf(mapExportItem(item, {}));
    expect(entry.kind).toBe('journal');
    expect(summary(entry.lines)).toEqual([
      ['expense', 'credit', '1940', 100000],
      ['contra', 'debit', '1930', 100000],
    ]);
  });

  test('wallet unload credits the wallet', () => {
    const item = buildItem({
      type: 'wallet_unload',
      method: 'none',
      lines: [{ amount: 2000, account: '1940', tax: null }],
    });
    expect(summary(entryOf(mapExportItem(item, {})).lines)).toEqual([
      ['expense', 'debit', '1940', 2000],
      ['contra', 'credit', '1930', 2000],
    ]);
  });

  test('a returned invoice payment reverses the sides', () => {
    const item = buildItem({
      type: 'invoice_payment',
      subType: 'invoice_payment_returned',
      lines: [{ amount: 900, tax: null }],
    });
    const entry = entryOf(mapExportItem(item, {}));
    expect(entry.subType).toBe('invoice_payment_returned');
    expect(summary(entry.lines)).toEqual([
      ['expense', 'credit', '6010', 900],
      ['contra', 'debit', '1930', 900],
    ]);
  });
});

describe('contra account', () => {
  test('falls back to mapping.contraAccounts[wallet currency]', () => {
    const item = buildItem({ contra: null, currency: 'EUR', lines: [{ amount: 100, tax: null }] });
    const entry = entryOf(mapExportItem(item, { contraAccounts: { EUR: '1931' } }));
    expect(entry.lines.at(-1)?.account).toBe('1931');
  });

  test('missing contra fails with the actionable message', () => {
    const item = buildItem({ contra: null, lines: [{ amount: 100, tax: null }] });
    const error = errorOf(mapExportItem(item, { contraAccounts: { EUR: '1931' } }));
    expect(error.reason).toBe('missing_configuration');
    expect(error.message).toBe(
      'No contra account for wallet currency SEK: map it in Pleo or set mapping.contraAccounts.SEK.',
    );
  });

  test('a line without a GL account fails naming the line', () => {
    const error = errorOf(
      mapExportItem(
        buildItem({
          lines: [
            { amount: 100, tax: null },
            { amount: 5, account: null, tax: null },
          ],
        }),
        {},
      ),
    );
    expect([error.reason, error.field]).toEqual(['missing_configuration', 'accountingEntryLines[1].account']);
  });
});

describe('accounts payable', () => {
  const ap = { method: 'accounts_payable', vendor: { name: 'Acme ApS', code: 'V100' } } as const;
  const invoice = {
    invoiceNumber: 'INV-7',
    invoiceDate: '2025-12-01',
    dueDate: '2025-12-31',
    status: 'paid',
  };

  test('invoice: debit expense and VAT, credit payables; settled by its own invoice_payment item later', () => {
    const entry = entryOf(
      mapExportItem(buildItem({ ...ap, type: 'invoice', contra: null, invoice }), mapping),
    );
    if (entry.kind !== 'supplier_invoice') throw new Error('expected a supplier invoice');
    expect(summary(entry.lines)).toEqual([
      ['expense', 'debit', '6010', 10000],
      ['input_vat', 'debit', '2640', 2500],
      ['payable', 'credit', '2440', 12500],
    ]);
    expect(entry.payment).toBeUndefined();
    expect(entry.vendor).toEqual({
      name: 'Acme ApS',
      code: 'V100',
      externalId: 'V-EXT',
      country: undefined,
      taxRegistrationNumber: undefined,
    });
    expect([entry.invoiceNumber, entry.invoiceDate, entry.dueDate]).toEqual([
      'INV-7',
      '2025-12-01',
      '2025-12-31',
    ]);
  });

  test('card purchase under AP: invoice plus payment (debit payables, credit contra), each balanced', () => {
    const entry = entryOf(mapExportItem(buildItem({ ...ap }), mapping));
    if (entry.kind !== 'supplier_invoice') throw new Error('expected a supplier invoice');
    expect(entry.invoiceDate).toBe('2025-12-10');
    expect(entry.payment?.date).toBe('2025-12-10');
    expect(summary(entry.payment?.lines ?? [])).toEqual([
      ['payable', 'debit', '2440', 12500],
      ['contra', 'credit', '1930', 12500],
    ]);
  });

  test('refund under AP is a credit note: all sides reversed, payment too', () => {
    const entry = entryOf(mapExportItem(buildItem({ ...ap, type: 'refund' }), mapping));
    if (entry.kind !== 'supplier_invoice') throw new Error('expected a supplier invoice');
    expect(summary(entry.lines)).toEqual([
      ['expense', 'credit', '6010', 10000],
      ['input_vat', 'credit', '2640', 2500],
      ['payable', 'debit', '2440', 12500],
    ]);
    expect(summary(entry.payment?.lines ?? [])).toEqual([
      ['payable', 'credit', '2440', 12500],
      ['contra', 'debit', '1930', 12500],
    ]);
  });

  test('invoice_payment under AP is the settlement journal carrying the vendor', () => {
    const entry = entryOf(mapExportItem(buildItem({ ...ap, type: 'invoice_payment', invoice }), mapping));
    expect(entry.kind).toBe('journal');
    expect(entry.bookkeepingMethod).toBe('accounts_payable');
    expect(entry.vendor?.code).toBe('V100');
    expect(summary(entry.lines)).toEqual([
      ['payable', 'debit', '2440', 12500],
      ['contra', 'credit', '1930', 12500],
    ]);
  });

  test.each(['direct_reimbursement', 'external_reimbursement'])(
    '%s under AP is a settlement paying the employee as vendor',
    (type) => {
      const item = buildItem({
        method: 'accounts_payable',
        type,
        supplier: null,
        lines: [{ amount: 4200, tax: null }],
      });
      const entry = entryOf(mapExportItem(item, mapping));
      expect(entry.kind).toBe('journal');
      expect(entry.vendor).toEqual({ name: 'Luke Richardson', code: undefined });
      expect(summary(entry.lines)).toEqual([
        ['payable', 'debit', '2440', 4200],
        ['contra', 'credit', '1930', 4200],
      ]);
    },
  );

  test('out-of-pocket under AP: the employee is the vendor (not the merchant), no payment yet', () => {
    const entry = entryOf(
      mapExportItem(buildItem({ method: 'accounts_payable', type: 'out_of_pocket' }), mapping),
    );
    if (entry.kind !== 'supplier_invoice') throw new Error('expected a supplier invoice');
    expect(entry.vendor.name).toBe('Luke Richardson');
    expect(entry.payment).toBeUndefined();
    expect(entry.lines.at(-1)).toMatchObject({ role: 'payable', side: 'credit', amount: 12500 });
  });

  test('a tagged vendor wins over the employee', () => {
    const entry = entryOf(
      mapExportItem(buildItem({ ...ap, type: 'mileage', lines: [{ amount: 100, tax: null }] }), mapping),
    );
    expect(entry.vendor?.code).toBe('V100');
  });

  test('legacy supplier is the vendor when vendor is absent', () => {
    const entry = entryOf(
      mapExportItem(
        buildItem({ method: 'accounts_payable', supplier: { name: null, code: 'S-9' } }),
        mapping,
      ),
    );
    expect(entry.vendor).toMatchObject({ name: 'S-9', code: 'S-9' });
  });

  test('no vendor and no supplier → vendor_unknown', () => {
    const error = errorOf(
      mapExportItem(buildItem({ method: 'accounts_payable', supplier: null, user: null }), mapping),
    );
    expect([error.reason, error.field, error.retryable]).toEqual(['vendor_unknown', 'vendor', false]);
  });

  test('no payables account → missing_configuration naming mapping.payablesAccount', () => {
    const error = errorOf(mapExportItem(buildItem(ap), { inputVatAccount: '2640' }));
    expect([error.reason, error.field]).toEqual(['missing_configuration', 'mapping.payablesAccount']);
    expect(error.message).toContain('mapping.payablesAccount');
  });
});

describe('dimensions, description, reference', () => {
  test('tags map through dimensionNames; team goes to TEAM by default', () => {
    const item = buildItem({
      lines: [
        {
          amount: 100,
          tax: null,
          tags: [
            { code: 'P-1', groupCode: 'PROJECT' },
            { code: 'CC-2', groupCode: 'COST' },
          ],
        },
      ],
    });
    const entry = entryOf(mapExportItem(item, { dimensionNames: { PROJECT: 'Projekt' } }));
    expect(entry.lines[0]?.dimensions).toEqual([
      { dimension: 'Projekt', value: 'P-1' },
      { dimension: 'COST', value: 'CC-2' },
      { dimension: 'TEAM', value: '5678', name: 'Engineering' },
    ]);
    expect(entry.lines[1]?.dimensions).toEqual([]);
  });

  test('teamDimension renames or drops the team', () => {
    const item = buildItem({ lines: [{ amount: 100, tax: null }] });
    expect(entryOf(mapExportItem(item, { teamDimension: 'AVD' })).lines[0]?.dimensions).toEqual([
      { dimension: 'AVD', value: '5678', name: 'Engineering' },
    ]);
    expect(entryOf(mapExportItem(item, { teamDimension: null })).lines[0]?.dimensions).toEqual([]);
  });

  test('description joins supplier, user and note with " - ", skipping empty parts', () => {
    expect(entryOf(mapExportItem(buildItem({ user: null, note: '  ' }), mapping)).description).toBe('Target');
    expect(entryOf(mapExportItem(buildItem({ supplier: null, note: 'Taxi' }), mapping)).description).toBe(
      'Luke Richardson - Taxi',
    );
  });

  test('reference is accountingEntryId, reconciliationId is kept, files and link copied', () => {
    const item = buildItem();
    const entry = entryOf(mapExportItem(item, mapping));
    expect([entry.reference, entry.idempotencyKey, entry.reconciliationId]).toEqual([
      item.accountingEntryId,
      item.accountingEntryId,
      'BOOK-42',
    ]);
    expect(entry.pleoUrl).toBe('https://app.pleo.io/export/1');
    expect(entry.source).toBe(item);
  });
});

describe('dates, periods and posting mode', () => {
  test('date is the UTC calendar date; posting date defaults to it; draft by default', () => {
    const entry = entryOf(mapExportItem(buildItem({ date: '2025-12-31T23:30:00Z' }), mapping));
    expect([entry.date, entry.postingDate, entry.postingMode]).toEqual(['2025-12-31', '2025-12-31', 'draft']);
    expect(entryOf(mapExportItem(buildItem(), { ...mapping, postingMode: 'posted' })).postingMode).toBe(
      'posted',
    );
  });

  test('a date with an offset is converted to UTC first', () => {
    expect(entryOf(mapExportItem(buildItem({ date: '2026-01-01T00:30:00+01:00' }), mapping)).date).toBe(
      '2025-12-31',
    );
  });

  test('locked period fails by default, naming the period', () => {
    const error = errorOf(mapExportItem(buildItem(), { ...mapping, lockedThrough: '2025-12-31' }));
    expect([error.reason, error.field]).toEqual(['validation_failure', 'date']);
    expect(error.message).toContain('locked through 2025-12-31');
    expect(error.message).toContain("'shift_to_next_open'");
  });

  test('shift_to_next_open books on the day after the locked period', () => {
    const entry = entryOf(
      mapExportItem(buildItem(), {
        ...mapping,
        lockedThrough: '2025-12-31',
        periodStrategy: 'shift_to_next_open',
      }),
    );
    expect([entry.date, entry.postingDate]).toEqual(['2025-12-10', '2026-01-01']);
  });

  test('an open period leaves the date alone; a malformed lockedThrough is a configuration error', () => {
    expect(entryOf(mapExportItem(buildItem(), { ...mapping, lockedThrough: '2025-12-09' })).postingDate).toBe(
      '2025-12-10',
    );
    const error = errorOf(mapExportItem(buildItem(), { ...mapping, lockedThrough: '31.12.2025' }));
    expect([error.reason, error.field]).toEqual(['invalid_configuration', 'mapping.lockedThrough']);
  });
});

describe('currencies with 0 and 3 decimals', () => {
  test('JPY amounts are whole yen', () => {
    const item = buildItem({
      currency: 'JPY',
      lines: [{ amount: 1100, tax: { type: 'inclusive', rate: 0.1, amount: 100 } }],
    });
    const entry = entryOf(mapExportItem(item, { ...mapping, contraAccounts: {} }));
    expect(summary(entry.lines)).toEqual([
      ['expense', 'debit', '6010', 1000],
      ['input_vat', 'debit', '2640', 100],
      ['contra', 'credit', '1930', 1100],
    ]);
    expect(entry.lines.every((l) => l.currency === 'JPY')).toBe(true);
  });

  test('KWD amounts are fils (3 decimals)', () => {
    const item = buildItem({
      currency: 'KWD',
      lines: [
        { amount: 1234, tax: null },
        { amount: 1, tax: null },
      ],
    });
    const entry = entryOf(mapExportItem(item, mapping));
    expect(entry.grossAmount).toBe(1235);
    expect(summary(entry.lines)).toEqual([
      ['expense', 'debit', '6010', 1234],
      ['expense', 'debit', '6010', 1],
      ['contra', 'credit', '1930', 1235],
    ]);
  });

  test('supplier-currency amounts are kept on expense lines when they differ', () => {
    const item = buildItem({
      currency: 'SEK',
      supplierCurrency: 'EUR',
      lines: [{ amount: 1000, tax: null }],
    });
    expect(entryOf(mapExportItem(item, {})).lines[0]?.supplierAmount).toEqual({
      amount: 1000,
      currency: 'EUR',
    });
  });
});

describe('invalid items become validation failures, never throws', () => {
  test.each([
    ['UNDEFINED currency', buildItem({ currency: 'UNDEFINED' }), 'amount.inWalletCurrency.currency'],
    ['Σ lines ≠ amount', buildItem({ amount: 12600 }), 'accountingEntryLines'],
    [
      'tax larger than the line',
      buildItem({
        lines: [
          { amount: 100, tax: null },
          { amount: 100, tax: { type: 'inclusive', rate: 0.25, amount: 101 } },
        ],
      }),
      'accountingEntryLines[1].tax.amount.inWalletCurrency.value',
    ],
    [
      'tax with rate 0 but an amount',
      buildItem({ lines: [{ amount: 100, tax: { type: 'inclusive', rate: 0, amount: 10 } }] }),
      'accountingEntryLines[0].tax.amount.inWalletCurrency.value',
    ],
    ['no lines', buildItem({ lines: [], amount: 100 }), 'accountingEntryLines'],
    ['bad date', buildItem({ date: 'yesterday' }), 'date'],
    ['unknown type', buildItem({ type: 'overdraft' }), 'type'],
    ['unknown method', buildItem({ method: 'ledger' }), 'bookkeeping.method'],
    ['zero amount', buildItem({ lines: [{ amount: 0, tax: null }] }), 'amount.inWalletCurrency.value'],
  ])('%s → validation_failure naming the field', (_, item, field) => {
    const error = errorOf(mapExportItem(item, mapping));
    expect(error.reason).toBe('validation_failure');
    expect(error.field).toBe(field);
    expect(error.message).toContain(
      field === 'accountingEntryLines' ? 'accountingEntryLines' : field.split('.')[0],
    );
    expect(error.message.length).toBeLessThanOrEqual(500);
  });

  test('a line in another wallet currency names the line field', () => {
    const item = buildItem({ lines: [{ amount: 100, tax: null }] });
    (item.accountingEntryLines[0]?.lineAmount.inWalletCurrency as { currency: string }).currency = 'EUR';
    const error = errorOf(mapExportItem(item, mapping));
    expect(error.field).toBe('accountingEntryLines[0].lineAmount.inWalletCurrency.currency');
  });

  test('a fractional minor-unit value names the value field', () => {
    const item = buildItem({ lines: [{ amount: 100, tax: null }] });
    (item.accountingEntryLines[0]?.lineAmount.inWalletCurrency as { value: number }).value = 99.5;
    expect(errorOf(mapExportItem(item, mapping)).field).toBe(
      'accountingEntryLines[0].lineAmount.inWalletCurrency.value',
    );
  });

  test('garbage typed as an item does not throw', () => {
    for (const garbage of [
      null,
      42,
      {},
      { accountingEntryId: 'x' },
      { accountingEntryId: 'x', amount: { inWalletCurrency: { currency: 'SEK', value: 1 } } },
    ]) {
      const result = mapExportItem(garbage as never, mapping);
      expect(result.ok).toBe(false);
    }
  });
});
