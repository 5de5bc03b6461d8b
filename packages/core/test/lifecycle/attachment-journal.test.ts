import type { ExportItemV3 } from '@ledgerport/pleo';
import { afterEach, describe, expect, it } from 'vitest';
import type { AttachmentFile } from '../../src/connector/connector-v1';
import { runExportJob } from '../../src/lifecycle/run-export-job';
import type { ExportStore } from '../../src/store/export-store';
import { createMemoryExportStore } from '../../src/store/memory-export-store';
import { createRecordingConnector, validRecordingConfig } from './support/recording-connector';
import { type SandboxHarness, startSandbox, testMapping } from './support/sandbox-harness';

const fastRetry = { minDelayMs: 1, maxDelayMs: 5, budgetMs: 5_000 };
let harness: SandboxHarness | undefined;
afterEach(async () => {
  await harness?.close();
  harness = undefined;
});

/** A sandbox whose job has one item with three receipts (taken from the seed's receipts). */
async function startWithThreeReceipts(): Promise<{ harness: SandboxHarness; entryId: string }> {
  const seeded = await startSandbox({ itemCount: 30 });
  const files = seeded.items.flatMap((i) => i.files ?? []).filter((f) => f.type !== 'image/heic');
  const item = seeded.items.find((i) => (i.files?.length ?? 0) > 0);
  await seeded.close();
  expect(files.length).toBeGreaterThanOrEqual(3);
  if (item === undefined) throw new Error('the seed has no item with receipts');
  const withThree: ExportItemV3 = { ...item, files: files.slice(0, 3) };
  const started = await startSandbox({ items: [withThree] });
  return { harness: started, entryId: withThree.accountingEntryId };
}

function run(
  h: SandboxHarness,
  connector: ReturnType<typeof createRecordingConnector>,
  store: ExportStore,
  signal?: AbortSignal,
) {
  return runExportJob({
    pleo: h.pleo,
    connector,
    job: h.jobId,
    config: validRecordingConfig,
    mapping: testMapping,
    retry: fastRetry,
    store,
    ...(signal === undefined ? {} : { signal }),
  });
}

describe('runExportJob — attachment journal (no receipt uploaded twice)', () => {
  it('after a crash that left files 0 and 1 attached, attaches only file 2 and completes', async () => {
    const started = await startWithThreeReceipts();
    harness = started.harness;
    const { entryId } = started;
    // the crashed run: intent recorded, the post done, two receipts attached and journaled
    const store = createMemoryExportStore();
    await store.recordIntent(harness.jobId, entryId);
    await store.recordAttachment?.(harness.jobId, entryId, 0);
    await store.recordAttachment?.(harness.jobId, entryId, 1);
    const attached: AttachmentFile[] = [];
    const connector = createRecordingConnector({ attach: (file) => void attached.push(file) });
    const outcome = await run(harness, connector, store);
    expect(outcome).toMatchObject({ status: 'completed', successful: 1 });
    expect(attached.map((f) => f.index)).toEqual([2]);
    expect(attached[0]?.fileName).toMatch(/^receipt-3\./);
    expect(await store.getEntry(harness.jobId, entryId)).toMatchObject({
      state: 'done',
      reported: true,
      attachedFiles: [0, 1, 2],
    });
  });

  it('a store without recordAttachment attaches every file, as before', async () => {
    const started = await startWithThreeReceipts();
    harness = started.harness;
    const { entryId } = started;
    const memory = createMemoryExportStore();
    await memory.recordIntent(harness.jobId, entryId);
    await memory.recordAttachment?.(harness.jobId, entryId, 0);
    const { recordAttachment: _ignored, ...withoutAttachments } = memory;
    const store: ExportStore = withoutAttachments;
    // getEntry still reports the file, but without the method core neither reads nor trusts it
    expect((await store.getEntry(harness.jobId, entryId))?.attachedFiles).toEqual([0]);
    const attached: AttachmentFile[] = [];
    const connector = createRecordingConnector({ attach: (file) => void attached.push(file) });
    const outcome = await run(harness, connector, store);
    expect(outcome).toMatchObject({ status: 'completed', successful: 1 });
    expect(attached.map((f) => f.index)).toEqual([0, 1, 2]);
  });

  it('a shutdown during the attachments keeps the intent; the resume attaches only the rest', async () => {
    const started = await startWithThreeReceipts();
    harness = started.harness;
    const { entryId } = started;
    const store = createMemoryExportStore();
    const controller = new AbortController();
    const connector = createRecordingConnector({
      attach: (file) => {
        if (file.index === 2 && !controller.signal.aborted) {
          controller.abort(new Error('runner shutting down'));
          throw controller.signal.reason;
        }
      },
    });
    const first = await run(harness, connector, store, controller.signal);
    expect(first.status).toBe('interrupted');
    expect(await store.getEntry(harness.jobId, entryId)).toMatchObject({
      state: 'intent',
      attachedFiles: [0, 1],
    });
    const second = await run(harness, connector, store);
    expect(second).toMatchObject({ status: 'completed', successful: 1 });
    const document = connector.documents.get(entryId);
    expect(document?.attachments.map((a) => a.index)).toEqual([0, 1, 2]);
    expect(connector.creations.get(entryId)).toBe(1);
  });
});
