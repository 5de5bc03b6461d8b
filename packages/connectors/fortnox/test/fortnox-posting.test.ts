import { ItemError } from '@ledgerport/core';
import { describe, expect, it } from 'vitest';
import { entryNamed, inSek, withId } from './support/entries';
import { setupFortnoxTest } from './support/fortnox-test-setup';

const t = setupFortnoxTest();
const posts = () => t.fake.requests.filter((r) => r.method === 'POST' && r.path === '/3/vouchers');

describe('look-up-before-post idempotency (issue #7 "No idempotency key and no deletes")', () => {
  it('after a timeout on a first POST whose write had succeeded, the retry finds the voucher: one voucher, not two', async () => {
    const connector = t.connector();
    const ctx = t.ctx(connector);
    const entry = entryNamed('card-purchase-inclusive-vat-sek');
    t.fake.injectFault({ kind: 'timeout', afterCommit: true });
    const error = await connector.postEntry(ctx, entry).catch((e: unknown) => e);
    expect(ItemError.isInstance(error) && error.reason).toBe('accounting_system_timeout');
    expect((error as ItemError).retryable).toBe(true);
    expect(t.fake.vouchers()).toHaveLength(1); // the write happened; only the answer was lost

    const retried = await connector.postEntry(ctx, entry);
    expect(t.fake.vouchers()).toHaveLength(1);
    expect(posts()).toHaveLength(1); // the retry looked the voucher up and did not POST again
    const [voucher] = t.fake.vouchers();
    expect(retried.externalId).toBe(`${voucher?.year}/${voucher?.series}/${voucher?.number}`);
    expect(voucher?.referenceNumber).toBe(`pleo:${entry.idempotencyKey}`);
    expect(voucher?.referenceType).toBe('MANUAL');
  });

  it('a fresh process (new context, empty cache) still finds the voucher posted earlier', async () => {
    const connector = t.connector();
    const entry = entryNamed('refund-sek');
    const first = await connector.postEntry(t.ctx(connector), entry);
    const second = await t.connector().postEntry(t.ctx(connector), entry);
    expect(second.externalId).toBe(first.externalId);
    expect(t.fake.vouchers()).toHaveLength(1);
  });

  it('numbers vouchers per series and financial year and distinguishes entries on the same date', async () => {
    const connector = t.connector();
    const ctx = t.ctx(connector);
    const base = entryNamed('card-purchase-zero-tax-sek');
    const a = await connector.postEntry(ctx, withId(base, 'entry-a'));
    const b = await connector.postEntry(ctx, withId(base, 'entry-b'));
    expect([a.externalId, b.externalId]).toEqual(['2/A/1', '2/A/2']);
    expect(await connector.postEntry(ctx, withId(base, 'entry-a'))).toMatchObject({ externalId: '2/A/1' });
    expect(t.fake.vouchers()).toHaveLength(2);
  });

  it('books a paid supplier invoice as an invoice voucher and a payment voucher, each found again on retry', async () => {
    const connector = t.connector();
    const ctx = t.ctx(connector);
    const invoice = inSek(entryNamed('invoice-accounts-payable-eur'));
    if (invoice.kind !== 'supplier_invoice') throw new Error('fixture is not a supplier invoice');
    const payable = invoice.lines.find((l) => l.role === 'payable');
    if (payable === undefined) throw new Error('fixture has no payable line');
    // Pleo already paid it: settle the payable from the SEK wallet on the payment date.
    const entry = {
      ...invoice,
      payment: {
        date: '2026-10-20',
        lines: [
          { ...payable, side: 'debit' as const },
          { ...payable, account: '1930', role: 'contra' as const, side: 'credit' as const },
        ],
      },
    };
    const result = await connector.postEntry(ctx, entry);
    const vouchers = t.fake.vouchers();
    expect(vouchers.map((v) => v.referenceNumber)).toEqual([
      `pleo:${entry.idempotencyKey}`,
      `pleo:${entry.idempotencyKey}:p`,
    ]);
    expect(result.externalId).toBe(`${vouchers[0]?.year}/A/${vouchers[0]?.number}`);
    for (const v of vouchers) {
      expect(v.rows.reduce((s, r) => s + r.Debit, 0)).toBe(v.rows.reduce((s, r) => s + r.Credit, 0));
    }
    await connector.postEntry(ctx, entry);
    expect(t.fake.vouchers()).toHaveLength(2);
  });
});

describe('Fortnox answers mapped to Pleo reasons (issue #7 "Errors")', () => {
  it('a voucher in the locked period: validate reports lockedThrough and the entry; posting anyway → validation_failure', async () => {
    t.fake.setLockedThrough('2026-10-31');
    const connector = t.connector();
    const ctx = t.ctx(connector);
    const entry = entryNamed('card-purchase-inclusive-vat-sek');
    const report = await connector.validate(ctx, ctx.job, [entry]);
    expect(report.lockedThrough).toBe('2026-10-31');
    expect(report.entryIssues).toEqual([
      expect.objectContaining({ reason: 'validation_failure', field: 'postingDate' }),
    ]);
    const error = await connector.postEntry(ctx, entry).catch((e: unknown) => e);
    expect(ItemError.isInstance(error) && error.reason).toBe('validation_failure');
    expect((error as ItemError).message).toMatch(/locked/);
    expect((error as ItemError).retryable).toBe(false);
    expect(t.fake.vouchers()).toEqual([]);
  });

  it('an account missing from the chart → account_unknown (validate, and Fortnox code 2001304 on post)', async () => {
    const connector = t.connector();
    const ctx = t.ctx(connector);
    const base = entryNamed('card-purchase-inclusive-vat-sek');
    const entry = { ...base, lines: base.lines.map((l, i) => (i === 0 ? { ...l, account: '4999' } : l)) };
    const report = await connector.validate(ctx, ctx.job, [entry]);
    expect(report.entryIssues).toEqual([
      expect.objectContaining({ reason: 'account_unknown', field: 'lines[0].account' }),
    ]);
    const error = await connector.postEntry(ctx, entry).catch((e: unknown) => e);
    expect(ItemError.isInstance(error) && error.reason).toBe('account_unknown');
    expect((error as ItemError).details).toMatchObject({ status: 400, fortnoxCode: 2001304 });
  });

  it('an inactive account is reported by validate', async () => {
    const connector = t.connector();
    const ctx = t.ctx(connector);
    const base = entryNamed('card-purchase-zero-tax-sek');
    const entry = { ...base, lines: base.lines.map((l, i) => (i === 0 ? { ...l, account: '6999' } : l)) };
    const report = await connector.validate(ctx, ctx.job, [entry]);
    expect(report.entryIssues[0]?.message).toMatch(/inactive/);
  });

  it('a date outside every financial year → validation_failure on postingDate, nothing posted', async () => {
    const connector = t.connector();
    const ctx = t.ctx(connector);
    const entry = { ...entryNamed('cashback-sek'), postingDate: '2031-03-01' };
    const report = await connector.validate(ctx, ctx.job, [entry]);
    expect(report.entryIssues).toEqual([
      expect.objectContaining({ reason: 'validation_failure', field: 'postingDate' }),
    ]);
    const error = await connector.postEntry(ctx, entry).catch((e: unknown) => e);
    expect(ItemError.isInstance(error) && error.field).toBe('postingDate');
    expect(await t.fake.writeCount()).toBe(0);
  });

  it('job level: an unknown voucher series and vendor-based bookkeeping fail the job early, read-only', async () => {
    const connector = t.connector();
    const ctx = t.ctx(connector, { config: t.config({ voucherSeries: 'Z' }) });
    const report = await connector.validate(ctx, { ...ctx.job, vendorBasedBookkeeping: true }, []);
    expect(report.jobIssues.map((i) => i.reason)).toEqual(['invalid_configuration', 'invalid_configuration']);
    expect(report.jobIssues[1]?.message).toContain('"Z"');
    expect(await t.fake.writeCount()).toBe(0);
  });

  it('a 429 with Retry-After → accounting_system_rate_limit, retryable, retryAfterMs', async () => {
    const connector = t.connector();
    t.fake.injectFault({ kind: 'http', status: 429, retryAfterSeconds: 3 });
    const error = await connector
      .postEntry(t.ctx(connector), entryNamed('refund-sek'))
      .catch((e: unknown) => e);
    expect(ItemError.isInstance(error) && error.reason).toBe('accounting_system_rate_limit');
    expect((error as ItemError).retryAfterMs).toBe(3000);
    expect(
      (await connector.limiter.stats(`fortnox:${t.fake.options.clientId}:${t.fake.seed.tenantId}`))
        .pausedUntil,
    ).toBeGreaterThan(Date.now() + 2000);
  });
});

describe('attachments (issue #7 "Attachments")', () => {
  it('uploads to the voucher inbox, then connects the file to the voucher', async () => {
    const connector = t.connector();
    const ctx = t.ctx(connector);
    const entry = entryNamed('card-purchase-inclusive-vat-sek');
    const result = await connector.postEntry(ctx, entry);
    const bytes = new TextEncoder().encode('%PDF-1.4 receipt');
    await connector.attach?.(
      ctx,
      { entry, result },
      { fileName: 'r.pdf', mimeType: 'application/pdf', bytes, index: 0 },
    );
    const calls = t.fake.requests
      .filter((r) => r.api === 'api' && r.method === 'POST')
      .map((r) => `${r.path} ${r.status}`);
    expect(calls).toEqual(['/3/vouchers 201', '/3/inbox 201', '/3/voucherfileconnections 201']);
    expect(t.fake.vouchers()[0]?.attachments.map((a) => a.fileName)).toEqual(['r.pdf']);
  });

  it('checks type and content before any upload', async () => {
    const connector = t.connector();
    const ctx = t.ctx(connector);
    const entry = entryNamed('card-purchase-inclusive-vat-sek');
    const result = await connector.postEntry(ctx, entry);
    const before = t.fake.requests.length;
    const error = await connector
      .attach?.(
        ctx,
        { entry, result },
        {
          fileName: 'fake.pdf',
          mimeType: 'application/pdf',
          bytes: new TextEncoder().encode('<html>'),
          index: 0,
        },
      )
      .catch((e: unknown) => e);
    expect(ItemError.isInstance(error) && error.reason).toBe('receipt_conversion_failure');
    expect(t.fake.requests.length).toBe(before);
  });
});

describe('attachment retries within a job run', () => {
  it('a lost answer on the connection is retried without uploading again or connecting twice', async () => {
    const connector = t.connector();
    const ctx = t.ctx(connector);
    const entry = entryNamed('card-purchase-inclusive-vat-sek');
    const result = await connector.postEntry(ctx, entry);
    const file = {
      fileName: 'r.pdf',
      mimeType: 'application/pdf',
      bytes: new TextEncoder().encode('%PDF-1.4'),
      index: 0,
    };
    // The upload succeeds; the connection commits but its answer is lost.
    let armed = true;
    const arm = ({ request }: { request: Request }) => {
      if (
        armed &&
        request.method === 'POST' &&
        request.url.endsWith('/3/voucherfileconnections?financialyear=2')
      ) {
        armed = false;
        t.fake.injectFault({ kind: 'timeout', afterCommit: true });
      }
    };
    t.server.events.on('request:start', arm);
    const error = await connector.attach?.(ctx, { entry, result }, file).catch((e: unknown) => e);
    t.server.events.removeListener('request:start', arm);
    expect(armed).toBe(false);
    expect(ItemError.isInstance(error) && error.retryable).toBe(true);
    await connector.attach?.(ctx, { entry, result }, file);
    const posts = t.fake.requests.filter((r) => r.api === 'api' && r.method === 'POST').map((r) => r.path);
    expect(posts.filter((p) => p === '/3/inbox')).toHaveLength(1);
    expect(posts.filter((p) => p === '/3/voucherfileconnections')).toHaveLength(1);
    expect(
      t.fake.requests.some((r) => r.method === 'GET' && r.path.startsWith('/3/voucherfileconnections/')),
    ).toBe(true);
    expect(t.fake.vouchers()[0]?.attachments).toHaveLength(1);
  });
});

describe('the look-up index validate builds for a page', () => {
  it('one list call per date covers the page; posting needs no further look-up; a lost POST is looked up live', async () => {
    const connector = t.connector();
    const ctx = t.ctx(connector);
    const base = entryNamed('card-purchase-zero-tax-sek');
    const page = Array.from({ length: 8 }, (_, i) => withId(base, `page-${i}`));
    await connector.postEntry(t.ctx(connector), page[3]!); // booked by an earlier, crashed run
    const lookups = () => t.fake.requests.filter((r) => r.path.startsWith('/3/vouchers/sublist/')).length;
    const before = lookups();
    await connector.validate(ctx, ctx.job, page);
    expect(lookups() - before).toBe(1);
    t.fake.injectFault({ kind: 'timeout', afterCommit: true });
    const lost = await connector.postEntry(ctx, page[0]!).catch((e: unknown) => e);
    expect(ItemError.isInstance(lost) && lost.retryable).toBe(true);
    for (const entry of page) await connector.postEntry(ctx, entry);
    expect(lookups() - before).toBe(2); // the index, plus one live look-up for the lost POST
    expect(t.fake.vouchers()).toHaveLength(8); // page-3 was found in the index, page-0 live: no duplicates
  });
});
