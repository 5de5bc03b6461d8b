import { decimalToMinorUnits } from '@ledgerport/connector-kit';
import { ItemError } from '@ledgerport/core';
import { describe, expect, it } from 'vitest';
import { chooseDocument } from '../src/posting/choose-document';
import { toBill } from '../src/posting/to-bill';
import { isSupplierCredit, toCreditNoteRefund, toSupplierCreditNote } from '../src/posting/to-credit-note';
import { supplierInvoice } from './fixtures';
import { SUPPLIER_CREDIT_CASES, supplierCredit } from './supplier-credits';

const options = { noTaxType: 'NONE', trackingCategories: { PROJECT: 'Project', TEAM: 'Team' } };
const sum = (values: readonly number[]) => values.reduce((s, v) => s + v, 0);

describe('supplier credit → Xero ACCPAYCREDIT credit note', () => {
  it.each(SUPPLIER_CREDIT_CASES)(
    '$type of $name: amounts conserved to the minor unit, VAT as TaxAmount',
    ({ name, type }) => {
      const entry = supplierCredit(name, type);
      expect(isSupplierCredit(entry)).toBe(true);
      expect(chooseDocument(entry, { cardSpendAs: 'manual_journal' }, 'SEK')).toBe('CreditNotes');
      const note = toSupplierCreditNote(entry, options);
      expect(note).toMatchObject({
        Type: 'ACCPAYCREDIT',
        Contact: { Name: 'TechConf ApS' },
        CurrencyCode: entry.currency,
        LineAmountTypes: 'Inclusive',
        CreditNoteNumber: entry.reference,
        Status: 'AUTHORISED', // refunded into the wallet, so Xero must hold it authorised
      });
      // Unsigned amounts: the credit note itself is the credit.
      for (const item of note.LineItems) expect(item.LineAmount).toBeGreaterThan(0);
      const lines = note.LineItems.map((l) => decimalToMinorUnits(l.LineAmount, entry.currency));
      const payable = entry.lines.find((l) => l.role === 'payable');
      // Σ gross of the credit note = the payable debit = Σ credits of the entry (VAT included).
      expect(sum(lines)).toBe(payable?.amount);
      expect(payable?.side).toBe('debit');
      const credits = sum(entry.lines.filter((l) => l.side === 'credit').map((l) => l.amount));
      const reverseInput = sum(
        entry.lines.filter((l) => l.role === 'input_vat' && l.tax?.type === 'reverse').map((l) => l.amount),
      );
      expect(sum(lines)).toBe(credits - reverseInput);
      // VAT: inclusive/exclusive → TaxAmount = the VAT lines; reverse charge → the self-assessed VAT.
      const taxAmounts = note.LineItems.map((l) =>
        l.TaxAmount === undefined ? 0 : decimalToMinorUnits(l.TaxAmount, entry.currency),
      );
      expect(sum(taxAmounts)).toBe(
        sum(entry.lines.filter((l) => l.role === 'input_vat' && l.side === 'credit').map((l) => l.amount)),
      );
      for (const [i, item] of note.LineItems.entries()) {
        const source = entry.lines.filter((l) => l.role === 'expense')[i];
        expect(item.AccountCode).toBe(source?.account);
        expect(item.TaxType).toBe(source?.tax?.code ?? 'NONE');
      }
      // The refund into the wallet: the contra line, debited in the payment.
      const refund = toCreditNoteRefund(entry, '11111111-2222-4333-8444-555555555555');
      const wallet = entry.payment?.lines.find((l) => l.role === 'contra');
      expect(wallet?.side).toBe('debit');
      expect(refund).toEqual({
        CreditNote: { CreditNoteID: '11111111-2222-4333-8444-555555555555' },
        Account: { Code: wallet?.account },
        Date: entry.payment?.date,
        Amount: expect.any(Number),
        Reference: entry.reference,
      });
      expect(decimalToMinorUnits(refund?.Amount ?? 0, entry.currency)).toBe(entry.grossAmount);
    },
  );

  it('the reverse-charge credit carries the self-assessed VAT on its net line and drops both VAT halves', () => {
    const entry = supplierCredit('card-purchase-reverse-charge-eur-usd', 'refund');
    const note = toSupplierCreditNote(entry, options);
    expect(note.LineItems).toEqual([
      expect.objectContaining({ AccountCode: '5420', LineAmount: 50, TaxType: 'RC25', TaxAmount: 12.5 }),
    ]);
  });

  it('uses the Xero ContactID when the vendor has one, and the supplier credit number when Pleo has one', () => {
    const contactId = '0c1b2a39-4d5e-4f60-8172-83940a5b6c7d';
    const entry = { ...supplierCredit('refund-sek', 'refund', contactId), invoiceNumber: 'CN-88' };
    expect(toSupplierCreditNote(entry, options)).toMatchObject({
      Contact: { ContactID: contactId },
      CreditNoteNumber: 'CN-88',
    });
  });

  it('stays a draft without a wallet refund when the mapping asks for drafts', () => {
    const entry = { ...supplierCredit('chargeback-eur', 'chargeback'), payment: undefined };
    expect(toSupplierCreditNote(entry, options).Status).toBe('DRAFT');
    expect(toCreditNoteRefund(entry, 'x')).toBeUndefined();
    expect(toSupplierCreditNote({ ...entry, postingMode: 'posted' }, options).Status).toBe('AUTHORISED');
  });

  it('keeps ordinary supplier invoices as bills, and refuses one that mixes debit and credit lines', () => {
    const bill = supplierInvoice();
    expect(isSupplierCredit(bill)).toBe(false);
    expect(chooseDocument(bill, { cardSpendAs: 'manual_journal' }, 'GBP')).toBe('Invoices');
    const [expense, vat, payable] = bill.lines;
    if (expense === undefined || vat === undefined || payable === undefined) throw new Error('fixture');
    const mixed = {
      ...bill,
      lines: [
        { ...expense, amount: 30000 },
        vat,
        { ...expense, account: '400', side: 'credit' as const, amount: 10000 },
        payable,
      ],
    };
    expect(isSupplierCredit(mixed)).toBe(false);
    expect(chooseDocument(mixed, { cardSpendAs: 'manual_journal' }, 'GBP')).toBe('Invoices');
    let error: unknown;
    try {
      toBill(mixed, options);
    } catch (e) {
      error = e;
    }
    expect(ItemError.isInstance(error)).toBe(true);
    expect((error as ItemError).reason).toBe('validation_failure');
    expect((error as ItemError).field).toBe('lines[2].side');
    expect((error as ItemError).message).toMatch(/mixes debit and credit.*journal/);
  });
});
