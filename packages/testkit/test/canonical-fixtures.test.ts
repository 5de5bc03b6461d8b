import { exportItemV3Schema } from '@ledgerport/pleo';
import { describe, expect, it } from 'vitest';
import {
  CANONICAL_CHART_OF_ACCOUNTS,
  CANONICAL_FIXTURE_NAMES,
  canonicalEntries,
  canonicalExportItem,
  canonicalExportItems,
  canonicalReceipts,
} from '../src/index';

describe('canonicalExportItems', () => {
  const items = canonicalExportItems();

  it('has one item per fixture name, with unique accountingEntryIds', () => {
    expect(items).toHaveLength(CANONICAL_FIXTURE_NAMES.length);
    expect(new Set(items.map((i) => i.accountingEntryId)).size).toBe(items.length);
    expect(canonicalExportItem('card-purchase-kwd').amount.inWalletCurrency.currency).toBe('KWD');
  });

  it.each(CANONICAL_FIXTURE_NAMES.map((name, i) => [name, i] as const))(
    '%s is a spec-valid ExportItemV3',
    (_, i) => {
      const result = exportItemV3Schema.safeParse(items[i]);
      expect(result.success, result.success ? '' : JSON.stringify(result.error.issues)).toBe(true);
    },
  );

  it.each(CANONICAL_FIXTURE_NAMES.map((name, i) => [name, i] as const))(
    '%s: lines sum to the item amount, tax fits inside the gross',
    (_, i) => {
      const item = items[i]!;
      const wallet = item.amount.inWalletCurrency;
      const lines = item.accountingEntryLines;
      expect(lines.reduce((s, l) => s + l.lineAmount.inWalletCurrency.value, 0)).toBe(wallet.value);
      for (const line of lines) {
        expect(line.lineAmount.inWalletCurrency.currency).toBe(wallet.currency);
        const tax = line.tax?.amount.inWalletCurrency.value ?? 0;
        const net = line.netAmount.inWalletCurrency.value;
        const gross = line.lineAmount.inWalletCurrency.value;
        if (line.tax?.type === 'exclusive') expect(net + tax).toBe(gross);
        else expect(net).toBe(gross);
      }
    },
  );

  it('covers the required scenarios', () => {
    const types = new Set(items.map((i) => i.type));
    for (const type of [
      'card_purchase',
      'refund',
      'chargeback',
      'cashback',
      'wallet_topup',
      'wallet_unload',
      'out_of_pocket',
      'invoice',
    ] as const) {
      expect(types.has(type), type).toBe(true);
    }
    const taxTypes = new Set(items.flatMap((i) => i.accountingEntryLines.map((l) => l.tax?.type ?? 'none')));
    expect([...taxTypes].sort()).toEqual(['exclusive', 'inclusive', 'none', 'reverse']);
    expect(items.some((i) => i.accountingEntryLines.some((l) => l.tax?.rate === 0))).toBe(true);
    expect(items.some((i) => i.accountingEntryLines.length === 3)).toBe(true);
    const currencies = new Set(items.map((i) => i.amount.inWalletCurrency.currency));
    expect(currencies).toEqual(new Set(['SEK', 'EUR', 'JPY', 'KWD', 'DKK']));
    expect(items.some((i) => i.amount.inSupplierCurrency.currency === 'USD')).toBe(true);
    const credits = items.filter(
      (i) =>
        i.bookkeeping?.method === 'accounts_payable' && ['refund', 'chargeback', 'cashback'].includes(i.type),
    );
    expect(credits.length, 'a supplier credit (reversing type under accounts payable)').toBeGreaterThan(0);
    const ap = canonicalExportItem('invoice-accounts-payable-eur');
    expect(ap.bookkeeping?.method).toBe('accounts_payable');
    expect(ap.vendor?.name).toBeTruthy();
    expect(ap.additionalInformation.invoiceInformation?.invoiceNumber).toBe('INV-2026-0042');
    const fileTypes = new Set(items.flatMap((i) => (i.files ?? []).map((f) => f.type)));
    expect(fileTypes).toEqual(new Set(['application/pdf', 'image/png']));
  });

  it('returns fresh objects on every call', () => {
    const a = canonicalExportItems();
    a[0]!.note = 'changed';
    expect(canonicalExportItems()[0]!.note).not.toBe('changed');
  });
});

describe('canonical receipts', () => {
  it('are a real PDF and a real PNG whose sizes match the fixtures', () => {
    const { pdf, png } = canonicalReceipts();
    expect(Buffer.from(pdf.bytes.subarray(0, 5)).toString('latin1')).toBe('%PDF-');
    expect(Buffer.from(pdf.bytes).toString('latin1').trimEnd().endsWith('%%EOF')).toBe(true);
    expect([...png.bytes.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    const files = canonicalExportItems().flatMap((i) => i.files ?? []);
    for (const file of files) {
      const receipt = file.type === 'application/pdf' ? pdf : png;
      expect(file.url).toBe(receipt.url);
      expect(file.size).toBe(receipt.bytes.byteLength);
    }
  });

  it('have a PDF cross-reference table pointing at each object', () => {
    const text = Buffer.from(canonicalReceipts().pdf.bytes).toString('latin1');
    const xrefAt = Number(/startxref\n(\d+)/.exec(text)?.[1]);
    expect(text.slice(xrefAt, xrefAt + 4)).toBe('xref');
    const offsets = [...text.matchAll(/^(\d{10}) 00000 n $/gm)].map((m) => Number(m[1]));
    expect(offsets).toHaveLength(5);
    offsets.forEach((offset, i) => {
      expect(text.slice(offset).startsWith(`${i + 1} 0 obj`)).toBe(true);
    });
  });
});

describe('canonicalEntries', () => {
  const entries = canonicalEntries();

  it.each(CANONICAL_FIXTURE_NAMES.map((name, i) => [name, i] as const))(
    '%s maps to a balanced entry in minor units',
    (_, i) => {
      const entry = entries[i]!;
      const item = canonicalExportItems()[i]!;
      expect(entry.accountingEntryId).toBe(item.accountingEntryId);
      expect(entry.currency).toBe(item.amount.inWalletCurrency.currency);
      expect(entry.grossAmount).toBe(item.amount.inWalletCurrency.value);
      const groups = [entry.lines, entry.kind === 'supplier_invoice' ? (entry.payment?.lines ?? []) : []];
      for (const lines of groups) {
        const debit = lines.filter((l) => l.side === 'debit').reduce((s, l) => s + l.amount, 0);
        const credit = lines.filter((l) => l.side === 'credit').reduce((s, l) => s + l.amount, 0);
        expect(debit).toBe(credit);
        for (const line of lines) {
          expect(Number.isInteger(line.amount) && line.amount > 0).toBe(true);
          expect(CANONICAL_CHART_OF_ACCOUNTS, `account ${line.account}`).toContain(line.account);
        }
      }
    },
  );

  it('maps the accounts-payable invoice to a supplier invoice with its vendor', () => {
    const entry = entries[CANONICAL_FIXTURE_NAMES.indexOf('invoice-accounts-payable-eur')]!;
    expect(entry.kind).toBe('supplier_invoice');
    expect(entry.vendor?.name).toBe('Nordic Audit ApS');
  });

  it('applies mapping overrides', () => {
    const posted = canonicalEntries({ postingMode: 'posted' });
    expect(posted.every((e) => e.postingMode === 'posted')).toBe(true);
    expect(entries.every((e) => e.postingMode === 'draft')).toBe(true);
  });
});

describe('accounts-payable fixtures', () => {
  it('map to a supplier invoice with its payment, and a settlement journal', () => {
    const entries = canonicalEntries();
    const card = entries[CANONICAL_FIXTURE_NAMES.indexOf('card-purchase-accounts-payable-dkk')]!;
    expect(card.kind).toBe('supplier_invoice');
    expect(card.kind === 'supplier_invoice' && card.payment?.lines.length).toBe(2);
    const payment = entries[CANONICAL_FIXTURE_NAMES.indexOf('invoice-payment-accounts-payable-eur')]!;
    expect(payment.lines.map((l) => l.role).sort()).toEqual(['contra', 'payable']);
  });

  it('map a vendor-tagged chargeback to a supplier credit: expense and VAT credited, payable debited, refunded to the wallet', () => {
    const item = canonicalExportItem('chargeback-accounts-payable-sek');
    expect(item.type).toBe('chargeback');
    expect(item.bookkeeping?.method).toBe('accounts_payable');
    expect(item.files?.map((f) => f.type)).toEqual(['application/pdf']);
    const entry = canonicalEntries()[CANONICAL_FIXTURE_NAMES.indexOf('chargeback-accounts-payable-sek')]!;
    if (entry.kind !== 'supplier_invoice') throw new Error(`expected a supplier invoice, got ${entry.kind}`);
    expect(entry.vendor).toMatchObject({
      name: 'Kontorsvaruhuset i Norden AB',
      code: 'V-4410',
      externalId: 'V-4410',
    });
    expect(entry.currency).toBe('SEK');
    const sides = (lines: readonly { role: string; side: string; account: string; amount: number }[]) =>
      lines.map((l) => `${l.role} ${l.side} ${l.account} ${l.amount}`).sort();
    expect(sides(entry.lines)).toEqual([
      'expense credit 5410 39920',
      'input_vat credit 2641 9980',
      'payable debit 2440 49900',
    ]);
    expect(entry.lines.find((l) => l.role === 'expense')?.tax).toMatchObject({
      code: 'MP1',
      rate: 0.25,
      type: 'inclusive',
      amount: 9980,
    });
    expect(sides(entry.payment?.lines ?? [])).toEqual([
      'contra debit 1930 49900',
      'payable credit 2440 49900',
    ]);
  });
});
