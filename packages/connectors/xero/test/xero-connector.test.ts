import { createTenantRateLimiter } from '@ledgerport/connector-kit';
import { createMemoryCredentialsStore, ItemError, JobError, LedgerportError } from '@ledgerport/core';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createXeroConnector, XERO_TENANT_KEY_PREFIX, xeroManifest } from '../src/index';
import { createXeroFake, loadXeroSpecValidator } from '../src/testing/index';
import {
  contextFor,
  entryTotals,
  inclusiveVat,
  job,
  journal,
  refund,
  reverseCharge,
  splitNoTax,
  supplierInvoice,
} from './fixtures';

const fake = createXeroFake();
const server = setupServer(...fake.handlers);

beforeAll(async () => {
  await loadXeroSpecValidator();
  server.listen({ onUnhandledFrame: 'error' });
});
beforeEach(() => fake.reset());
afterEach(() => fake.assertSpecCompliant());
afterAll(() => server.close());

async function failure(promise: Promise<unknown>): Promise<LedgerportError> {
  try {
    await promise;
  } catch (error) {
    if (LedgerportError.isInstance(error)) return error;
    throw error;
  }
  throw new Error('expected a failure');
}

describe('authenticate', () => {
  it('refreshes with the stored refresh token, persists the rotated one, and picks the tenant from /Connections', async () => {
    const credentials = createMemoryCredentialsStore();
    const { ctx } = contextFor(fake, { credentials });
    await createXeroConnector().authenticate(ctx);
    const stored = await credentials.get(`xero:${fake.options.clientId}:${ctx.companyId}`);
    expect(stored?.value.refreshToken).toMatch(/^fake-refresh-/);
    expect(stored?.value.refreshToken).not.toBe(fake.options.refreshToken);
    expect(ctx.cache.get('xero:tenantId')).toBe(fake.seed.tenants[0]?.tenantId);
    const paths = fake.requests.map((r) => `${r.api} ${r.path}`);
    expect(paths.slice(0, 2)).toEqual(['token /connect/token', 'identity /Connections']);
    // Organisation, plus the reference data entry validation needs, in one round trip (job has items).
    expect(paths.slice(2).sort()).toEqual([
      'accounting /Accounts',
      'accounting /Organisation',
      'accounting /TaxRates',
    ]);
  });

  it('remembers the tenant between jobs: the next job with the same store makes no /Connections call', async () => {
    const credentials = createMemoryCredentialsStore();
    await createXeroConnector().authenticate(contextFor(fake, { credentials }).ctx);
    expect(fake.requests.filter((r) => r.api === 'identity')).toHaveLength(1);
    const stored = await credentials.get(
      `${XERO_TENANT_KEY_PREFIX}${fake.options.clientId}:${contextFor(fake).ctx.companyId}`,
    );
    expect(stored?.value).toEqual({ tenantId: fake.seed.tenants[0]?.tenantId, tenantName: '' });
    await createXeroConnector().authenticate(contextFor(fake, { credentials }).ctx);
    expect(fake.requests.filter((r) => r.api === 'identity')).toHaveLength(1);
    // A different tenantName setting looks it up again.
    await createXeroConnector().authenticate(
      contextFor(fake, { credentials, config: { tenantName: 'Demo Company (UK)' } }).ctx,
    );
    expect(fake.requests.filter((r) => r.api === 'identity')).toHaveLength(2);
  });

  it('forgets a remembered tenant Xero refuses (403), so the next job looks it up again', async () => {
    const credentials = createMemoryCredentialsStore();
    const key = `${XERO_TENANT_KEY_PREFIX}${fake.options.clientId}:${contextFor(fake).ctx.companyId}`;
    await credentials.compareAndSet(key, undefined, { tenantId: 'disconnected-tenant', tenantName: '' });
    const error = await failure(createXeroConnector().authenticate(contextFor(fake, { credentials }).ctx));
    expect(error.reason).toBe('authorization_failure');
    expect((await credentials.get(key))?.value).toEqual({});
    await createXeroConnector().authenticate(contextFor(fake, { credentials }).ctx);
    expect((await credentials.get(key))?.value.tenantId).toBe(fake.seed.tenants[0]?.tenantId);
  });

  it('reads only the organisation for a job without items', async () => {
    const { ctx } = contextFor(fake, { job: { ...job, numberOfItems: 0 } });
    await createXeroConnector().authenticate(ctx);
    expect(fake.requests.filter((r) => r.api === 'accounting').map((r) => r.path)).toEqual(['/Organisation']);
  });

  it('fails with invalid_configuration naming tenantName when no organisation matches', async () => {
    const { ctx } = contextFor(fake, { config: { tenantName: 'Nope Ltd' } });
    const error = await failure(createXeroConnector().authenticate(ctx));
    expect(JobError.isInstance(error)).toBe(true);
    expect(error.reason).toBe('invalid_configuration');
    expect(error.field).toBe('tenantName');
    expect(error.message).toContain('Demo Company (UK)');
  });

  it('supports Custom Connections (client credentials, no refresh token)', async () => {
    const { ctx } = contextFor(fake, { config: { authMode: 'client_credentials' } });
    const before = fake.tokenGrants();
    await createXeroConnector().authenticate(ctx);
    expect(fake.tokenGrants()).toBe(before + 1);
  });

  it('never loses a rotated refresh token when two processes refresh concurrently (strict rotation)', async () => {
    const strict = createXeroFake({
      refreshGraceSeconds: 0,
      apiBaseUrl: 'https://strict.xero.test/api.xro/2.0',
      identityBaseUrl: 'https://strict-id.xero.test',
      connectionsBaseUrl: 'https://strict.xero.test',
    });
    server.use(...strict.handlers);
    const credentials = createMemoryCredentialsStore(); // shared durable store, two "processes" (connector instances)
    // The six share one limiter, so together they stay within Xero's 5 concurrent calls per tenant
    // (separate limiters would rightly draw 429s; the subject here is the refresh-token rotation).
    const limiter = createTenantRateLimiter({
      rateLimits: xeroManifest.rateLimits ?? { requests: 60, windowMs: 60_000, maxConcurrent: 5 },
    });
    const runs = Array.from({ length: 6 }, () => {
      const { ctx } = contextFor(strict, { credentials });
      return createXeroConnector({ limiter }).authenticate(ctx);
    });
    await Promise.all(runs);
    // Everyone got through with one token grant; the stored refresh token is the live one.
    expect(strict.tokenGrants()).toBe(1);
    strict.expireAccessTokens();
    const { ctx } = contextFor(strict, { credentials });
    await createXeroConnector().validate(ctx, job, []);
    expect(strict.tokenGrants()).toBe(2);
    strict.assertSpecCompliant();
  });
});

describe('validate (read-only)', () => {
  it('reports lock dates, unknown/archived accounts, deleted tax types and foreign currencies without writing', async () => {
    fake.updateOrganisation({ PeriodLockDate: '2026-10-31', EndOfYearLockDate: '2026-03-31' });
    const { ctx } = contextFor(fake);
    const connector = createXeroConnector();
    const jobLevel = await connector.validate(ctx, job, []);
    expect(jobLevel).toEqual({ jobIssues: [], entryIssues: [], lockedThrough: '2026-10-31' });

    const good = inclusiveVat();
    const locked = inclusiveVat({ postingDate: '2026-10-15' });
    const unknownAccount = journal({
      lines: [
        { ...good.lines[0], account: '999', tax: undefined } as never,
        { ...good.lines[2], amount: 10000 } as never,
      ],
    });
    const archived = journal({
      lines: [
        { ...good.lines[0], account: '477', tax: undefined } as never,
        { ...good.lines[2], amount: 10000 } as never,
      ],
    });
    const deletedTax = journal({
      lines: [
        { ...good.lines[0], tax: { code: 'EXEMPTINPUT', rate: 0, type: 'inclusive', amount: 0 } } as never,
        { ...good.lines[2], amount: 10000 } as never,
      ],
    });
    const euro = journal({
      currency: 'EUR',
      lines: [...good.lines, { ...good.lines[2], role: 'contra' } as never],
    });
    const report = await connector.validate(ctx, job, [
      good,
      locked,
      unknownAccount,
      archived,
      deletedTax,
      euro,
    ]);
    const byEntry = (id: string) =>
      report.entryIssues.filter((i) => i.accountingEntryId === id).map((i) => [i.reason, i.field]);
    expect(byEntry(good.accountingEntryId)).toEqual([]);
    expect(byEntry(locked.accountingEntryId)).toEqual([['validation_failure', 'postingDate']]);
    expect(byEntry(unknownAccount.accountingEntryId)).toEqual([['account_unknown', 'lines[0].account']]);
    expect(byEntry(archived.accountingEntryId)).toEqual([['account_unknown', 'lines[0].account']]);
    expect(byEntry(deletedTax.accountingEntryId)).toEqual([['tax_code_unknown', 'lines[0].tax.code']]);
    expect(byEntry(euro.accountingEntryId)).toEqual([['validation_failure', 'currency']]);
    expect(await fake.writeCount()).toBe(0);
  });

  it('checks vendors with vendor-based bookkeeping and the wallet account of bank-transaction mode', async () => {
    const { ctx } = contextFor(fake, { config: { cardSpendAs: 'bank_transaction' } });
    const connector = createXeroConnector();
    const vendorJob = { ...job, vendorBasedBookkeeping: true };
    const jobLevel = await connector.validate(ctx, vendorJob, []);
    expect(jobLevel.jobIssues).toEqual([]);
    const known = supplierInvoice();
    const unknown = supplierInvoice('Nobody & Sons');
    const good = inclusiveVat();
    const notABank = journal({
      lines: good.lines.map((l) => (l.role === 'contra' ? { ...l, account: '800' } : l)),
    });
    const report = await connector.validate(ctx, vendorJob, [known, unknown, good, notABank]);
    expect(report.entryIssues.map((i) => [i.accountingEntryId, i.reason, i.field])).toEqual([
      [notABank.accountingEntryId, 'account_unknown', 'lines[2].account'],
      [unknown.accountingEntryId, 'vendor_unknown', 'vendor'],
    ]);
    expect(await fake.writeCount()).toBe(0);
  });
});

describe('posting', () => {
  it('posts 120 journals in 3 PUTs of ≤ 50 with summarizeErrors=false, deep links and conserved amounts', async () => {
    const { ctx } = contextFor(fake);
    const connector = createXeroConnector();
    const entries = Array.from(
      { length: 120 },
      (_, i) =>
        [inclusiveVat(), reverseCharge(), refund(), splitNoTax()][i % 4] as ReturnType<typeof inclusiveVat>,
    );
    const outcomes = await connector.postEntries?.(ctx, entries);
    expect(outcomes?.every((o) => o.ok)).toBe(true);
    const puts = fake.requests.filter((r) => r.method === 'PUT');
    expect(puts.map((r) => r.path)).toEqual(['/ManualJournals', '/ManualJournals', '/ManualJournals']);
    const documents = await fake.listDocuments();
    expect(documents).toHaveLength(120);
    entries.forEach((entry, i) => {
      const outcome = outcomes?.[i];
      if (!outcome?.ok) throw new Error('expected success');
      expect(outcome.result.externalId).toMatch(/^[0-9a-f-]{36}$/);
      expect(outcome.result.externalUrl).toBe(
        `https://go.xero.com/organisationlogin/default.aspx?shortcode=!xkq7T&redirecturl=/Journal/View.aspx?invoiceID=${outcome.result.externalId}`,
      );
      const doc = documents.find((d) => d.externalId === outcome.result.externalId);
      expect({ debit: doc?.debit, credit: doc?.credit }).toEqual(entryTotals(entry));
    });
  });

  it('fails only the elements Xero rejects, with specific reasons', async () => {
    fake.updateOrganisation({ PeriodLockDate: '2026-10-31' });
    const { ctx } = contextFor(fake);
    const good = inclusiveVat();
    const badAccount = journal({
      lines: [
        { ...good.lines[0], account: '999', tax: undefined } as never,
        { ...good.lines[2], amount: 10000 } as never,
      ],
    });
    const badTax = journal({
      lines: [
        { ...good.lines[0], tax: { code: 'NOPE', rate: 0.2, type: 'inclusive', amount: 0 } } as never,
        { ...good.lines[2], amount: 10000 } as never,
      ],
    });
    const locked = inclusiveVat({ postingDate: '2026-10-01' });
    const outcomes =
      (await createXeroConnector().postEntries?.(ctx, [good, badAccount, badTax, locked])) ?? [];
    expect(outcomes.map((o) => (o.ok ? 'ok' : o.error.reason))).toEqual([
      'ok',
      'account_unknown',
      'tax_code_unknown',
      'validation_failure',
    ]);
    const rejected = outcomes[1];
    expect(rejected?.ok === false && rejected.error.message).toContain("Account code '999'");
    expect(fake.documents()).toHaveLength(1);
    expect(fake.requests.filter((r) => r.method === 'PUT')).toHaveLength(1);
  });

  it('books a foreign-currency card entry as a bank transaction in that currency on the wallet account', async () => {
    const { ctx } = contextFor(fake);
    const entry = inclusiveVat({ currency: 'EUR', postingMode: 'draft' });
    const euroEntry = {
      ...entry,
      lines: entry.lines.map((l) => ({
        ...l,
        currency: 'EUR',
        ...(l.role === 'contra' ? { account: '091' } : {}),
      })),
    };
    const result = await createXeroConnector().postEntry(ctx, euroEntry);
    const [doc] = fake.documents();
    expect([
      doc?.kind,
      doc?.currency,
      (doc?.body.BankAccount as { Code?: string } | undefined)?.Code,
    ]).toEqual(['BankTransactions', 'EUR', '091']);
    expect(result.externalUrl).toContain('bankTransactionID=');
  });

  it('refuses a foreign-currency entry with two wallet lines before calling Xero', async () => {
    const { ctx } = contextFor(fake);
    const good = inclusiveVat();
    const twoContras = journal({
      currency: 'EUR',
      lines: [...good.lines, { ...good.lines[2], role: 'contra' } as never],
    });
    const error = await failure(createXeroConnector().postEntry(ctx, twoContras));
    expect(error.reason).toBe('validation_failure');
    expect(error.field).toBe('currency');
    expect(fake.requests.filter((r) => r.method === 'PUT')).toHaveLength(0);
  });

  it('books card spend as SPEND/RECEIVE bank transactions when configured (posted entries only)', async () => {
    const { ctx } = contextFor(fake, { config: { cardSpendAs: 'bank_transaction' } });
    const spend = inclusiveVat();
    const back = refund();
    const draft = inclusiveVat({ postingMode: 'draft' });
    const outcomes = (await createXeroConnector().postEntries?.(ctx, [spend, back, draft])) ?? [];
    expect(outcomes.every((o) => o.ok)).toBe(true);
    const kinds = fake.documents().map((d) => [d.kind, d.body.Type ?? d.status]);
    expect(kinds).toEqual(
      expect.arrayContaining([
        ['BankTransactions', 'SPEND'],
        ['BankTransactions', 'RECEIVE'],
        ['ManualJournals', 'DRAFT'],
      ]),
    );
    const docs = await fake.listDocuments();
    for (const [i, entry] of [spend, back, draft].entries()) {
      const outcome = outcomes[i];
      const doc = docs.find((d) => outcome?.ok && d.externalId === outcome.result.externalId);
      expect({ debit: doc?.debit, credit: doc?.credit }).toEqual(entryTotals(entry));
    }
    const first = outcomes[0];
    expect(first?.ok && first.result.externalUrl).toContain('/Bank/ViewTransaction.aspx?bankTransactionID=');
  });

  it('books a supplier invoice as an ACCPAY bill and pays it from the wallet account', async () => {
    const { ctx } = contextFor(fake);
    const entry = supplierInvoice();
    const result = await createXeroConnector().postEntry(ctx, entry);
    const [bill] = fake.documents();
    expect(bill?.kind).toBe('Invoices');
    expect(bill?.status).toBe('PAID');
    expect(bill?.payments).toEqual([expect.objectContaining({ amount: 24000, account: '090' })]);
    expect(result.externalUrl).toContain('/AccountsPayable/Edit.aspx?InvoiceID=');
    const [doc] = await fake.listDocuments();
    expect({ debit: doc?.debit, credit: doc?.credit }).toEqual(entryTotals(entry));
  });
});

describe('idempotency', () => {
  it('a retry after a timeout that committed returns the first document, never a second one', async () => {
    const { ctx } = contextFor(fake, { config: { timeoutMs: 400 } });
    const connector = createXeroConnector();
    await connector.authenticate(ctx);
    const entry = inclusiveVat();
    fake.injectFault({ kind: 'timeout', afterCommit: true });
    const error = await failure(connector.postEntry(ctx, entry));
    expect(error.reason).toBe('accounting_system_timeout');
    expect(error.retryable).toBe(true);
    expect(fake.documents()).toHaveLength(1);
    const again = await connector.postEntry(ctx, entry);
    expect(fake.documents()).toHaveLength(1);
    expect(again.externalId).toBe(fake.documents()[0]?.id);
    expect(fake.requests.at(-1)?.replayed).toBe(true);
  });

  it('a batch whose response was lost rejects retryably; retrying the same batch replays it (no duplicates)', async () => {
    const { ctx } = contextFor(fake, { config: { timeoutMs: 400 } });
    const connector = createXeroConnector();
    await connector.authenticate(ctx);
    const entries = [inclusiveVat(), refund(), splitNoTax()];
    fake.injectFault({ kind: 'timeout', afterCommit: true });
    const error = await failure(connector.postEntries?.(ctx, entries) ?? Promise.resolve());
    expect([error.reason, error.retryable]).toEqual(['accounting_system_timeout', true]);
    expect(fake.documents()).toHaveLength(3);
    const outcomes = (await connector.postEntries?.(ctx, entries)) ?? [];
    expect(outcomes.every((o) => o.ok)).toBe(true);
    expect(fake.documents()).toHaveLength(3);
    expect(outcomes.map((o) => o.ok && o.result.externalId).sort()).toEqual(
      fake
        .documents()
        .map((d) => d.id)
        .sort(),
    );
  });

  it('the same batch posted twice concurrently creates each document once', async () => {
    const { ctx } = contextFor(fake);
    const connector = createXeroConnector();
    const entries = [inclusiveVat(), refund(), splitNoTax()];
    const [a, b] = await Promise.all([
      connector.postEntries?.(ctx, entries),
      connector.postEntries?.(ctx, entries),
    ]);
    expect(fake.documents()).toHaveLength(3);
    expect(a?.map((o) => o.ok && o.result.externalId)).toEqual(b?.map((o) => o.ok && o.result.externalId));
  });
});

describe('attachments', () => {
  it('uploads raw bytes with the file MIME type and round-trips them', async () => {
    const { ctx } = contextFor(fake);
    const connector = createXeroConnector();
    const entry = inclusiveVat();
    const result = await connector.postEntry(ctx, entry);
    const bytes = new Uint8Array([0x25, 0x50, 0x44, 0x46, 0x2d, 1, 2, 3]);
    await connector.attach?.(
      ctx,
      { entry, result },
      { fileName: 'receipt 1.pdf', mimeType: 'application/pdf', bytes, index: 0 },
    );
    const [doc] = await fake.listDocuments();
    expect(doc?.attachments).toEqual([{ fileName: 'receipt 1.pdf', bytes }]);
    expect(fake.documents()[0]?.attachments[0]?.mimeType).toBe('application/pdf');
  });

  it('checks the 10 MB, 10-per-record and MIME limits before uploading', async () => {
    const { ctx } = contextFor(fake);
    const connector = createXeroConnector();
    const entry = inclusiveVat();
    const result = await connector.postEntry(ctx, entry);
    const writes = await fake.writeCount();
    const big = new Uint8Array(10 * 1024 * 1024 + 1);
    const tooBig = await failure(
      Promise.resolve(
        connector.attach?.(
          ctx,
          { entry, result },
          { fileName: 'big.pdf', mimeType: 'application/pdf', bytes: big, index: 0 },
        ),
      ),
    );
    expect(tooBig.reason).toBe('receipt_file_size_limit_exceeded');
    const eleventh = await failure(
      Promise.resolve(
        connector.attach?.(
          ctx,
          { entry, result },
          { fileName: 'r11.pdf', mimeType: 'application/pdf', bytes: new Uint8Array(3), index: 10 },
        ),
      ),
    );
    expect(eleventh.reason).toBe('receipt_upload_failure');
    const exe = await failure(
      Promise.resolve(
        connector.attach?.(
          ctx,
          { entry, result },
          { fileName: 'x.exe', mimeType: 'application/x-msdownload', bytes: new Uint8Array(3), index: 0 },
        ),
      ),
    );
    expect([exe.reason, exe.field]).toEqual(['receipt_conversion_failure', 'mimeType']);
    expect(await fake.writeCount()).toBe(writes);
  });
});

describe('error matrix', () => {
  const cases: [Parameters<typeof fake.injectFault>[0], string, boolean][] = [
    [{ kind: 'http', status: 401, times: 2 }, 'accounting_system_authentication_failure', false],
    [{ kind: 'http', status: 403 }, 'authorization_failure', false],
    [{ kind: 'http', status: 404 }, 'invalid_configuration', false],
    [{ kind: 'http', status: 409 }, 'accounting_system_validation_failure', false],
    [{ kind: 'http', status: 422 }, 'accounting_system_validation_failure', false],
    [{ kind: 'http', status: 429, retryAfterSeconds: 7 }, 'accounting_system_rate_limit', true],
    [{ kind: 'http', status: 500 }, 'accounting_system_unreachable', true],
    [{ kind: 'http', status: 502 }, 'accounting_system_unreachable', true],
    [{ kind: 'http', status: 503 }, 'accounting_system_unreachable', true],
    [{ kind: 'http', status: 504 }, 'accounting_system_unreachable', true],
    [{ kind: 'network' }, 'accounting_system_unreachable', true],
    [{ kind: 'timeout' }, 'accounting_system_timeout', true],
  ];
  it.each(cases)('%j → %s (retryable %s)', async (fault, reason, retryable) => {
    const { ctx, logger } = contextFor(fake, { config: { timeoutMs: 300 } });
    const connector = createXeroConnector();
    await connector.authenticate(ctx);
    fake.injectFault(fault);
    const error = await failure(connector.postEntry(ctx, inclusiveVat()));
    expect(ItemError.isInstance(error)).toBe(true);
    expect(error.reason).toBe(reason);
    expect(error.retryable).toBe(retryable);
    if (fault.kind === 'http' && fault.status === 429) expect(error.retryAfterMs).toBe(7_000);
    const secrets = [fake.options.clientSecret, fake.options.refreshToken];
    const text = JSON.stringify([error.message, error.details, logger.lines]);
    for (const secret of secrets) expect(text).not.toContain(secret);
    expect(text).not.toMatch(/fake-access-|fake-refresh-/);
  });

  it('an expired access token is refreshed once and the call succeeds', async () => {
    const { ctx } = contextFor(fake);
    const connector = createXeroConnector();
    await connector.authenticate(ctx);
    const before = fake.tokenGrants();
    fake.expireAccessTokens();
    await connector.postEntry(ctx, inclusiveVat());
    expect(fake.tokenGrants()).toBe(before + 1);
    expect(fake.documents()).toHaveLength(1);
  });

  it('a 400 ValidationException with summarizeErrors maps by message', async () => {
    fake.injectFault({ kind: 'http', status: 400 });
    const { ctx } = contextFor(fake);
    const error = await failure(createXeroConnector().postEntry(ctx, inclusiveVat()));
    expect(error.reason).toBe('accounting_system_validation_failure');
  });
});

describe('cancellation', () => {
  it('rejects promptly with the abort reason and creates nothing', async () => {
    const controller = new AbortController();
    const { ctx } = contextFor(fake, { signal: controller.signal });
    const connector = createXeroConnector();
    await connector.authenticate(ctx);
    fake.injectFault({ kind: 'timeout' });
    const pending = connector.postEntry(ctx, inclusiveVat());
    const reason = new Error('job canceled by user');
    setTimeout(() => controller.abort(reason), 20);
    const started = performance.now();
    await expect(pending).rejects.toBe(reason);
    expect(performance.now() - started).toBeLessThan(1_000);
    expect(fake.documents()).toHaveLength(0);
  });
});
