import { type AccountingEntry, createConnectorContext, createMemoryCredentialsStore } from '@ledgerport/core';
import { setupServer } from 'msw/node';
import { expect, it } from 'vitest';
import { createFortnoxConnector, fortnoxConfigSchema } from '../src/index';
import { createFortnoxFake } from '../src/testing/index';

it('runs the README example', async () => {
  const fake = createFortnoxFake({
    apiBaseUrl: 'https://fortnox.example/api',
    tokenBaseUrl: 'https://fortnox.example/auth',
  });
  await fake.ready();
  const server = setupServer(...fake.handlers);
  server.listen({ onUnhandledFrame: 'error' });
  try {
    const connector = createFortnoxConnector();
    const ctx = createConnectorContext({
      job: { id: 'job-1', companyId: 'company-1', vendorBasedBookkeeping: false } as never,
      config: fortnoxConfigSchema.parse({
        authMode: 'authorization_code',
        clientId: fake.options.clientId,
        apiBaseUrl: fake.options.apiBaseUrl,
        tokenBaseUrl: fake.options.tokenBaseUrl,
      }),
      secrets: { clientSecret: fake.options.clientSecret, refreshToken: fake.options.refreshToken },
      secretFields: connector.secretFields,
      credentials: createMemoryCredentialsStore(),
    });
    const tax = { code: 'MP1', rate: 0.25, type: 'inclusive', amount: 25000 } as const;
    const entry = {
      kind: 'journal',
      idempotencyKey: 'exp-1',
      accountingEntryId: 'exp-1',
      reconciliationId: undefined,
      type: 'card_purchase',
      subType: null,
      bookkeepingMethod: 'journal',
      date: '2026-10-05',
      postingDate: '2026-10-05',
      description: 'Restaurang Prinsen, Astrid Lindqvist',
      reference: 'exp-1',
      currency: 'SEK',
      grossAmount: 125000,
      supplierName: 'Restaurang Prinsen',
      userName: 'Astrid Lindqvist',
      note: undefined,
      vendor: undefined,
      files: [],
      postingMode: 'draft',
      pleoUrl: undefined,
      source: {} as never,
      lines: [
        {
          account: '6071',
          side: 'debit',
          amount: 100000,
          currency: 'SEK',
          role: 'expense',
          tax,
          dimensions: [{ dimension: 'PROJECT', value: 'P-001' }],
        },
        {
          account: '2641',
          side: 'debit',
          amount: 25000,
          currency: 'SEK',
          role: 'input_vat',
          tax,
          dimensions: [],
        },
        { account: '1930', side: 'credit', amount: 125000, currency: 'SEK', role: 'contra', dimensions: [] },
      ],
    } satisfies AccountingEntry;

    await connector.authenticate(ctx);
    const report = await connector.validate(ctx, ctx.job, [entry]);
    expect(report.entryIssues).toEqual([]);
    expect(report.lockedThrough).toBeUndefined();
    const posted = await connector.postEntry(ctx, entry);
    expect(posted.externalId).toBe('2/A/1');
    await connector.postEntry(ctx, entry);
    await connector.attach?.(
      ctx,
      { entry, result: posted },
      {
        fileName: 'receipt.pdf',
        mimeType: 'application/pdf',
        bytes: new TextEncoder().encode('%PDF-1.4'),
        index: 0,
      },
    );
    const documents = await fake.listDocuments();
    expect(documents).toHaveLength(1);
    expect(documents[0]).toMatchObject({
      externalId: '2/A/1',
      currency: 'SEK',
      debit: 125000,
      credit: 125000,
    });
    expect(documents[0]?.attachments.map((a) => a.fileName)).toEqual(['receipt.pdf']);
    expect(fake.vouchers()[0]?.rows.find((r) => r.Account === 6071)?.Project).toBe('P-001');
    expect(fake.specViolations).toEqual([]);
  } finally {
    server.close();
  }
});
