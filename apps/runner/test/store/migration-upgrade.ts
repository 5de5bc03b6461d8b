import { expect } from 'vitest';
import { applyMigrations } from '../../src/store/migrations/apply-migrations';
import { MIGRATIONS } from '../../src/store/migrations/migrations';
import type { SqlDriver } from '../../src/store/sql-driver';
import { createSqlRunnerStore } from '../../src/store/sql-runner-store';

/**
 * A database migrated to version 1 only (a runner before `entry_attachments`) with a journal in it is
 * upgraded by the current migrations: only the newer versions apply, every entry stays as it was, and
 * attachments can be recorded for them. Closes `driver`.
 */
export async function expectAdditiveUpgrade(driver: SqlDriver): Promise<void> {
  expect(await applyMigrations(driver, MIGRATIONS.slice(0, 1))).toEqual([1]);
  const store = createSqlRunnerStore(driver);
  await store.exports.recordIntent('job-1', 'e1');
  await store.exports.recordOutcome('job-1', 'e2', {
    status: 'successful',
    externalId: 'V-2',
    exportedAt: '2026-01-01T00:00:00.000Z',
  });
  expect(await applyMigrations(driver)).toEqual(MIGRATIONS.slice(1).map((m) => m.version));
  expect(await store.exports.getEntry('job-1', 'e1')).toEqual({
    jobId: 'job-1',
    accountingEntryId: 'e1',
    state: 'intent',
    reported: false,
  });
  expect((await store.exports.listUnreported('job-1')).map((r) => r.accountingEntryId)).toEqual(['e2']);
  await store.exports.recordAttachment?.('job-1', 'e1', 0);
  expect((await store.exports.getEntry('job-1', 'e1'))?.attachedFiles).toEqual([0]);
  await driver.close();
}
