import { type ConnectorManifest, type ConnectorV1, defineConnector, ItemError } from '@ledgerport/core';
import { z } from 'zod';
import {
  createPerJobFileSink,
  type OutputFileSystem,
  type PerJobFileFormat,
  type PerJobFileSink,
  perJobFileManifest,
  receiptExtension,
} from '../../src/index';

/**
 * A deliberately tiny per-job format for testing the kit on its own: one UTF-8 text file per wallet
 * currency, `<job>-<CUR>.lines`, one line per journal line: `<reference>;<account>;<+/-amount>`. The
 * externalId is `L<n>` in staging order; receipts are `<externalId>-<n>.<ext>`.
 */
export interface LinesConfig {
  readonly outputDirectory: string;
}
export interface LinesRecord {
  readonly currency: string;
  readonly line: string;
}

export const linesFormat: PerJobFileFormat<
  LinesConfig,
  LinesRecord,
  { count: number },
  { entry: string; reference: string }
> = {
  documentName: 'lines file',
  receiptTarget: 'the lines format',
  attachments: {
    supported: true,
    maxBytes: 1024,
    mimeTypes: ['application/pdf', 'image/png'],
    maxFiles: 10,
    singleFileOnly: false,
  },
  jobFilePattern: (jobId) => new RegExp(`^${jobId}-[A-Z]{3}\\.lines$`),
  createState: () => ({ count: 0 }),
  readJobFile(file, stage) {
    const currency = file.name.slice(-9, -6);
    const text = new TextDecoder().decode(file.bytes);
    if (!text.startsWith('#lines\n')) throw new Error('missing #lines header');
    const byKey = new Map<string, LinesRecord[]>();
    for (const line of text.split('\n').slice(1).filter(Boolean)) {
      const key = line.split(';', 1)[0] ?? '';
      byKey.set(key, [...(byKey.get(key) ?? []), { currency, line }]);
    }
    return [...byKey].map(([key, records]) => {
      stage.state.count += 1;
      return { key, externalId: `L${stage.state.count}`, records };
    });
  },
  entryKey: (entry) => entry.reference,
  stageEntry(_ctx, entry, stage) {
    if (entry.reference.includes(';')) {
      throw new ItemError('validation_failure', 'reference cannot hold ";"', { field: 'reference' });
    }
    stage.state.count += 1;
    return {
      externalId: `L${stage.state.count}`,
      records: entry.lines.map((line) => ({
        currency: entry.currency,
        line: `${entry.reference};${line.account};${line.side === 'debit' ? '+' : '-'}${line.amount}`,
      })),
    };
  },
  receiptFileName: (staged, file) =>
    `${staged.externalId}-${file.index + 1}.${receiptExtension(file.mimeType, file.fileName)}`,
  manifestOwner: (staged) => ({ entry: staged.externalId, reference: staged.key }),
  render(_ctx, stage) {
    const byCurrency = new Map<string, string[]>();
    for (const staged of stage.entries.values())
      for (const record of staged.records)
        byCurrency.set(record.currency, [...(byCurrency.get(record.currency) ?? []), record.line]);
    return [...byCurrency]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([currency, lines]) => ({
        fileName: `${stage.jobId}-${currency}.lines`,
        bytes: new TextEncoder().encode(`#lines\n${lines.join('\n')}\n`),
      }));
  },
};

/** The manifest of the test connectors around {@link linesFormat}. */
export const linesManifest: ConnectorManifest = perJobFileManifest(
  {
    displayName: 'Lines (test format)',
    docsUrl: 'https://example.invalid/lines',
    attachments: linesFormat.attachments,
  },
  { entryTypes: [], bookkeepingMethods: [] },
);

/** A connector around {@link linesFormat}, so the sink runs behind the real `ConnectorV1` shape. */
export function createLinesConnector(fileSystem?: OutputFileSystem): ConnectorV1<LinesConfig> & {
  readonly sink: PerJobFileSink<
    LinesConfig,
    LinesRecord,
    { count: number },
    { entry: string; reference: string }
  >;
} {
  const sink = createPerJobFileSink(linesFormat, { fileSystem });
  return {
    sink,
    ...defineConnector<LinesConfig>({
      specificationVersion: 'v1',
      id: 'lines',
      manifest: linesManifest,
      configSchema: z.object({ outputDirectory: z.string().min(1) }),
      secretFields: [],
      authenticate: async () => {},
      validate: async (ctx) => ({ jobIssues: await sink.checkOutputDirectory(ctx), entryIssues: [] }),
      postEntry: sink.post,
      attach: sink.attach,
      commitJob: sink.commit,
    }),
  };
}
