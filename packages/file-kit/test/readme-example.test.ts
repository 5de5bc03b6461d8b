import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  type AccountingEntry,
  createConnectorContext,
  defineConnector,
  type PostedEntry,
} from '@ledgerport/core';
import { canonicalEntries, canonicalJob } from '@ledgerport/testkit';
import { expect, it } from 'vitest';
import { z } from 'zod';
import { collectEntryIssues, createPerJobFileSink, type PerJobFileFormat } from '../src/index';

// The README example, verbatim apart from imports and the assertions at the end.
it('README example: a toy CSV connector writes one file per job and a re-run adds nothing', async () => {
  type Config = { outputDirectory: string };
  const toLines = (entry: AccountingEntry) =>
    entry.lines.map((l) => `${entry.reference},${l.account},${l.side},${l.amount},${l.currency}`);
  const format: PerJobFileFormat<Config, string, undefined, { reference: string }> = {
    documentName: 'CSV ledger',
    receiptTarget: 'the CSV ledger',
    attachments: {
      supported: true,
      maxBytes: 10_000_000,
      mimeTypes: ['application/pdf'],
      maxFiles: 10,
      singleFileOnly: false,
    },
    jobFilePattern: (jobId) => new RegExp(`^${jobId}\\.csv$`),
    createState: () => undefined,
    readJobFile: (file) =>
      new TextDecoder()
        .decode(file.bytes)
        .split('\n')
        .filter(Boolean)
        .map((line) => {
          const reference = line.split(',', 1)[0]!;
          return { key: reference, externalId: reference, records: [line] };
        }),
    entryKey: (entry) => entry.reference,
    stageEntry: (_ctx, entry) => ({ externalId: entry.reference, records: toLines(entry) }),
    receiptFileName: (staged, file) => `${staged.externalId}-${file.index + 1}.pdf`,
    manifestOwner: (staged) => ({ reference: staged.externalId }),
    render: (_ctx, stage) => [
      {
        fileName: `${stage.jobId}.csv`,
        bytes: new TextEncoder().encode(
          [...stage.entries.values()]
            .flatMap((e) => e.records)
            .map((line) => `${line}\n`)
            .join(''),
        ),
      },
    ],
  };

  const makeConnector = () => {
    const sink = createPerJobFileSink(format);
    return defineConnector<Config>({
      specificationVersion: 'v1',
      id: 'csv-ledger',
      manifest: {
        displayName: 'CSV ledger',
        docsUrl: 'https://example.com',
        authMode: 'none',
        attachments: format.attachments,
        entryTypes: [],
        bookkeepingMethods: [],
        vendorBasedBookkeeping: false,
        idempotency: 'lookup',
        maxConcurrency: 1,
        batchSize: 1,
        delivery: 'per_job',
      },
      configSchema: z.object({ outputDirectory: z.string() }),
      secretFields: [],
      authenticate: async () => {},
      validate: async (ctx, _job, entries) => ({
        jobIssues: await sink.checkOutputDirectory(ctx),
        entryIssues: collectEntryIssues(entries, toLines),
      }),
      postEntry: sink.post,
      attach: sink.attach,
      commitJob: sink.commit,
    });
  };

  const outputDirectory = mkdtempSync(join(tmpdir(), 'csv-ledger-'));
  try {
    const job = canonicalJob();
    const entries = canonicalEntries().slice(0, 3);
    const run = async () => {
      const connector = makeConnector();
      const ctx = createConnectorContext({ job, config: { outputDirectory } });
      const posted: PostedEntry[] = [];
      for (const entry of entries) posted.push({ entry, result: await connector.postEntry(ctx, entry) });
      return (await connector.commitJob!(ctx, { job, posted })).artifacts;
    };
    const artifacts = await run();
    expect(readdirSync(outputDirectory)).toEqual([`${job.id}.csv`]);
    const first = readFileSync(artifacts[0]!, 'utf8');
    expect(first.split('\n').filter(Boolean)).toHaveLength(entries.reduce((n, e) => n + e.lines.length, 0));
    await run();
    expect(readFileSync(artifacts[0]!, 'utf8')).toBe(first);
  } finally {
    rmSync(outputDirectory, { recursive: true, force: true });
  }
});
