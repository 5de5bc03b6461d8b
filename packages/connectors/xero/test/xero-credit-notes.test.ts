import { LedgerportError } from '@ledgerport/core';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createXeroConnector } from '../src/index';
import { createXeroFake, loadXeroSpecValidator, type XeroFake } from '../src/testing/index';
import { canonicalXeroSeed } from './canonical-seed';
import { contextFor, entryTotals } from './fixtures';
import { SUPPLIER_CREDIT_CASES, supplierCredit } from './supplier-credits';

const fake = createXeroFake({ seed: canonicalXeroSeed });
const server = setupServer(...fake.handlers);
const tracking = { trackingCategories: { PROJECT: 'Project', TEAM: 'Team' } };
const tenantId = canonicalXeroSeed.tenants[0]?.tenantId ?? '';

beforeAll(async () => {
  await loadXeroSpecValidator();
  server.listen({ onUnhandledFrame: 'error' });
});
beforeEach(() => fake.reset());
afterEach(() => fake.assertSpecCompliant());
afterAll(() => server.close());

/** Calls the fake's accounting API directly (client-credentials token, tenant header). */
async function xero(f: XeroFake, method: 'GET' | 'PUT', path: string, body?: unknown) {
  const basic = Buffer.from(`${f.options.clientId}:${f.options.clientSecret}`).toString('base64');
  const token = await fetch(`${f.options.identityBaseUrl}/connect/token`, {
    method: 'POST',
    headers: { authorization: `Basic ${basic}`, 'content-type': 'application/x-www-form-urlencoded' },
    body: 'grant_type=client_credentials',
  }).then((r) => r.json() as Promise<{ access_token: string }>);
  const response = await fetch(`${f.options.apiBaseUrl}${path}`, {
    method,
    headers: {
      authorization: `Bearer ${token.access_token}`,
      'xero-tenant-id': tenantId,
      accept: 'application/json',
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

describe('supplier credits as Xero supplier credit notes', () => {
  it('books every supplier credit as an ACCPAYCREDIT credit note refunded into the wallet, amounts conserved', async () => {
    const { ctx } = contextFor(fake, { config: tracking });
    const entries = SUPPLIER_CREDIT_CASES.map((c) => supplierCredit(c.name, c.type));
    const outcomes = (await createXeroConnector().postEntries?.(ctx, entries)) ?? [];
    expect(outcomes.map((o) => (o.ok ? 'ok' : o.error.message))).toEqual(entries.map(() => 'ok'));
    const documents = await fake.listDocuments();
    entries.forEach((entry, i) => {
      const outcome = outcomes[i];
      if (!outcome?.ok) throw new Error('expected success');
      const id = outcome.result.externalId;
      expect(outcome.result.externalUrl).toBe(
        `https://go.xero.com/organisationlogin/default.aspx?shortcode=!Tk42x&redirecturl=/AccountsPayable/ViewCreditNote.aspx?creditNoteID=${id}`,
      );
      const stored = fake.documents().find((d) => d.id === id);
      expect(stored?.kind).toBe('CreditNotes');
      expect(stored?.body).toMatchObject({ Type: 'ACCPAYCREDIT', CurrencyCode: entry.currency });
      // Xero's ledger for the credit note books exactly core's lines: Σ debit (payable) = Σ credit.
      const doc = documents.find((d) => d.externalId === id);
      expect({ currency: doc?.currency, debit: doc?.debit, credit: doc?.credit }).toEqual({
        currency: entry.currency,
        ...entryTotals(entry),
      });
      // The refund: the whole credit back into the entry's wallet account; the credit note is settled.
      const wallet = entry.payment?.lines.find((l) => l.role === 'contra');
      expect(stored?.payments).toEqual([
        expect.objectContaining({ amount: entry.grossAmount, account: wallet?.account }),
      ]);
      expect(stored?.status).toBe('PAID');
    });
    // One credit note and one refund per request, each with its own Idempotency-Key.
    const puts = fake.requests.filter((r) => r.method === 'PUT');
    expect(puts.filter((r) => r.path === '/CreditNotes')).toHaveLength(entries.length);
    expect(puts.filter((r) => r.path === '/Payments')).toHaveLength(entries.length);
    expect(new Set(puts.map((r) => r.idempotencyKey)).size).toBe(puts.length);
  });

  it('reads a stored credit note back with its totals and no remaining credit after the refund', async () => {
    const { ctx } = contextFor(fake, { config: tracking });
    const entry = supplierCredit('refund-sek', 'refund');
    const result = await createXeroConnector().postEntry(ctx, entry);
    const read = await xero(fake, 'GET', `/CreditNotes/${result.externalId}`);
    expect(read.status).toBe(200);
    expect(read.body.CreditNotes).toEqual([
      expect.objectContaining({
        CreditNoteID: result.externalId,
        Type: 'ACCPAYCREDIT',
        Status: 'PAID',
        Total: 625,
        TotalTax: 125,
        SubTotal: 500,
        RemainingCredit: 0,
        CreditNoteNumber: entry.reference,
      }),
    ]);
    expect((await xero(fake, 'GET', '/CreditNotes/5d7c1c1e-0000-4000-8000-000000000000')).status).toBe(404);
  });

  it('keeps an unrefunded draft credit open (DRAFT, no payment) and attaches receipts to the credit note', async () => {
    const { ctx } = contextFor(fake, { config: tracking });
    const connector = createXeroConnector();
    const entry = { ...supplierCredit('chargeback-eur', 'chargeback'), payment: undefined };
    const result = await connector.postEntry(ctx, entry);
    const [stored] = fake.documents();
    expect([stored?.kind, stored?.status, stored?.payments]).toEqual(['CreditNotes', 'DRAFT', []]);
    const bytes = new Uint8Array([0x25, 0x50, 0x44, 0x46, 0x2d, 9, 8, 7]);
    await connector.attach?.(
      ctx,
      { entry, result },
      { fileName: 'credit note.pdf', mimeType: 'application/pdf', bytes, index: 0 },
    );
    expect(fake.requests.at(-1)).toMatchObject({
      method: 'PUT',
      path: `/CreditNotes/${result.externalId}/Attachments/credit%20note.pdf`,
      operationId: 'createCreditNoteAttachmentByFileName',
      status: 200,
    });
    const [doc] = await fake.listDocuments();
    expect(doc?.attachments).toEqual([{ fileName: 'credit note.pdf', bytes }]);
  });

  it('a retry after a lost credit-note response replays it: one credit note, one refund', async () => {
    const { ctx } = contextFor(fake, { config: { ...tracking, timeoutMs: 400 } });
    const connector = createXeroConnector();
    await connector.authenticate(ctx);
    const entry = supplierCredit('refund-sek', 'refund');
    fake.injectFault({ kind: 'timeout', afterCommit: true });
    let error: unknown;
    try {
      await connector.postEntry(ctx, entry);
    } catch (e) {
      error = e;
    }
    expect(LedgerportError.isInstance(error) && [error.reason, error.retryable]).toEqual([
      'accounting_system_timeout',
      true,
    ]);
    const again = await connector.postEntry(ctx, entry);
    expect(fake.documents().map((d) => d.id)).toEqual([again.externalId]);
    expect(fake.documents()[0]?.payments).toHaveLength(1);
  });

  it('fails the item with the reason when Xero rejects the credit note or its refund', async () => {
    const { ctx } = contextFor(fake, { config: tracking });
    const entry = supplierCredit('refund-sek', 'refund');
    const unknownAccount = {
      ...entry,
      lines: entry.lines.map((l) => (l.role === 'expense' ? { ...l, account: '9999' } : l)),
    };
    const payment = entry.payment;
    if (payment === undefined) throw new Error('fixture has a payment');
    const unknownWallet = {
      ...supplierCredit('cashback-sek', 'cashback'),
      payment: {
        ...payment,
        lines: payment.lines.map((l) => (l.role === 'contra' ? { ...l, account: '1999' } : l)),
      },
    };
    const outcomes = (await createXeroConnector().postEntries?.(ctx, [unknownAccount, unknownWallet])) ?? [];
    expect(outcomes.map((o) => (o.ok ? 'ok' : o.error.reason))).toEqual([
      'account_unknown',
      'account_unknown',
    ]);
    const refused = outcomes[1];
    expect(refused?.ok === false && refused.error.details).toMatchObject({
      document: 'Payments',
      creditNoteId: fake.documents()[0]?.id,
    });
  });
});

describe('Xero fake: credit notes and their payments', () => {
  const creditNote = (extra: Record<string, unknown> = {}) => ({
    Type: 'ACCPAYCREDIT',
    Contact: { Name: 'TechConf ApS' },
    Date: '2026-11-02',
    CurrencyCode: 'SEK',
    LineAmountTypes: 'Inclusive',
    Status: 'AUTHORISED',
    LineItems: [
      {
        Description: 'Refund',
        AccountCode: '6540',
        Quantity: 1,
        UnitAmount: 125,
        LineAmount: 125,
        TaxType: 'MP1',
        TaxAmount: 25,
      },
    ],
    ...extra,
  });

  it('books net, VAT and payables, and refuses refunds on drafts, above the credit, or on unknown credit notes', async () => {
    const created = await xero(fake, 'PUT', '/CreditNotes?summarizeErrors=false', {
      CreditNotes: [creditNote(), creditNote({ Status: 'DRAFT' }), creditNote({ Type: 'ACCRECCREDIT' })],
    });
    expect(created.status).toBe(200);
    const [authorised, draft, sales] = created.body.CreditNotes as Record<string, unknown>[];
    expect(sales).toMatchObject({ StatusAttributeString: 'ERROR' });
    expect(fake.documents()[0]?.postings).toEqual([
      { account: '6540', amount: -10000 },
      { account: canonicalXeroSeed.accounts.find((a) => a.Name === 'VAT')?.Code, amount: -2500 },
      { account: canonicalXeroSeed.accounts.find((a) => a.Name === 'Accounts Payable')?.Code, amount: 12500 },
    ]);
    const wallet = canonicalXeroSeed.accounts[0]?.Code;
    const pay = (creditNoteId: unknown, amount: number) => ({
      CreditNote: { CreditNoteID: creditNoteId },
      Account: { Code: wallet },
      Date: '2026-11-03',
      Amount: amount,
    });
    const payments = await xero(fake, 'PUT', '/Payments?summarizeErrors=false', {
      Payments: [
        pay(draft?.CreditNoteID, 10),
        pay(authorised?.CreditNoteID, 125.01),
        pay('0b0b0b0b-0000-4000-8000-000000000000', 1),
        pay(authorised?.CreditNoteID, 100),
        pay(authorised?.CreditNoteID, 25),
      ],
    });
    const messages = (payments.body.Payments as { ValidationErrors?: { Message: string }[] }[]).map(
      (p) => p.ValidationErrors?.[0]?.Message ?? 'ok',
    );
    expect(messages).toEqual([
      'Payments can only be made against Authorised documents.',
      'Payment amount exceeds the amount outstanding on this document.',
      "Credit note '0b0b0b0b-0000-4000-8000-000000000000' could not be found.",
      'ok',
      'ok',
    ]);
    expect(fake.documents()[0]?.status).toBe('PAID');
    const [doc] = await fake.listDocuments();
    expect(doc).toMatchObject({ debit: 12500, credit: 12500 });
  });

  it('answers a credit note that breaks the spec with 400 and records the violation', async () => {
    const response = await xero(fake, 'PUT', '/CreditNotes', {
      CreditNotes: [creditNote({ Type: 'SUPPLIERCREDIT' })],
    });
    expect(response.status).toBe(400);
    expect(fake.specViolations).toEqual([expect.stringContaining('PUT /CreditNotes')]);
    expect(fake.documents()).toEqual([]);
    fake.specViolations.length = 0;
  });
});
