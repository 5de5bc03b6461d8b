import { describe, expect, it } from 'vitest';
import { createMemoryExportStore } from '../../src/store/memory-export-store';

const JOB = 'job-1';
const ok = (externalId: string) =>
  ({ status: 'successful', externalId, exportedAt: '2026-01-02T03:04:05Z' }) as const;

describe('createMemoryExportStore', () => {
  it('records an intent, then an outcome, then marks it reported', async () => {
    const store = createMemoryExportStore();
    expect(await store.getEntry(JOB, 'a')).toBeUndefined();
    await store.recordIntent(JOB, 'a');
    expect(await store.getEntry(JOB, 'a')).toMatchObject({ state: 'intent', reported: false });
    await store.recordOutcome(JOB, 'a', ok('X-1'));
    expect(await store.getEntry(JOB, 'a')).toMatchObject({
      state: 'done',
      outcome: ok('X-1'),
      reported: false,
    });
    expect((await store.listUnreported(JOB)).map((r) => r.accountingEntryId)).toEqual(['a']);
    await store.markReported(JOB, ['a']);
    expect(await store.getEntry(JOB, 'a')).toMatchObject({ state: 'done', reported: true });
    expect(await store.listUnreported(JOB)).toEqual([]);
  });

  it('keeps an outcome when an intent is recorded again (resume after the post finished)', async () => {
    const store = createMemoryExportStore();
    await store.recordOutcome(JOB, 'a', ok('X-1'));
    await store.recordIntent(JOB, 'a');
    expect(await store.getEntry(JOB, 'a')).toMatchObject({ state: 'done', outcome: ok('X-1') });
  });

  it('lists unreported outcomes in the order they were recorded, per job', async () => {
    const store = createMemoryExportStore();
    await store.recordIntent(JOB, 'first-intent');
    await store.recordOutcome(JOB, 'b', ok('X-b'));
    await store.recordOutcome(JOB, 'c', { status: 'failed', reason: 'validation_failure', message: 'bad' });
    await store.recordOutcome(JOB, 'first-intent', ok('X-a'));
    await store.recordOutcome('other-job', 'z', ok('X-z'));
    expect((await store.listUnreported(JOB)).map((r) => r.accountingEntryId)).toEqual([
      'b',
      'c',
      'first-intent',
    ]);
    await store.markReported(JOB, ['c']);
    expect((await store.listUnreported(JOB)).map((r) => r.accountingEntryId)).toEqual(['b', 'first-intent']);
    expect((await store.listUnreported('other-job')).map((r) => r.accountingEntryId)).toEqual(['z']);
  });

  it('ignores markReported for entries without an outcome', async () => {
    const store = createMemoryExportStore();
    await store.recordIntent(JOB, 'a');
    await store.markReported(JOB, ['a', 'unknown']);
    expect(await store.getEntry(JOB, 'a')).toMatchObject({ state: 'intent', reported: false });
    expect(await store.getEntry(JOB, 'unknown')).toBeUndefined();
  });

  it('keeps the first final event and records when it was sent', async () => {
    const store = createMemoryExportStore();
    expect(await store.getFinalEvent(JOB)).toBeUndefined();
    const first = await store.recordFinalEvent(JOB, { event: 'completed' });
    expect(first).toEqual({ event: 'completed', sent: false });
    const second = await store.recordFinalEvent(JOB, {
      event: 'failed',
      failureReasonType: 'job_expired',
      failureReason: 'late',
    });
    expect(second).toEqual({ event: 'completed', sent: false });
    await store.markFinalEventSent(JOB);
    expect(await store.getFinalEvent(JOB)).toEqual({ event: 'completed', sent: true });
  });

  it('recordIntents records each intent and never overwrites an outcome', async () => {
    const store = createMemoryExportStore();
    await store.recordOutcome(JOB, 'b', ok('X-b'));
    await store.recordIntents?.(JOB, ['a', 'b', 'c']);
    expect(await store.getEntry(JOB, 'a')).toMatchObject({ state: 'intent', reported: false });
    expect(await store.getEntry(JOB, 'b')).toMatchObject({ state: 'done', outcome: ok('X-b') });
    expect(await store.getEntry(JOB, 'c')).toMatchObject({ state: 'intent', reported: false });
    await store.recordIntents?.(JOB, []);
    expect((await store.listUnreported(JOB)).map((r) => r.accountingEntryId)).toEqual(['b']);
  });

  it('recordOutcomes records each outcome in array order after earlier ones; a repeated id keeps its last', async () => {
    const store = createMemoryExportStore();
    await store.recordOutcome(JOB, 'first', ok('X-0'));
    await store.recordIntents?.(JOB, ['a', 'b', 'c']);
    await store.markReported(JOB, ['first']);
    await store.recordOutcomes?.(JOB, [
      { accountingEntryId: 'c', outcome: ok('X-c') },
      {
        accountingEntryId: 'first',
        outcome: { status: 'failed', reason: 'unexpected_failure', message: 'x' },
      },
      { accountingEntryId: 'a', outcome: ok('X-a') },
      { accountingEntryId: 'c', outcome: ok('X-c2') },
    ]);
    expect((await store.listUnreported(JOB)).map((r) => r.accountingEntryId)).toEqual(['first', 'a', 'c']);
    expect(await store.getEntry(JOB, 'c')).toMatchObject({
      state: 'done',
      outcome: ok('X-c2'),
      reported: false,
    });
    expect(await store.getEntry(JOB, 'first')).toMatchObject({ state: 'done', reported: false });
    expect(await store.getEntry(JOB, 'b')).toMatchObject({ state: 'intent' });
    await store.recordOutcomes?.(JOB, []);
    expect(await store.listUnreported(JOB)).toHaveLength(3);
  });

  it('recordAttachment: getEntry lists attached file indexes ascending, kept across intents and outcomes', async () => {
    const store = createMemoryExportStore();
    await store.recordIntent(JOB, 'a');
    expect((await store.getEntry(JOB, 'a'))?.attachedFiles).toBeUndefined();
    await store.recordAttachment?.(JOB, 'a', 1);
    await store.recordAttachment?.(JOB, 'a', 0);
    await store.recordAttachment?.(JOB, 'a', 1);
    await store.recordAttachment?.('job-2', 'a', 4);
    expect(await store.getEntry(JOB, 'a')).toEqual({
      jobId: JOB,
      accountingEntryId: 'a',
      state: 'intent',
      reported: false,
      attachedFiles: [0, 1],
    });
    await store.recordIntent(JOB, 'a'); // a resumed run: same posting
    expect((await store.getEntry(JOB, 'a'))?.attachedFiles).toEqual([0, 1]);
    await store.recordOutcome(JOB, 'a', ok('V-1'));
    await store.markReported(JOB, ['a']);
    expect(await store.getEntry(JOB, 'a')).toMatchObject({
      state: 'done',
      reported: true,
      attachedFiles: [0, 1],
    });
    expect((await store.getEntry('job-2', 'a'))?.attachedFiles).toBeUndefined(); // no record for it
  });

  it('discardIntent forgets the attachments with the intent (the next post is a new posting)', async () => {
    const store = createMemoryExportStore();
    await store.recordIntent(JOB, 'a');
    await store.recordAttachment?.(JOB, 'a', 0);
    await store.discardIntent?.(JOB, 'a');
    expect(await store.getEntry(JOB, 'a')).toBeUndefined();
    await store.recordIntent(JOB, 'a');
    expect((await store.getEntry(JOB, 'a'))?.attachedFiles).toBeUndefined();
    // an entry with an outcome keeps its intent and attachments
    await store.recordAttachment?.(JOB, 'a', 2);
    await store.recordOutcome(JOB, 'a', ok('V-1'));
    await store.discardIntent?.(JOB, 'a');
    expect((await store.getEntry(JOB, 'a'))?.attachedFiles).toEqual([2]);
  });

  it('refuses to mark a final event sent that was never recorded', async () => {
    const store = createMemoryExportStore();
    await expect(store.markFinalEventSent(JOB)).rejects.toThrow(/recordFinalEvent/);
  });
});
