import { type AccountingEntry, ItemError, JobError } from '@ledgerport/core';
import {
  CANONICAL_CHART_OF_ACCOUNTS,
  CANONICAL_FIXTURE_NAMES,
  canonicalEntries,
  canonicalReceipts,
  createTestContext,
} from '@ledgerport/testkit';
import { describe, expect, it } from 'vitest';
import {
  createMemoryConnector,
  createMemoryLedger,
  faultToItemError,
  faultToJobError,
  type MemoryLedgerOptions,
  memoryConfigSchema,
} from '../src/index';

const config = { ledgerName: 'books', apiKey: 'mem-unit-key-55aa77cc' };
const entries = canonicalEntries();
const entry = (name: (typeof CANONICAL_FIXTURE_NAMES)[number]): AccountingEntry =>
  entries[CANONICAL_FIXTURE_NAMES.indexOf(name)]!;

function setup(options: MemoryLedgerOptions = {}) {
  const ledger = createMemoryLedger({ name: 'books', apiKey: config.apiKey, ...options });
  const connector = createMemoryConnector({ ledger });
  return { ledger, connector, ctx: createTestContext(connector, config) };
}

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => expect.fail('expected a rejection'),
    (error: unknown) => error,
  );
}

describe('config', () => {
  it('names the field and the fix', () => {
    const missing = memoryConfigSchema.safeParse({ apiKey: config.apiKey });
    expect(missing.success).toBe(false);
    expect(missing.error?.issues[0]).toMatchObject({
      path: ['ledgerName'],
      message: expect.stringContaining('required'),
    });
    const short = memoryConfigSchema.safeParse({ ledgerName: 'books', apiKey: 'short' });
    expect(short.error?.issues[0]).toMatchObject({
      path: ['apiKey'],
      message: 'apiKey must be at least 8 characters long.',
    });
  });
});

describe('authenticate', () => {
  it('rejects a wrong API key without echoing it', async () => {
    const { connector } = setup();
    const ctx = createTestContext(connector, { ...config, apiKey: 'wrong-key-123456' });
    const error = await rejection(connector.authenticate(ctx));
    expect(JobError.isInstance(error) && error.reason).toBe('accounting_system_authentication_failure');
    expect(String((error as Error).message)).not.toContain('wrong-key-123456');
  });

  it('rejects an unknown ledger name as invalid_configuration on ledgerName', async () => {
    const { connector } = setup();
    const error = await rejection(
      connector.authenticate(createTestContext(connector, { ...config, ledgerName: 'other' })),
    );
    expect(error).toMatchObject({ reason: 'invalid_configuration', field: 'ledgerName' });
  });

  it('turns ERP faults into job errors with the escalated reason', async () => {
    const { connector, ledger, ctx } = setup();
    ledger.injectFault({ kind: 'http', status: 503 });
    const error = await rejection(connector.authenticate(ctx));
    expect(JobError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ reason: 'accounting_system_unreachable', retryable: true });
  });
});

describe('validate', () => {
  it('reports accounts missing from the chart of accounts with the line path', async () => {
    const { connector, ctx } = setup({
      chartOfAccounts: CANONICAL_CHART_OF_ACCOUNTS.filter((a) => a !== '6071'),
    });
    const report = await connector.validate(ctx, ctx.job, [entry('card-purchase-inclusive-vat-sek')]);
    expect(report.entryIssues).toEqual([
      expect.objectContaining({ reason: 'account_unknown', field: 'lines[0].account' }),
    ]);
  });

  it('reports the lock date and entries dated inside it', async () => {
    const { connector, ctx } = setup({ lockedThrough: '2026-10-05' });
    const report = await connector.validate(ctx, ctx.job, [
      entry('card-purchase-inclusive-vat-sek'),
      entry('card-purchase-exclusive-vat-eur'),
    ]);
    expect(report.lockedThrough).toBe('2026-10-05');
    expect(report.entryIssues.map((i) => i.field)).toEqual(['postingDate']);
  });

  it('fails the job when vendor-based bookkeeping is off but the job needs it', async () => {
    const ledger = createMemoryLedger();
    const connector = createMemoryConnector({ ledger, vendorBasedBookkeeping: false });
    const ctx = createTestContext(connector, config);
    const report = await connector.validate(ctx, { ...ctx.job, vendorBasedBookkeeping: true }, []);
    expect(report.jobIssues.map((i) => i.reason)).toEqual(['invalid_configuration']);
  });
});

describe('postEntry', () => {
  it('stores a voucher with the entry lines, posting mode and reference', async () => {
    const { connector, ledger, ctx } = setup();
    const e = entry('card-purchase-reverse-charge-eur-usd');
    const result = await connector.postEntry(ctx, e);
    const voucher = ledger.findById(result.externalId)!;
    expect(voucher).toMatchObject({
      idempotencyKey: e.idempotencyKey,
      currency: 'EUR',
      status: 'draft',
      reference: e.reference,
      postingDate: e.postingDate,
    });
    expect(voucher.lines.map((l) => [l.side, l.account, l.amount])).toEqual(
      e.lines.map((l) => [l.side, l.account, l.amount]),
    );
  });

  it('refuses an unbalanced entry without writing a voucher', async () => {
    const { connector, ledger, ctx } = setup();
    const e = entry('card-purchase-zero-tax-sek');
    const broken = { ...e, lines: e.lines.map((l, i) => (i === 0 ? { ...l, amount: l.amount + 1 } : l)) };
    const error = await rejection(connector.postEntry(ctx, broken));
    expect(error).toMatchObject({ reason: 'accounting_system_validation_failure', field: 'lines' });
    expect(ledger.documents()).toEqual([]);
  });

  it('keeps an afterCommit timeout for the next write, not for reads', async () => {
    const { connector, ledger, ctx } = setup();
    ledger.injectFault({ kind: 'timeout', afterCommit: true });
    await connector.validate(ctx, ctx.job, []);
    const error = await rejection(connector.postEntry(ctx, entry('cashback-sek')));
    expect(error).toMatchObject({ reason: 'accounting_system_timeout', retryable: true });
    expect(ledger.documents()).toHaveLength(1);
  });

  it('applies a fault `times` times, then recovers', async () => {
    const { connector, ledger, ctx } = setup();
    ledger.injectFault({ kind: 'network', times: 2 });
    for (let i = 0; i < 2; i++) {
      expect(await rejection(connector.postEntry(ctx, entry('cashback-sek')))).toMatchObject({
        reason: 'accounting_system_unreachable',
      });
    }
    await expect(connector.postEntry(ctx, entry('cashback-sek'))).resolves.toMatchObject({
      externalId: 'MEM-000001',
    });
  });

  it('rejects with the abort reason while waiting on latency', async () => {
    const { connector, ctx: base } = setup({ latencyMs: 1_000 });
    const controller = new AbortController();
    const ctx = createTestContext(connector, config, { signal: controller.signal });
    const pending = connector.postEntry(ctx, entry('cashback-sek'));
    const reason = new Error('job canceled');
    controller.abort(reason);
    expect(await rejection(pending)).toBe(reason);
    expect(base.signal.aborted).toBe(false);
  });

  it('uses the context clock for exportedAt', async () => {
    const ledger = createMemoryLedger();
    const connector = createMemoryConnector({ ledger });
    const ctx = createTestContext(connector, config, {
      clock: { now: () => new Date('2026-11-02T10:00:00Z') },
    });
    const result = await connector.postEntry(ctx, entry('wallet-topup-sek'));
    expect(result.exportedAt).toBe('2026-11-02T10:00:00.000Z');
  });
});

describe('postEntries', () => {
  it('fails only the entries the ledger refuses', async () => {
    const { connector, ctx } = setup({
      chartOfAccounts: CANONICAL_CHART_OF_ACCOUNTS.filter((a) => a !== '8310'),
    });
    const batch = [entry('refund-sek'), entry('cashback-sek'), entry('chargeback-eur')];
    const outcomes = await connector.postEntries!(ctx, batch);
    expect(outcomes.map((o) => (o.ok ? 'ok' : o.error.reason))).toEqual(['ok', 'account_unknown', 'ok']);
  });

  it('refuses more entries than the batch size', async () => {
    const { connector, ctx } = setup();
    const many = Array.from({ length: 51 }, (_, i) => ({
      ...entry('cashback-sek'),
      idempotencyKey: `k-${i}`,
    }));
    await expect(connector.postEntries!(ctx, many)).rejects.toThrow(RangeError);
  });
});

describe('attach', () => {
  it('refuses bytes that are not what the MIME type says', async () => {
    const { connector, ctx } = setup();
    const e = entry('card-purchase-inclusive-vat-sek');
    const result = await connector.postEntry(ctx, e);
    const { png } = canonicalReceipts();
    const error = await rejection(
      connector.attach!(
        ctx,
        { entry: e, result },
        { fileName: 'r.pdf', mimeType: 'application/pdf', bytes: png.bytes, index: 0 },
      ),
    );
    expect(ItemError.isInstance(error) && error.reason).toBe('receipt_conversion_failure');
  });

  it('is idempotent per file index and stops at maxFiles', async () => {
    const { connector, ledger, ctx } = setup();
    const e = entry('card-purchase-inclusive-vat-sek');
    const result = await connector.postEntry(ctx, e);
    const { pdf } = canonicalReceipts();
    const file = (index: number) => ({
      fileName: `r${index}.pdf`,
      mimeType: pdf.mimeType,
      bytes: pdf.bytes,
      index,
    });
    await connector.attach!(ctx, { entry: e, result }, file(0));
    await connector.attach!(ctx, { entry: e, result }, file(0));
    expect(ledger.findById(result.externalId)!.attachments).toHaveLength(1);
    for (let i = 1; i < 10; i++) await connector.attach!(ctx, { entry: e, result }, file(i));
    const error = await rejection(connector.attach!(ctx, { entry: e, result }, file(10)));
    expect(error).toMatchObject({ reason: 'receipt_upload_failure' });
  });
});

describe('fault → error table', () => {
  it.each([
    [401, 'accounting_system_authentication_failure', false],
    [403, 'authorization_failure', false],
    [404, 'invalid_configuration', false],
    [409, 'accounting_system_validation_failure', false],
    [418, 'accounting_system_validation_failure', false],
    [502, 'accounting_system_unreachable', true],
    [599, 'accounting_system_unreachable', true],
  ] as const)('HTTP %i → %s', (status, reason, retryable) => {
    expect(faultToItemError({ kind: 'http', status })).toMatchObject({ reason, retryable });
  });

  it('carries Retry-After only on retryable answers', () => {
    expect(faultToItemError({ kind: 'http', status: 429, retryAfterSeconds: 3 }).retryAfterMs).toBe(3000);
    expect(
      faultToItemError({ kind: 'http', status: 400, retryAfterSeconds: 3 }).retryAfterMs,
    ).toBeUndefined();
  });

  it('maps job-level faults onto job reasons', () => {
    expect(faultToJobError({ kind: 'http', status: 422 }).reason).toBe('validation_failure');
    expect(faultToJobError({ kind: 'http', status: 404 }).reason).toBe('invalid_configuration');
    expect(faultToJobError({ kind: 'timeout' }).reason).toBe('accounting_system_timeout');
  });
});
