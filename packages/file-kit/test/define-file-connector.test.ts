import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { canonicalEntries, canonicalJob, createTestContext } from '@ledgerport/testkit';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { defineFileConnector } from '../src/index';
import { runFileJob } from '../src/testing/index';
import { type LinesConfig, linesFormat, linesManifest } from './support/ledger-lines-format';

let directory: string;
beforeEach(() => {
  directory = mkdtempSync(join(tmpdir(), 'ledgerport-file-connector-'));
});
afterEach(() => rmSync(directory, { recursive: true, force: true }));

const connector = () =>
  defineFileConnector({
    id: 'lines',
    manifest: linesManifest,
    configSchema: z.object({ outputDirectory: z.string().min(1) }),
    format: linesFormat,
    mapOptions: () => ({ inputVatAccount: '2641' }),
    vendorBasedBookkeepingMessage:
      'The lines format has no supplier ledger: turn vendor-based bookkeeping off.',
    jobIssues: () => [{ reason: 'missing_configuration', message: 'extra check' }],
    checkEntry: (ctx, entry) =>
      linesFormat.stageEntry(ctx, entry, {
        jobId: 'x',
        entries: new Map(),
        manifest: [],
        state: { count: 0 },
      }),
  });

describe('defineFileConnector', () => {
  it('validate (job level): vendor-based bookkeeping, the extra checks, then the output directory; never writes', async () => {
    const c = connector();
    const ctx = createTestContext<LinesConfig>(
      c,
      { outputDirectory: join(directory, 'missing') },
      { job: canonicalJob({ vendorBasedBookkeeping: true }) },
    );
    const report = await c.validate(ctx, ctx.job, []);
    expect(report.jobIssues.map((issue) => [issue.reason, issue.message.slice(0, 30)])).toEqual([
      ['invalid_configuration', 'The lines format has no suppli'],
      ['missing_configuration', 'extra check'],
      ['invalid_configuration', expect.stringMatching(/^outputDirectory "/)],
    ]);
    expect(c.mapOptions?.({ outputDirectory: directory })).toEqual({ inputVatAccount: '2641' });
    expect(readdirSync(directory)).toEqual([]);
  });

  it('validate (entries): collects the ItemErrors of checkEntry with field; post and commit write the files', async () => {
    const c = connector();
    const [good, other] = canonicalEntries();
    const bad = { ...other!, reference: 'a;b' };
    const ctx = createTestContext<LinesConfig>(c, { outputDirectory: directory });
    const report = await c.validate(ctx, ctx.job, [good!, bad]);
    expect(report.entryIssues).toEqual([
      {
        accountingEntryId: bad.accountingEntryId,
        reason: 'validation_failure',
        message: 'reference cannot hold ";"',
        field: 'reference',
      },
    ]);
    expect(readdirSync(directory)).toEqual([]);
    const { artifacts } = await runFileJob(c, { outputDirectory: directory }, [good!]);
    expect(artifacts).toEqual([join(directory, `${canonicalJob().id}-${good!.currency}.lines`)]);
  });

  it('authenticate honours the abort signal', async () => {
    const c = connector();
    const controller = new AbortController();
    controller.abort(new Error('cancelled'));
    const ctx = createTestContext<LinesConfig>(
      c,
      { outputDirectory: directory },
      { signal: controller.signal },
    );
    await expect(c.authenticate(ctx)).rejects.toThrow('cancelled');
  });
});
