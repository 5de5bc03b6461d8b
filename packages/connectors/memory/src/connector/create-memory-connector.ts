import {
  type AccountingEntry,
  type BatchPostOutcome,
  type ConnectorContext,
  type ConnectorV1,
  ItemError,
  JobError,
  type JobIssue,
  type JournalLine,
  type PostResult,
} from '@ledgerport/core';
import type { ExportJobV3 } from '@ledgerport/pleo';
import { checkAttachment } from '../attachments/attachment-checks';
import { faultToItemError, faultToJobError } from '../faults/fault-to-error';
import type { MemoryFault } from '../faults/memory-fault';
import { abortableWait } from '../ledger/abortable-wait';
import type { MemoryDocument, MemoryLine } from '../ledger/memory-document';
import { createMemoryLedger, type EnteredFault, type MemoryLedger } from '../ledger/memory-ledger';
import { entryIssues } from '../validation/entry-checks';
import { type MemoryConfig, memoryConfigSchema } from './memory-config';
import { MEMORY_MAX_ATTACHMENT_BYTES, memoryManifest } from './memory-manifest';

/** Options of {@link createMemoryConnector}. */
export interface MemoryConnectorOptions {
  /** The ledger to book into; default a fresh {@link createMemoryLedger} built from the options below. */
  readonly ledger?: MemoryLedger;
  /** Faults the fresh ledger starts with (ignored when `ledger` is given). */
  readonly faults?: readonly MemoryFault[];
  /** Simulated duration of every ledger call in ms (ignored when `ledger` is given). Default 0. */
  readonly latencyMs?: number;
  /** Whether jobs with `vendorBasedBookkeeping` may run. Default true. */
  readonly vendorBasedBookkeeping?: boolean;
}

/** The memory connector: a `ConnectorV1` plus the ledger it books into. */
export type MemoryConnector = ConnectorV1<MemoryConfig> & { readonly ledger: MemoryLedger };

const toLines = (lines: readonly JournalLine[]): MemoryLine[] =>
  lines.map((l) => ({
    account: l.account,
    side: l.side,
    amount: l.amount,
    currency: l.currency,
    role: l.role,
    vatCode: l.tax?.code ?? undefined,
    dimensions: l.dimensions.map((d) => ({ ...d })),
  }));

const resultOf = (document: MemoryDocument): PostResult => ({
  externalId: document.externalId,
  externalUrl: `memory://ledger/vouchers/${document.externalId}`,
  exportedAt: document.createdAt,
});

/**
 * Creates the reference connector: an in-memory ledger with native idempotency (one voucher per
 * `idempotencyKey`), batches (`postEntries`, 50), receipts (10 MiB, PDF/PNG/JPEG, 10 per voucher) and
 * injectable faults that surface as the same `ItemError`s an HTTP connector throws (connector-kit's
 * default table). It honours `ctx.signal` on every call and never retries or sleeps, except for the
 * simulated latency and timeouts.
 *
 * Errors: `authenticate` throws `JobError` (`accounting_system_authentication_failure` for a wrong
 * `apiKey`, `invalid_configuration` for an unknown `ledgerName`); `postEntry` throws `ItemError`
 * (`account_unknown`, `accounting_system_validation_failure` for unbalanced or locked-period vouchers,
 * or the fault's reason); `attach` throws `receipt_file_size_limit_exceeded` /
 * `receipt_conversion_failure` for files it cannot store.
 */
export function createMemoryConnector(options: MemoryConnectorOptions = {}): MemoryConnector {
  const ledger =
    options.ledger ??
    createMemoryLedger({
      ...(options.faults === undefined ? {} : { faults: options.faults }),
      ...(options.latencyMs === undefined ? {} : { latencyMs: options.latencyMs }),
    });
  const manifest = memoryManifest({ vendorBasedBookkeeping: options.vendorBasedBookkeeping ?? true });

  /** Throws what the fault makes a call throw (after the simulated timeout, for timeouts). */
  const applyFault = async (entered: EnteredFault, signal: AbortSignal, scope: 'item' | 'job') => {
    if (entered.fault.kind === 'timeout') await abortableWait(ledger.timeoutMs, signal);
    throw scope === 'item' ? faultToItemError(entered.fault) : faultToJobError(entered.fault);
  };

  const jobIssues = (ctx: ConnectorContext<MemoryConfig>, job: ExportJobV3): JobIssue[] => {
    const issues: JobIssue[] = [];
    if (ledger.name !== undefined && ctx.config.ledgerName !== ledger.name) {
      issues.push({
        reason: 'invalid_configuration',
        message: `Ledger "${ctx.config.ledgerName}" does not exist: check ledgerName in the connector configuration.`,
      });
    }
    if (job.vendorBasedBookkeeping && !manifest.vendorBasedBookkeeping) {
      issues.push({
        reason: 'invalid_configuration',
        message:
          'This ledger does not support vendor-based bookkeeping: turn it off for the export or use another connector.',
      });
    }
    return issues;
  };

  /** Books `entry` (or returns its existing voucher). Throws `ItemError` when the ledger refuses it. */
  const book = (ctx: ConnectorContext<MemoryConfig>, entry: AccountingEntry): PostResult => {
    const existing = ledger.findByKey(entry.idempotencyKey);
    if (existing !== undefined) return resultOf(existing);
    const [issue] = entryIssues(ledger, entry);
    if (issue !== undefined) {
      throw new ItemError(
        issue.reason,
        issue.message,
        issue.field === undefined ? {} : { field: issue.field },
      );
    }
    const document = ledger.insert((externalId) => ({
      externalId,
      idempotencyKey: entry.idempotencyKey,
      kind: entry.kind,
      status: entry.postingMode,
      postingDate: entry.postingDate,
      description: entry.description,
      reference: entry.reference,
      reconciliationId: entry.reconciliationId,
      currency: entry.currency,
      lines: toLines(entry.lines),
      paymentLines: entry.kind === 'supplier_invoice' ? toLines(entry.payment?.lines ?? []) : [],
      vendorName: entry.vendor?.name,
      invoiceNumber: entry.kind === 'supplier_invoice' ? entry.invoiceNumber : undefined,
      createdAt: ctx.clock.now().toISOString(),
      attachments: [],
    }));
    ctx.logger.debug('memory ledger: voucher created', {
      externalId: document.externalId,
      accountingEntryId: entry.accountingEntryId,
      ledgerName: ctx.config.ledgerName,
    });
    return resultOf(document);
  };

  return {
    specificationVersion: 'v1',
    id: 'memory',
    manifest,
    configSchema: memoryConfigSchema,
    secretFields: ['apiKey'],
    ledger,

    async authenticate(ctx) {
      const entered = await ledger.enter('read', ctx.signal);
      if (entered !== undefined) await applyFault(entered, ctx.signal, 'job');
      if (ledger.apiKey !== undefined && ctx.config.apiKey !== ledger.apiKey) {
        throw new JobError(
          'accounting_system_authentication_failure',
          'The in-memory ledger rejected the API key: set apiKey to the key of the ledger.',
          { field: 'apiKey' },
        );
      }
      if (ledger.name !== undefined && ctx.config.ledgerName !== ledger.name) {
        throw new JobError(
          'invalid_configuration',
          `Ledger "${ctx.config.ledgerName}" does not exist: check ledgerName in the connector configuration.`,
          { field: 'ledgerName' },
        );
      }
    },

    async validate(ctx, job, entries) {
      const entered = await ledger.enter('read', ctx.signal);
      if (entered !== undefined) await applyFault(entered, ctx.signal, 'job');
      return {
        jobIssues: entries.length === 0 ? jobIssues(ctx, job) : [],
        entryIssues: entries.flatMap((entry) => entryIssues(ledger, entry)),
        lockedThrough: ledger.lockedThrough,
      };
    },

    async postEntry(ctx, entry) {
      const entered = await ledger.enter('write', ctx.signal);
      if (entered !== undefined && !entered.commit) await applyFault(entered, ctx.signal, 'item');
      ctx.signal.throwIfAborted();
      const result = book(ctx, entry);
      if (entered?.commit) await applyFault(entered, ctx.signal, 'item');
      return result;
    },

    async postEntries(ctx, entries) {
      if (entries.length > manifest.batchSize) {
        throw new RangeError(
          `postEntries takes at most ${manifest.batchSize} entries, got ${entries.length}.`,
        );
      }
      const entered = await ledger.enter('write', ctx.signal);
      if (entered !== undefined && !entered.commit) await applyFault(entered, ctx.signal, 'item');
      ctx.signal.throwIfAborted();
      const outcomes: BatchPostOutcome[] = entries.map((entry) => {
        try {
          return { ok: true, result: book(ctx, entry) };
        } catch (error) {
          if (ItemError.isInstance(error)) return { ok: false, error };
          throw error;
        }
      });
      if (entered?.commit) await applyFault(entered, ctx.signal, 'item');
      return outcomes;
    },

    async attach(ctx, posted, file) {
      ctx.signal.throwIfAborted();
      const limits = manifest.attachments;
      checkAttachment(file, {
        maxBytes: limits.supported ? limits.maxBytes : MEMORY_MAX_ATTACHMENT_BYTES,
        mimeTypes: limits.supported ? limits.mimeTypes : [],
      });
      const document = ledger.findById(posted.result.externalId);
      if (document === undefined) {
        throw new ItemError(
          'accounting_system_validation_failure',
          `Voucher ${posted.result.externalId} does not exist in the ledger; post the entry again.`,
        );
      }
      const maxFiles = limits.supported ? limits.maxFiles : 0;
      const replaces = document.attachments.some((a) => a.index === file.index);
      if (!replaces && document.attachments.length >= maxFiles) {
        throw new ItemError(
          'receipt_upload_failure',
          `Voucher ${document.externalId} already has ${maxFiles} receipts, the most the ledger stores.`,
        );
      }
      const entered = await ledger.enter('write', ctx.signal);
      if (entered !== undefined && !entered.commit) await applyFault(entered, ctx.signal, 'item');
      ctx.signal.throwIfAborted();
      ledger.attach(document.externalId, {
        index: file.index,
        fileName: file.fileName,
        mimeType: file.mimeType,
        bytes: new Uint8Array(file.bytes),
      });
      if (entered?.commit) await applyFault(entered, ctx.signal, 'item');
    },
  };
}
