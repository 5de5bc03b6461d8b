import { ItemError } from '@ledgerport/core';
import { expect, it, type TestContext as VitestContext } from 'vitest';
import { canonicalReceipts } from '../../fixtures/receipts';
import type { Harness } from '../harness';
import { simpleEntry } from './idempotency-suite';

/**
 * Attachments (when `manifest.attachments.supported`): receipt bytes round-trip exactly, in upload
 * order; a file over `maxBytes` is refused with `receipt_file_size_limit_exceeded` and an unsupported
 * MIME type with `receipt_conversion_failure`. Core checks the limits before calling `attach`, but the
 * connector must refuse such bytes itself too (defence in depth; the ERP would reject them anyway).
 */
export function attachmentsSuite<Config>(h: Harness<Config>): void {
  const limitsOrSkip = (t: VitestContext) => {
    const limits = h.connector().manifest.attachments;
    if (!limits.supported) t.skip('the manifest says attachments are not supported');
    return limits.supported ? limits : undefined;
  };

  /** Posts the simple entry (committing per_job output after `beforeCommit`) and returns what attach needs. */
  const postWith = async (
    beforeCommit: (posted: {
      entry: ReturnType<typeof simpleEntry>;
      result: Awaited<ReturnType<ReturnType<Harness<Config>['connector']>['postEntry']>>;
    }) => Promise<void>,
  ) => {
    const c = h.connector();
    const ctx = h.ctx();
    const entry = simpleEntry(h);
    const result = await c.postEntry(ctx, entry);
    const posted = { entry, result };
    await beforeCommit(posted);
    if (c.manifest.delivery === 'per_job') await c.commitJob!(ctx, { job: ctx.job, posted: [posted] });
    return { ctx, posted };
  };

  it('round-trips receipt bytes exactly, in upload order', async (t) => {
    const limits = limitsOrSkip(t);
    if (limits === undefined) return;
    const c = h.connector();
    const { pdf, png } = canonicalReceipts();
    const accepted = [pdf, png].filter((r) => limits.mimeTypes.includes(r.mimeType));
    expect(accepted.length, 'the connector accepts neither application/pdf nor image/png').toBeGreaterThan(0);
    const files = accepted.slice(0, limits.singleFileOnly ? 1 : limits.maxFiles);
    const ctx = h.ctx();
    const { posted } = await postWith(async (p) => {
      for (const [index, r] of files.entries()) {
        await c.attach!(ctx, p, { fileName: r.fileName, mimeType: r.mimeType, bytes: r.bytes, index });
      }
    });
    const document = (await h.options.erp.listDocuments()).find(
      (d) => d.externalId === posted.result.externalId,
    );
    expect(document, 'the posted document is not in the ERP').toBeDefined();
    expect(document!.attachments.map((a) => Buffer.from(a.bytes).toString('base64'))).toEqual(
      files.map((r) => Buffer.from(r.bytes).toString('base64')),
    );
  });

  it('refuses a file larger than maxBytes with receipt_file_size_limit_exceeded', async (t) => {
    const limits = limitsOrSkip(t);
    if (limits === undefined) return;
    const c = h.connector();
    const { pdf, png } = canonicalReceipts();
    const template = [pdf, png].find((r) => limits.mimeTypes.includes(r.mimeType)) ?? pdf;
    const bytes = new Uint8Array(limits.maxBytes + 1);
    bytes.set(template.bytes.subarray(0, Math.min(template.bytes.byteLength, bytes.byteLength)));
    const ctx = h.ctx();
    let error: unknown;
    const { posted } = await postWith(async (p) => {
      error = await h.rejection(
        c.attach!(ctx, p, {
          fileName: `too-big-${template.fileName}`,
          mimeType: template.mimeType,
          bytes,
          index: 0,
        }),
      );
    });
    expect(ItemError.isInstance(error), `expected an ItemError, got ${String(error)}`).toBe(true);
    expect((error as ItemError).reason).toBe('receipt_file_size_limit_exceeded');
    expect((error as ItemError).retryable).toBe(false);
    const document = (await h.options.erp.listDocuments()).find(
      (d) => d.externalId === posted.result.externalId,
    );
    expect(document?.attachments ?? []).toEqual([]);
  });

  it('refuses an unsupported MIME type with receipt_conversion_failure', async (t) => {
    const limits = limitsOrSkip(t);
    if (limits === undefined) return;
    const c = h.connector();
    const mimeType = ['application/x-msdownload', 'application/x-sh', 'text/html'].find(
      (m) => !limits.mimeTypes.includes(m),
    )!;
    const bytes = new TextEncoder().encode('MZ\u0090\u0000 not a receipt');
    const ctx = h.ctx();
    let error: unknown;
    const { posted } = await postWith(async (p) => {
      error = await h.rejection(c.attach!(ctx, p, { fileName: 'receipt.exe', mimeType, bytes, index: 0 }));
    });
    expect(ItemError.isInstance(error), `expected an ItemError, got ${String(error)}`).toBe(true);
    expect((error as ItemError).reason).toBe('receipt_conversion_failure');
    expect((error as ItemError).retryable).toBe(false);
    const document = (await h.options.erp.listDocuments()).find(
      (d) => d.externalId === posted.result.externalId,
    );
    expect(document?.attachments ?? []).toEqual([]);
  });
}
