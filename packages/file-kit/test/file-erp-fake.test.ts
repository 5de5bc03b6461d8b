import { readdirSync } from 'node:fs';
import { ItemError } from '@ledgerport/core';
import { canonicalEntries, canonicalReceipts, createTestContext } from '@ledgerport/testkit';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { createFileErpFake } from '../src/testing/index';
import { createLinesConnector, type LinesConfig } from './support/ledger-lines-format';

const fake = createFileErpFake<LinesConfig, { entry: string; reference: string }>({
  name: 'lines',
  isDocumentFile: (name) => name.endsWith('.lines'),
  readDocuments(bytes, fileName) {
    const currency = fileName.slice(-9, -6);
    const sums = new Map<string, { debit: number; credit: number }>();
    for (const line of new TextDecoder().decode(bytes).split('\n').slice(1).filter(Boolean)) {
      const [reference = '', , amount = ''] = line.split(';');
      const sum = sums.get(reference) ?? { debit: 0, credit: 0 };
      if (amount.startsWith('+')) sum.debit += Number(amount.slice(1));
      else sum.credit += Number(amount.slice(1));
      sums.set(reference, sum);
    }
    return [...sums].map(([externalId, sum]) => ({ externalId, currency, ...sum }));
  },
  receiptOwner: (receipt) => receipt.reference,
});
afterAll(() => fake.dispose());
beforeEach(() => fake.reset());

const entry = canonicalEntries().find((e) => e.currency === 'SEK')!;
const setup = () => {
  const connector = fake.wrap(createLinesConnector(fake.fileSystem));
  const ctx = createTestContext<LinesConfig>(connector, { outputDirectory: fake.directory });
  return { connector, ctx };
};

describe('createFileErpFake', () => {
  it('lists the documents of the accounting files with Σ debit/credit and their receipts; counts writes', async () => {
    const { connector, ctx } = setup();
    const result = await connector.postEntry(ctx, entry);
    const { pdf } = canonicalReceipts();
    await connector.attach!(ctx, { entry, result }, { ...pdf, index: 0 });
    expect(await fake.writeCount()).toBe(0);
    await connector.commitJob!(ctx, { job: ctx.job, posted: [{ entry, result }] });
    expect(await fake.writeCount()).toBe(3);
    const gross = entry.lines.filter((l) => l.side === 'debit').reduce((s, l) => s + l.amount, 0);
    const [document, ...rest] = await fake.listDocuments();
    expect(rest).toEqual([]);
    expect(document).toMatchObject({
      externalId: entry.reference,
      currency: 'SEK',
      debit: gross,
      credit: gross,
    });
    expect(
      document!.attachments.map((a) => [a.fileName, Buffer.from(a.bytes).equals(Buffer.from(pdf.bytes))]),
    ).toEqual([['L1-1.pdf', true]]);
  });

  it('a timeout fault with afterCommit writes and then loses the response (retryable accounting_system_timeout)', async () => {
    const { connector, ctx } = setup();
    const result = await connector.postEntry(ctx, entry);
    fake.injectFault({ kind: 'timeout', afterCommit: true });
    const error = await connector.commitJob!(ctx, { job: ctx.job, posted: [{ entry, result }] }).catch(
      (e: unknown) => e,
    );
    expect(ItemError.isInstance(error) && [error.reason, error.retryable]).toEqual([
      'accounting_system_timeout',
      true,
    ]);
    expect(readdirSync(fake.directory)).toHaveLength(1);
  });

  it('a plain timeout hangs until the signal aborts; http faults do not apply to files', async () => {
    const { connector } = setup();
    const controller = new AbortController();
    const ctx = createTestContext<LinesConfig>(
      connector,
      { outputDirectory: fake.directory },
      { signal: controller.signal },
    );
    fake.injectFault({ kind: 'timeout' });
    const pending = connector.postEntry(ctx, entry).catch((e: unknown) => e);
    controller.abort(new Error('stop'));
    expect(((await pending) as Error).message).toBe('stop');
    fake.injectFault({ kind: 'http', status: 500 });
    await expect(connector.postEntry(ctx, entry)).rejects.toThrow(/no HTTP transport/);
    expect(await fake.writeCount()).toBe(0);
  });
});
