import type { PleoClient, UpdateExportJobItemV3 } from '@ledgerport/pleo';
import type { Logger } from '../connector/connector-context';
import type { EntryOutcome, ExportStore } from '../store/export-store';
import { classifyPleoError } from './pleo-job-stopped';

/** Most updates Pleo accepts in one `PUT /v3/export-jobs/{jobId}/items` (413 above; pleo-export-api.md §3.2). */
export const MAX_ITEMS_PER_UPDATE = 100;
/** Item-update PUTs in flight at once (Pleo's docs set no concurrency limit; 4 keeps it modest). */
const PARALLEL_UPDATES = 4;
/** How often one entry's update is sent again after Pleo listed it in `errors[]`. */
const MAX_ENTRY_REPORT_ATTEMPTS = 3;

/** Options of {@link createItemReporter}. */
export interface ItemReporterOptions {
  readonly pleo: PleoClient;
  readonly jobId: string;
  readonly store: ExportStore;
  readonly logger: Logger;
  /** Called after each accepted PUT with the number of updates Pleo accepted. */
  readonly onReported: (count: number) => void;
}

/**
 * Buffers item outcomes and reports them to Pleo (`PUT …/items`, pleo-export-api.md §3.2, §9 step 7):
 * chunks of at most 100, up to 4 PUTs in flight, flushes serialised, each accepted entry marked
 * reported in the store. Entries in the response's `errors[]` are sent again with the next flush, up to 3 times, then
 * logged and left unreported in the store (a later run reports them). A failed PUT throws the
 * classified error (`PleoJobClosedError` on 422, `JobError` otherwise) from {@link ItemReporter.flush}.
 */
export interface ItemReporter {
  /** Queues an outcome (already recorded in the store). */
  add(accountingEntryId: string, outcome: EntryOutcome): void;
  /** Number of queued updates not yet sent. */
  readonly pending: number;
  /** Sends every queued update; resolves when all were sent (or gave up per entry). */
  flush(): Promise<void>;
  /**
   * Keeps the job from expiring when nothing finished lately: marks an entry still being processed
   * `in_progress`, which updates the job's `lastUpdatedAt`. `pickEntry` is called when the PUT is
   * about to be sent (after earlier flushes), so a finished entry is never set back to `in_progress`;
   * it returns `undefined` when nothing is in flight (then nothing is sent).
   */
  keepAlive(pickEntry: () => string | undefined): Promise<void>;
  /** Entries Pleo rejected in `errors[]` more than 3 times. */
  readonly rejected: number;
}

/** Builds the `UpdateExportJobItemV3` for an outcome (absent fields omitted). */
export function toItemUpdate(accountingEntryId: string, outcome: EntryOutcome): UpdateExportJobItemV3 {
  if (outcome.status === 'successful') {
    return {
      accountingEntryId,
      status: 'successful',
      externalId: outcome.externalId,
      exportedAt: outcome.exportedAt,
      ...(outcome.externalUrl === undefined ? {} : { externalUrl: outcome.externalUrl }),
    } as UpdateExportJobItemV3;
  }
  return {
    accountingEntryId,
    status: 'failed',
    failureReasonType: outcome.reason,
    failureReason: outcome.message,
  } as UpdateExportJobItemV3;
}

/** Creates the job's {@link ItemReporter}. */
export function createItemReporter(options: ItemReporterOptions): ItemReporter {
  const { pleo, jobId, store, logger } = options;
  let queue: UpdateExportJobItemV3[] = [];
  const attempts = new Map<string, number>();
  let rejected = 0;
  let chain: Promise<void> = Promise.resolve();

  const sendChunk = async (chunk: UpdateExportJobItemV3[]): Promise<void> => {
    let response: Awaited<ReturnType<PleoClient['updateJobItems']>>;
    try {
      response = await pleo.updateJobItems(jobId, chunk);
    } catch (error) {
      throw await classifyPleoError(pleo, jobId, error);
    }
    const failedIds = new Set(response.errors.map((e) => e.accountingEntryId));
    const accepted = chunk.filter((u) => !failedIds.has(u.accountingEntryId)).map((u) => u.accountingEntryId);
    await store.markReported(jobId, accepted);
    for (const id of accepted) attempts.delete(id);
    if (accepted.length > 0) options.onReported(accepted.length);
    for (const error of response.errors) {
      const update = chunk.find((u) => u.accountingEntryId === error.accountingEntryId);
      if (update === undefined) continue;
      const tries = (attempts.get(error.accountingEntryId) ?? 1) + 1;
      if (tries > MAX_ENTRY_REPORT_ATTEMPTS) {
        attempts.delete(error.accountingEntryId);
        rejected += 1;
        logger.error('Pleo rejected an item update; it stays unreported for the next run', {
          accountingEntryId: error.accountingEntryId,
          type: error.type,
          message: error.message,
        });
        continue;
      }
      attempts.set(error.accountingEntryId, tries);
      logger.warn('Pleo rejected an item update; sending it again', {
        accountingEntryId: error.accountingEntryId,
        type: error.type,
      });
      queue.push(update);
    }
  };

  const drain = async (): Promise<void> => {
    // Each round sends what is queued now, up to PARALLEL_UPDATES PUTs at once; re-queued rejects go
    // out in the next round (bounded by attempts). Chunks that failed are queued again, then the first
    // error is thrown.
    for (let round = 0; queue.length > 0 && round <= MAX_ENTRY_REPORT_ATTEMPTS; round += 1) {
      const batch = queue;
      queue = [];
      const chunks: UpdateExportJobItemV3[][] = [];
      for (let i = 0; i < batch.length; i += MAX_ITEMS_PER_UPDATE)
        chunks.push(batch.slice(i, i + MAX_ITEMS_PER_UPDATE));
      for (let i = 0; i < chunks.length; i += PARALLEL_UPDATES) {
        const group = chunks.slice(i, i + PARALLEL_UPDATES);
        const results = await Promise.allSettled(group.map((chunk) => sendChunk(chunk)));
        const failures = results.flatMap((r, index) =>
          r.status === 'rejected' ? [{ index, reason: r.reason }] : [],
        );
        const firstFailure = failures[0];
        if (firstFailure !== undefined) {
          const unsent = [
            ...failures.flatMap((f) => group[f.index] ?? []),
            ...chunks.slice(i + PARALLEL_UPDATES).flat(),
          ];
          queue = [...unsent, ...queue];
          throw firstFailure.reason;
        }
      }
    }
  };

  const enqueue = (task: () => Promise<void>): Promise<void> => {
    const next = chain.then(task);
    chain = next.catch(() => undefined);
    return next;
  };

  return {
    add(accountingEntryId, outcome) {
      queue.push(toItemUpdate(accountingEntryId, outcome));
    },
    get pending() {
      return queue.length;
    },
    get rejected() {
      return rejected;
    },
    flush() {
      return enqueue(drain);
    },
    keepAlive(pickEntry) {
      return enqueue(async () => {
        const accountingEntryId = pickEntry();
        if (accountingEntryId === undefined) return;
        try {
          await pleo.updateJobItems(jobId, [
            { accountingEntryId, status: 'in_progress' } as UpdateExportJobItemV3,
          ]);
        } catch (error) {
          throw await classifyPleoError(pleo, jobId, error);
        }
      });
    },
  };
}
