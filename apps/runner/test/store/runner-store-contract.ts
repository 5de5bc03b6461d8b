import { describe, expect, it } from 'vitest';
import type { RunnerStore } from '../../src/store/runner-store';

/**
 * The contract every {@link RunnerStore} passes (SQLite always, PostgreSQL when reachable). `open`
 * returns a fresh, migrated store; `reopen` opens the same database again (a restarted process).
 */
export function runnerStoreContract(
  name: string,
  open: () => Promise<{ store: RunnerStore; reopen: () => Promise<RunnerStore> }>,
): void {
  describe(`${name}: ExportStore journal`, () => {
    it('records an intent, then an outcome, and lists it unreported until Pleo accepted it', async () => {
      const { store } = await open();
      await store.exports.recordIntent('job-1', 'e1');
      expect(await store.exports.getEntry('job-1', 'e1')).toEqual({
        jobId: 'job-1',
        accountingEntryId: 'e1',
        state: 'intent',
        reported: false,
      });
      expect(await store.exports.listUnreported('job-1')).toEqual([]);
      await store.exports.recordOutcome('job-1', 'e1', {
        status: 'successful',
        externalId: 'V-1',
        exportedAt: '2026-01-02T03:04:05.000Z',
      });
      const unreported = await store.exports.listUnreported('job-1');
      expect(unreported.map((r) => [r.accountingEntryId, r.state, r.reported])).toEqual([
        ['e1', 'done', false],
      ]);
      expect(unreported[0]?.outcome).toEqual({
        status: 'successful',
        externalId: 'V-1',
        exportedAt: '2026-01-02T03:04:05.000Z',
      });
      await store.exports.markReported('job-1', ['e1']);
      expect(await store.exports.listUnreported('job-1')).toEqual([]);
      expect((await store.exports.getEntry('job-1', 'e1'))?.reported).toBe(true);
      await store.close();
    });

    it('never lets a late intent overwrite an outcome', async () => {
      const { store } = await open();
      await store.exports.recordOutcome('job-1', 'e1', {
        status: 'failed',
        reason: 'account_unknown',
        message: 'Account 6010 does not exist',
      });
      await store.exports.recordIntent('job-1', 'e1');
      const entry = await store.exports.getEntry('job-1', 'e1');
      expect(entry?.state).toBe('done');
      expect(entry?.outcome).toEqual({
        status: 'failed',
        reason: 'account_unknown',
        message: 'Account 6010 does not exist',
      });
      await store.close();
    });

    it('lists unreported outcomes in the order they were recorded, per job', async () => {
      const { store } = await open();
      for (const id of ['c', 'a', 'b']) await store.exports.recordIntent('job-1', id);
      await store.exports.recordIntent('job-2', 'x');
      for (const id of ['b', 'c', 'a']) {
        await store.exports.recordOutcome('job-1', id, {
          status: 'successful',
          externalId: id,
          exportedAt: '2026-01-01T00:00:00.000Z',
        });
      }
      await store.exports.recordOutcome('job-2', 'x', {
        status: 'successful',
        externalId: 'x',
        exportedAt: '2026-01-01T00:00:00.000Z',
      });
      expect((await store.exports.listUnreported('job-1')).map((r) => r.accountingEntryId)).toEqual([
        'b',
        'c',
        'a',
      ]);
      // re-recording an outcome moves it to the end and makes it unreported again
      await store.exports.markReported('job-1', ['b']);
      await store.exports.recordOutcome('job-1', 'b', {
        status: 'failed',
        reason: 'unexpected_failure',
        message: 'late',
      });
      expect((await store.exports.listUnreported('job-1')).map((r) => r.accountingEntryId)).toEqual([
        'c',
        'a',
        'b',
      ]);
      // marking an entry without an outcome reported is ignored
      await store.exports.recordIntent('job-1', 'd');
      await store.exports.markReported('job-1', ['d']);
      expect((await store.exports.getEntry('job-1', 'd'))?.reported).toBe(false);
      expect((await store.exports.listUnreported('job-2')).map((r) => r.accountingEntryId)).toEqual(['x']);
      await store.close();
    });

    it('marks more than one chunk of ids reported at once', async () => {
      const { store } = await open();
      const ids = Array.from({ length: 1_203 }, (_, i) => `e${i}`);
      for (const id of ids) {
        await store.exports.recordOutcome('job-big', id, {
          status: 'successful',
          externalId: id,
          exportedAt: '2026-01-01T00:00:00.000Z',
        });
      }
      await store.exports.markReported('job-big', ids.slice(0, 1_200));
      expect((await store.exports.listUnreported('job-big')).map((r) => r.accountingEntryId)).toEqual([
        'e1200',
        'e1201',
        'e1202',
      ]);
      await store.close();
    });

    it('recordIntents records every intent at once and never overwrites an outcome', async () => {
      const { store, reopen } = await open();
      const batch = store.exports.recordIntents?.bind(store.exports);
      expect(batch).toBeDefined();
      await store.exports.recordOutcome('job-1', 'b', {
        status: 'failed',
        reason: 'account_unknown',
        message: 'Account 6010 does not exist',
      });
      await batch?.('job-1', ['a', 'b', 'c', 'a']);
      await batch?.('job-1', []);
      await batch?.('job-2', ['a']);
      expect((await store.exports.getEntry('job-1', 'a'))?.state).toBe('intent');
      expect((await store.exports.getEntry('job-1', 'c'))?.state).toBe('intent');
      expect(await store.exports.getEntry('job-1', 'b')).toMatchObject({
        state: 'done',
        outcome: { status: 'failed', reason: 'account_unknown' },
      });
      expect((await store.exports.getEntry('job-2', 'a'))?.state).toBe('intent');
      await store.close();
      const again = await reopen();
      expect((await again.exports.getEntry('job-1', 'c'))?.state).toBe('intent');
      expect((await again.exports.listUnreported('job-1')).map((r) => r.accountingEntryId)).toEqual(['b']);
      await again.close();
    });

    it('recordOutcomes records every outcome at once, in array order after earlier outcomes', async () => {
      const { store, reopen } = await open();
      const batch = store.exports.recordOutcomes?.bind(store.exports);
      expect(batch).toBeDefined();
      const ok = (externalId: string) =>
        ({ status: 'successful', externalId, exportedAt: '2026-01-01T00:00:00.000Z' }) as const;
      await store.exports.recordIntents?.('job-1', ['a', 'b', 'c', 'd']);
      await store.exports.recordOutcome('job-1', 'first', ok('V-0'));
      await store.exports.recordOutcome('job-1', 'reported', ok('V-r'));
      await store.exports.markReported('job-1', ['reported']);
      await batch?.('job-1', [
        { accountingEntryId: 'c', outcome: ok('V-c') },
        {
          accountingEntryId: 'reported',
          outcome: { status: 'failed', reason: 'unexpected_failure', message: 'late' },
        },
        { accountingEntryId: 'new', outcome: ok('V-new') },
        { accountingEntryId: 'a', outcome: ok('V-a') },
        { accountingEntryId: 'c', outcome: ok('V-c2') },
      ]);
      await batch?.('job-1', []);
      await batch?.('job-2', [{ accountingEntryId: 'x', outcome: ok('V-x') }]);
      const expected = ['first', 'reported', 'new', 'a', 'c'];
      expect((await store.exports.listUnreported('job-1')).map((r) => r.accountingEntryId)).toEqual(expected);
      expect(await store.exports.getEntry('job-1', 'c')).toMatchObject({
        state: 'done',
        outcome: ok('V-c2'),
      });
      expect(await store.exports.getEntry('job-1', 'reported')).toMatchObject({
        state: 'done',
        reported: false,
        outcome: { status: 'failed', reason: 'unexpected_failure', message: 'late' },
      });
      expect((await store.exports.getEntry('job-1', 'b'))?.state).toBe('intent');
      expect((await store.exports.listUnreported('job-2')).map((r) => r.accountingEntryId)).toEqual(['x']);
      // an outcome recorded afterwards comes after the batch
      await store.exports.recordOutcome('job-1', 'd', ok('V-d'));
      expect((await store.exports.listUnreported('job-1')).map((r) => r.accountingEntryId)).toEqual([
        ...expected,
        'd',
      ]);
      await store.close();
      const again = await reopen();
      expect((await again.exports.listUnreported('job-1')).map((r) => r.accountingEntryId)).toEqual([
        ...expected,
        'd',
      ]);
      await again.close();
    });

    it('journals concurrent batches and single writes without losing any', async () => {
      const { store } = await open();
      const ok = (externalId: string) =>
        ({ status: 'successful', externalId, exportedAt: '2026-01-01T00:00:00.000Z' }) as const;
      const groups = Array.from({ length: 6 }, (_, g) => Array.from({ length: 20 }, (_, i) => `g${g}-${i}`));
      await Promise.all([
        ...groups.map(async (ids) => {
          await store.exports.recordIntents?.('job-1', ids);
          await store.exports.recordOutcomes?.(
            'job-1',
            ids.map((id) => ({ accountingEntryId: id, outcome: ok(id) })),
          );
        }),
        ...Array.from({ length: 10 }, (_, i) =>
          store.exports.recordOutcome('job-1', `single-${i}`, ok(`s${i}`)),
        ),
      ]);
      const unreported = await store.exports.listUnreported('job-1');
      expect(unreported).toHaveLength(130);
      expect(new Set(unreported.map((r) => r.accountingEntryId)).size).toBe(130);
      // each batch stays in its own order
      for (const ids of groups) {
        const order = unreported.map((r) => r.accountingEntryId).filter((id) => ids.includes(id));
        expect(order).toEqual(ids);
      }
      await store.close();
    });

    it('keeps the first final event and remembers that it was sent', async () => {
      const { store } = await open();
      expect(await store.exports.getFinalEvent('job-1')).toBeUndefined();
      await expect(store.exports.markFinalEventSent('job-1')).rejects.toThrow(/recordFinalEvent/);
      const first = await store.exports.recordFinalEvent('job-1', {
        event: 'failed',
        failureReasonType: 'accounting_system_unreachable',
        failureReason: 'Failed to reach the Accounting System.',
      });
      expect(first).toEqual({
        event: 'failed',
        failureReasonType: 'accounting_system_unreachable',
        failureReason: 'Failed to reach the Accounting System.',
        sent: false,
      });
      const second = await store.exports.recordFinalEvent('job-1', { event: 'completed' });
      expect(second).toEqual(first);
      await store.exports.markFinalEventSent('job-1');
      expect((await store.exports.getFinalEvent('job-1'))?.sent).toBe(true);
      await store.close();
    });

    it('survives a reopen (a restarted process sees everything that was recorded)', async () => {
      const { store, reopen } = await open();
      await store.exports.recordIntent('job-1', 'e1');
      await store.exports.recordOutcome('job-1', 'e2', {
        status: 'successful',
        externalId: 'V-2',
        exportedAt: '2026-01-01T00:00:00.000Z',
      });
      await store.exports.recordFinalEvent('job-1', { event: 'completed' });
      await store.credentials.compareAndSet('k', undefined, { refreshToken: 'r1' });
      await store.close();
      const again = await reopen();
      expect((await again.exports.getEntry('job-1', 'e1'))?.state).toBe('intent');
      expect((await again.exports.listUnreported('job-1')).map((r) => r.accountingEntryId)).toEqual(['e2']);
      expect(await again.exports.getFinalEvent('job-1')).toEqual({ event: 'completed', sent: false });
      expect((await again.credentials.get('k'))?.value).toEqual({ refreshToken: 'r1' });
      await again.close();
    });

    it('recordAttachment: getEntry lists the attached file indexes ascending, once, per entry', async () => {
      const { store, reopen } = await open();
      const record = store.exports.recordAttachment?.bind(store.exports);
      expect(record).toBeDefined();
      if (record === undefined) return;
      await store.exports.recordIntent('job-1', 'e1');
      await store.exports.recordIntent('job-1', 'e2');
      expect((await store.exports.getEntry('job-1', 'e1'))?.attachedFiles ?? []).toEqual([]);
      await record('job-1', 'e1', 2);
      await record('job-1', 'e1', 0);
      await record('job-1', 'e1', 2); // a repeat is a no-op
      await record('job-2', 'e1', 5); // another job
      expect(await store.exports.getEntry('job-1', 'e1')).toEqual({
        jobId: 'job-1',
        accountingEntryId: 'e1',
        state: 'intent',
        reported: false,
        attachedFiles: [0, 2],
      });
      expect((await store.exports.getEntry('job-1', 'e2'))?.attachedFiles ?? []).toEqual([]);
      // a resumed run records the intent again: the attachments stay (same posting)
      await store.exports.recordIntent('job-1', 'e1');
      expect((await store.exports.getEntry('job-1', 'e1'))?.attachedFiles).toEqual([0, 2]);
      await store.exports.recordOutcome('job-1', 'e1', {
        status: 'successful',
        externalId: 'V-1',
        exportedAt: '2026-01-01T00:00:00.000Z',
      });
      expect((await store.exports.getEntry('job-1', 'e1'))?.attachedFiles).toEqual([0, 2]);
      expect((await store.exports.listUnreported('job-1')).map((r) => r.accountingEntryId)).toEqual(['e1']);
      await store.close();
      const again = await reopen();
      expect((await again.exports.getEntry('job-1', 'e1'))?.attachedFiles).toEqual([0, 2]);
      await again.close();
    });

    it('recordAttachment: concurrent records for many entries are all kept', async () => {
      const { store } = await open();
      const ids = Array.from({ length: 20 }, (_, i) => `e${i}`);
      await store.exports.recordIntents?.('job-1', ids);
      await Promise.all(
        ids.flatMap((id) => [0, 1, 2].map((index) => store.exports.recordAttachment?.('job-1', id, index))),
      );
      for (const id of ids) {
        expect((await store.exports.getEntry('job-1', id))?.attachedFiles).toEqual([0, 1, 2]);
      }
      await store.close();
    });
  });

  describe(`${name}: credentials compare-and-set`, () => {
    it('creates once, then replaces only from the current version', async () => {
      const { store } = await open();
      expect(await store.credentials.get('xero/tenant')).toBeUndefined();
      expect(await store.credentials.compareAndSet('xero/tenant', undefined, { refreshToken: 'r1' })).toBe(
        true,
      );
      expect(await store.credentials.compareAndSet('xero/tenant', undefined, { refreshToken: 'other' })).toBe(
        false,
      );
      expect(await store.credentials.compareAndSet('xero/tenant', 1, { refreshToken: 'r2' })).toBe(true);
      // a second writer that read version 1 loses: the newest refresh token is kept
      expect(await store.credentials.compareAndSet('xero/tenant', 1, { refreshToken: 'stale' })).toBe(false);
      const stored = await store.credentials.get('xero/tenant');
      expect(stored?.version).toBe(2);
      expect(stored?.value).toEqual({ refreshToken: 'r2' });
      expect(Number.isNaN(Date.parse(stored?.updatedAt ?? ''))).toBe(false);
      await store.close();
    });

    it('lets exactly one of many concurrent writers win', async () => {
      const { store } = await open();
      await store.credentials.compareAndSet('k', undefined, { v: '0' });
      const results = await Promise.all(
        Array.from({ length: 8 }, (_, i) => store.credentials.compareAndSet('k', 1, { v: String(i + 1) })),
      );
      expect(results.filter(Boolean)).toHaveLength(1);
      expect((await store.credentials.get('k'))?.version).toBe(2);
      await store.close();
    });
  });

  describe(`${name}: job claims and runs`, () => {
    it('allows one active job per company; the same owner resumes; a stranger waits for the lease', async () => {
      const { store } = await open();
      const claim = { companyId: 'co-1', jobId: 'job-1', owner: 'runner-a', leaseMs: 60_000 };
      expect(await store.claimJob(claim)).toBe(true);
      expect(await store.claimJob({ ...claim, owner: 'runner-b' })).toBe(false);
      expect(await store.claimJob({ ...claim, jobId: 'job-2', owner: 'runner-b' })).toBe(false);
      expect(await store.claimJob(claim)).toBe(true); // restarted runner-a
      expect(await store.claimJob({ ...claim, companyId: 'co-2', owner: 'runner-b' })).toBe(true);
      expect((await store.getClaim('co-1'))?.owner).toBe('runner-a');
      expect(await store.renewClaim(claim)).toBe(true);
      expect(await store.renewClaim({ ...claim, owner: 'runner-b' })).toBe(false);
      await store.releaseClaim('co-1', 'job-1', 'runner-b'); // not the owner: no effect
      expect(await store.getClaim('co-1')).toBeDefined();
      await store.releaseClaim('co-1', 'job-1', 'runner-a');
      expect(await store.getClaim('co-1')).toBeUndefined();
      expect(await store.claimJob({ ...claim, owner: 'runner-b' })).toBe(true);
      await store.close();
    });

    it('takes over a claim whose lease ran out', async () => {
      const { store } = await open();
      expect(await store.claimJob({ companyId: 'co-1', jobId: 'job-1', owner: 'a', leaseMs: -1 })).toBe(true);
      expect(await store.claimJob({ companyId: 'co-1', jobId: 'job-1', owner: 'b', leaseMs: 60_000 })).toBe(
        true,
      );
      expect((await store.getClaim('co-1'))?.owner).toBe('b');
      await store.close();
    });

    it('records runs: attempts across restarts, the outcome, the last error', async () => {
      const { store } = await open();
      expect((await store.recordRunStart('job-1', 'co-1')).attempts).toBe(1);
      await store.recordRunError('job-1', 'Pleo unreachable');
      expect((await store.getRun('job-1'))?.lastError).toBe('Pleo unreachable');
      const second = await store.recordRunStart('job-1', 'co-1');
      expect(second).toMatchObject({ attempts: 2, state: 'running' });
      expect(second.lastError).toBeUndefined();
      const outcome = {
        jobId: 'job-1',
        status: 'completed' as const,
        successful: 3,
        failed: 0,
        skipped: 1,
        failuresByReason: {},
        artifacts: ['out/a.se'],
      };
      await store.recordRunFinished('job-1', outcome);
      const runs = await store.listRuns();
      expect(runs).toHaveLength(1);
      expect(runs[0]).toMatchObject({
        jobId: 'job-1',
        companyId: 'co-1',
        state: 'finished',
        attempts: 2,
        outcome,
      });
      await store.close();
    });
  });
}
