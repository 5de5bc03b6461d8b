import { afterEach, describe, expect, it } from 'vitest';
import type { AttachmentFile } from '../../src/connector/connector-v1';
import { runExportJob } from '../../src/lifecycle/run-export-job';
import { createRecordingConnector, validRecordingConfig } from './support/recording-connector';
import { type SandboxHarness, startSandbox, testMapping } from './support/sandbox-harness';

const fastRetry = { minDelayMs: 1, maxDelayMs: 5, budgetMs: 5_000 };
let harness: SandboxHarness | undefined;
afterEach(async () => {
  await harness?.close();
  harness = undefined;
});

const MAGIC: Record<string, number[]> = {
  'application/pdf': [0x25, 0x50, 0x44, 0x46],
  'image/png': [0x89, 0x50, 0x4e, 0x47],
  'image/jpeg': [0xff, 0xd8, 0xff],
};

describe('runExportJob — receipts', () => {
  it('downloads every receipt from Pleo and attaches them in files[] order', async () => {
    harness = await startSandbox({ itemCount: 30 });
    const withFiles = harness.items.filter((i) => (i.files?.length ?? 0) > 0);
    expect(withFiles.length).toBeGreaterThan(0);
    const attached: AttachmentFile[] = [];
    const connector = createRecordingConnector({ attach: (file) => void attached.push(file) });
    const outcome = await runExportJob({
      pleo: harness.pleo,
      connector,
      job: harness.jobId,
      config: validRecordingConfig,
      mapping: testMapping,
      retry: fastRetry,
    });
    expect(outcome.status).toBe('completed');
    for (const item of withFiles) {
      const document = connector.documents.get(item.accountingEntryId);
      const files = item.files ?? [];
      expect(document?.attachments.map((a) => a.index)).toEqual(files.map((_, i) => i));
      for (const [index, attachment] of (document?.attachments ?? []).entries()) {
        const file = files[index];
        expect(attachment.mimeType).toBe(file?.type);
        expect(attachment.bytes.byteLength).toBe(file?.size);
        expect(attachment.fileName).toMatch(new RegExp(`^receipt-${index + 1}\\.`));
        const magic = MAGIC[attachment.mimeType];
        if (magic !== undefined) expect([...attachment.bytes.slice(0, magic.length)]).toEqual(magic);
      }
    }
    expect(attached.length).toBe(withFiles.reduce((n, i) => n + (i.files?.length ?? 0), 0));
  });

  it('fails items whose receipts exceed the ERP size limit before posting them', async () => {
    harness = await startSandbox({ itemCount: 30 });
    const withFiles = new Set(
      harness.items.filter((i) => (i.files?.length ?? 0) > 0).map((i) => i.accountingEntryId),
    );
    const connector = createRecordingConnector({
      attach: () => undefined,
      manifest: {
        attachments: {
          supported: true,
          maxBytes: 10,
          mimeTypes: ['application/pdf', 'image/png', 'image/jpeg'],
          maxFiles: 5,
          singleFileOnly: false,
        },
      },
    });
    const outcome = await runExportJob({
      pleo: harness.pleo,
      connector,
      job: harness.jobId,
      config: validRecordingConfig,
      mapping: testMapping,
      retry: fastRetry,
    });
    expect(outcome.failuresByReason.receipt_file_size_limit_exceeded).toBe(withFiles.size);
    expect(connector.postCalls.filter((k) => withFiles.has(k))).toEqual([]);
    const failed = harness.sandbox.getJobItems(harness.jobId).find((i) => withFiles.has(i.accountingEntryId));
    expect(failed?.failureReason).toMatch(/more than the 10 bytes Recording Ledger accepts/);
  });

  it('fails an item with receipt_download_failure when its receipt cannot be downloaded', async () => {
    harness = await startSandbox({ itemCount: 30 });
    const withFiles = harness.items.filter((i) => (i.files?.length ?? 0) > 0);
    const victim = withFiles[0]?.accountingEntryId;
    const fileId = (url: string) => /\/files\/([^/?#]+)/.exec(url)?.[1];
    const victimFiles = new Set((withFiles[0]?.files ?? []).map((f) => fileId(f.url)));
    let downloads = 0;
    const connector = createRecordingConnector({ attach: () => undefined });
    const outcome = await runExportJob({
      pleo: harness.pleo,
      connector,
      job: harness.jobId,
      config: validRecordingConfig,
      mapping: testMapping,
      retry: { ...fastRetry, maxAttempts: 3 },
      downloadFile: async (file) => {
        downloads += 1;
        if (victimFiles.has(fileId(file.url))) throw new TypeError('fetch failed');
        return new Uint8Array(file.size);
      },
    });
    expect(outcome.status).toBe('completed_with_errors');
    expect(outcome.failuresByReason).toEqual({ receipt_download_failure: 1 });
    const item = harness.sandbox.getJobItems(harness.jobId).find((i) => i.accountingEntryId === victim);
    expect(item).toMatchObject({ status: 'failed', failureReasonType: 'receipt_download_failure' });
    expect(downloads).toBeGreaterThan(withFiles.length);
  });

  it('fails an item with more receipts than the ERP accepts per document (receipt_conversion_failure)', async () => {
    harness = await startSandbox({ itemCount: 30 });
    const multi = harness.items.filter((i) => (i.files?.length ?? 0) > 1);
    const connector = createRecordingConnector({
      attach: () => undefined,
      manifest: {
        attachments: {
          supported: true,
          maxBytes: 10_000_000,
          mimeTypes: ['application/pdf', 'image/png', 'image/jpeg'],
          maxFiles: 1,
          singleFileOnly: true,
        },
      },
    });
    const outcome = await runExportJob({
      pleo: harness.pleo,
      connector,
      job: harness.jobId,
      config: validRecordingConfig,
      mapping: testMapping,
      retry: fastRetry,
    });
    expect(outcome.failuresByReason.receipt_conversion_failure ?? 0).toBe(multi.length);
  });
});
