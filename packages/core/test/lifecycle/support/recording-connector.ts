import { exportItemTypeSchema } from '@ledgerport/pleo';
import { z } from 'zod';
import type { ConnectorContext } from '../../../src/connector/connector-context';
import type { ConnectorManifest } from '../../../src/connector/connector-manifest';
import type {
  AttachmentFile,
  BatchPostOutcome,
  ConnectorV1,
  PostResult,
  ValidationReport,
} from '../../../src/connector/connector-v1';
import type { AccountingEntry } from '../../../src/entry/accounting-entry';

/** Config of the recording connector: `apiKey` is a secret field. */
export const recordingConfigSchema = z.object({
  apiKey: z.string().min(8, 'must be at least 8 characters'),
  ledger: z.string().regex(/^[A-Z]{2,8}$/, 'must be 2–8 capital letters'),
});
export type RecordingConfig = z.infer<typeof recordingConfigSchema>;
export const validRecordingConfig: RecordingConfig = { apiKey: 'sk_live_recording_12345', ledger: 'MAIN' };

/** What a hook may do with a call: nothing (default behaviour) or throw. */
export type PostHook = (entry: AccountingEntry, call: number) => void | Promise<void>;

/** Options of {@link createRecordingConnector}. */
export interface RecordingConnectorOptions {
  readonly manifest?: Partial<ConnectorManifest>;
  /** Runs before each `postEntry` / per entry of `postEntries`; throw to fail that call. */
  readonly beforePost?: PostHook;
  /** Runs after the document was created, before answering (throw to simulate a lost response). */
  readonly afterCommit?: PostHook;
  readonly authenticate?: (ctx: ConnectorContext<RecordingConfig>) => Promise<void>;
  readonly validate?: (entries: readonly AccountingEntry[]) => ValidationReport | Promise<ValidationReport>;
  readonly batch?: boolean;
  readonly commitJob?: boolean;
  readonly failCommit?: () => Error | undefined;
  readonly attach?: (file: AttachmentFile) => void | Promise<void>;
}

/** A test connector that books into an in-memory ledger and records every call. */
export interface RecordingConnector extends ConnectorV1<RecordingConfig> {
  /** Documents by idempotency key (accountingEntryId), created once per key. */
  readonly documents: Map<
    string,
    { externalId: string; entry: AccountingEntry; attachments: AttachmentFile[] }
  >;
  /** How many times a document was actually created per key (must stay ≤ 1). */
  readonly creations: Map<string, number>;
  /** Every `postEntry` / batch-entry call, in order (keys). */
  readonly postCalls: string[];
  readonly postEntriesCalls: number[];
  readonly validateCalls: number[];
  authenticateCalls: number;
  commitCalls: number;
  committed: string[];
}

const baseManifest: ConnectorManifest = {
  displayName: 'Recording Ledger',
  docsUrl: 'https://example.test/recording-ledger',
  authMode: 'api_key',
  attachments: { supported: false },
  entryTypes: exportItemTypeSchema.options,
  bookkeepingMethods: ['journal', 'accounts_payable', 'none'],
  vendorBasedBookkeeping: true,
  idempotency: 'native',
  maxConcurrency: 4,
  batchSize: 1,
  delivery: 'per_entry',
};

/**
 * An inline ConnectorV1 for lifecycle tests: idempotent on `entry.idempotencyKey` like a `native`
 * ERP (a second post of a key returns the first document), honours `ctx.signal`, and records calls.
 */
export function createRecordingConnector(options: RecordingConnectorOptions = {}): RecordingConnector {
  const documents: RecordingConnector['documents'] = new Map();
  const creations = new Map<string, number>();
  const postCalls: string[] = [];
  let sequence = 0;
  const callsPerKey = new Map<string, number>();

  const postOne = async (
    ctx: ConnectorContext<RecordingConfig>,
    entry: AccountingEntry,
  ): Promise<PostResult> => {
    ctx.signal.throwIfAborted();
    postCalls.push(entry.idempotencyKey);
    const call = (callsPerKey.get(entry.idempotencyKey) ?? 0) + 1;
    callsPerKey.set(entry.idempotencyKey, call);
    await options.beforePost?.(entry, call);
    ctx.signal.throwIfAborted();
    let document = documents.get(entry.idempotencyKey);
    if (document === undefined) {
      sequence += 1;
      document = { externalId: `${ctx.config.ledger}-${sequence}`, entry, attachments: [] };
      documents.set(entry.idempotencyKey, document);
      creations.set(entry.idempotencyKey, (creations.get(entry.idempotencyKey) ?? 0) + 1);
    }
    await options.afterCommit?.(entry, call);
    return {
      externalId: document.externalId,
      externalUrl: `https://ledger.example.test/${document.externalId}`,
      exportedAt: ctx.clock.now().toISOString(),
    };
  };

  const connector: RecordingConnector = {
    specificationVersion: 'v1',
    id: 'recording',
    manifest: {
      ...baseManifest,
      ...(options.batch === true ? { batchSize: 10 } : {}),
      ...(options.attach !== undefined
        ? {
            attachments: {
              supported: true,
              maxBytes: 1024 * 1024,
              mimeTypes: ['application/pdf', 'image/png', 'image/jpeg'],
              maxFiles: 5,
              singleFileOnly: false,
            },
          }
        : {}),
      ...options.manifest,
    },
    configSchema: recordingConfigSchema,
    secretFields: ['apiKey'],
    documents,
    creations,
    postCalls,
    postEntriesCalls: [],
    validateCalls: [],
    authenticateCalls: 0,
    commitCalls: 0,
    committed: [],
    async authenticate(ctx) {
      connector.authenticateCalls += 1;
      await options.authenticate?.(ctx);
    },
    async validate(_ctx, _job, entries) {
      connector.validateCalls.push(entries.length);
      return (await options.validate?.(entries)) ?? { jobIssues: [], entryIssues: [] };
    },
    postEntry: postOne,
  };
  if (options.batch === true) {
    (connector as { postEntries?: ConnectorV1<RecordingConfig>['postEntries'] }).postEntries = async (
      ctx,
      entries,
    ) => {
      connector.postEntriesCalls.push(entries.length);
      const outcomes: BatchPostOutcome[] = [];
      for (const entry of entries) {
        try {
          outcomes.push({ ok: true, result: await postOne(ctx, entry) });
        } catch (error) {
          if (ctx.signal.aborted) throw error;
          outcomes.push({ ok: false, error: error as never });
        }
      }
      return outcomes;
    };
  }
  if (options.attach !== undefined) {
    const attachHook = options.attach;
    (connector as { attach?: ConnectorV1<RecordingConfig>['attach'] }).attach = async (ctx, posted, file) => {
      ctx.signal.throwIfAborted();
      await attachHook(file);
      documents.get(posted.entry.idempotencyKey)?.attachments.push(file);
    };
  }
  if (options.commitJob === true) {
    (connector as { commitJob?: ConnectorV1<RecordingConfig>['commitJob'] }).commitJob = async (
      _ctx,
      commit,
    ) => {
      connector.commitCalls += 1;
      const error = options.failCommit?.();
      if (error !== undefined) throw error;
      connector.committed.push(...commit.posted.map((p) => p.entry.accountingEntryId));
      return { artifacts: [`/tmp/ledger-${commit.job.id}.txt`] };
    };
  }
  return connector;
}
