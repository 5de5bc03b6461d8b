import type { ExportItemEnvelope } from '@ledgerport/pleo';
import type { ConnectorManifest } from '../connector/connector-manifest';
import type { PostedEntry, PostResult } from '../connector/connector-v1';
import type { AccountingEntry } from '../entry/accounting-entry';
import { mapExportItem } from '../entry/map-export-item';
import type { MapOptions } from '../entry/map-options';
import { ItemError, JobError, LedgerportError } from '../errors/ledgerport-error';
import { toLedgerportError } from '../errors/to-ledgerport-error';
import { recordIntentsIn } from '../store/record-batch';
import {
  failEntry,
  failureOutcome,
  type JobRun,
  journalOutcomes,
  type PendingOutcome,
  stopRun,
} from './job-run-state';
import type { PostingWindow } from './posting-window';
import { attachReceipts, checkReceiptLimits } from './receipt-attachments';

/** Per-run settings of the entry pipeline. */
export interface PagePipeline {
  readonly mapOptions: MapOptions;
  /** The run's posting limiter (`manifest.maxConcurrency` groups at once), shared by every page. */
  readonly limit: PostingWindow['limit'];
  /** Final statuses Pleo already holds (skipped). */
  readonly finalIds: ReadonlySet<string>;
  /** `per_job` delivery: posted entries awaiting `commitJob` (reported only after the commit). */
  readonly awaitingCommit: PostedEntry[] | undefined;
}

/** A page whose entries are mapped, validated and queued for posting. */
export interface QueuedPage {
  /**
   * Settles when every group of the page has settled (never earlier, even when one of them rejects):
   * resolves when each entry has an outcome, was kept for the `per_job` commit, or was skipped because
   * the run stopped; rejects with the first group's error (a store failure: the connector's errors are
   * outcomes).
   */
  readonly posted: Promise<void>;
}

/**
 * Prepares one page of export items (pleo-export-api.md §9 steps 5–6) and queues its posts: skips final
 * items, maps each valid item with `mapExportItem` (invalid envelopes and mapping failures →
 * `validation_failure`), checks the item type and bookkeeping method against the manifest
 * (`invalid_configuration`) and the receipt limits, runs the connector's entry-level `validate` for the
 * page, then queues the posts on the run's shared limiter (`pipeline.limit`, batched when the connector
 * has `postEntries` and `batchSize > 1`); each group attaches receipts in order and records + queues
 * each outcome.
 *
 * Resolves as soon as the page's groups are queued, **without waiting for them to post**, so the caller
 * can prepare the next page while this one posts and the limiter never runs dry at a page boundary;
 * `posted` tells when the page is done. The page's envelopes are not retained after this resolves (only
 * the queued entries are). How far ahead the caller may read is its decision (see `streamAndProcess`).
 */
export async function queueExportPage<Config>(
  run: JobRun<Config>,
  pipeline: PagePipeline,
  page: readonly ExportItemEnvelope[],
): Promise<QueuedPage> {
  const jobId = run.job.id;
  const { connector } = run;
  const ready: AccountingEntry[] = [];
  for (const envelope of page) {
    if (run.stop !== undefined) return NOTHING_QUEUED;
    const id = envelope.valid ? envelope.item.accountingEntryId : envelope.accountingEntryId;
    if (id === undefined) {
      run.tally.failed += 1;
      run.logger.error(
        'An export item without a readable accountingEntryId cannot be processed or reported',
        {
          issues: envelope.valid ? [] : envelope.issues,
        },
      );
      continue;
    }
    if (pipeline.finalIds.has(id)) continue;
    const record = await run.store.getEntry(jobId, id);
    if (record?.state === 'done') {
      run.tally.skipped += 1;
      if (record.outcome?.status === 'successful') run.tally.previouslySuccessful += 1;
      else run.tally.previouslyFailed += 1;
      continue;
    }
    if (!envelope.valid) {
      const first = envelope.issues[0];
      await failEntry(run, id, {
        reason: 'validation_failure',
        message: `The export item is invalid: ${first === undefined ? 'it does not match the Export API schema' : `${first.path}: ${first.message}`}. Correct the expense in Pleo and export again.`,
      });
      continue;
    }
    if (
      record?.state === 'intent' &&
      connector.manifest.idempotency === 'none' &&
      connector.manifest.delivery === 'per_entry'
    ) {
      await failEntry(
        run,
        id,
        {
          reason: 'accounting_system_timeout',
          message: `An earlier export attempt of this entry ended without an answer from ${connector.manifest.displayName}, which cannot detect duplicates: check whether the entry exists there before exporting it again.`,
        },
        false,
      );
      continue;
    }
    let mapped: ReturnType<typeof mapExportItem>;
    try {
      mapped = mapExportItem(envelope.item, pipeline.mapOptions);
    } catch (error) {
      run.logger.error('mapExportItem threw instead of returning an item failure', {
        accountingEntryId: id,
        error,
      });
      mapped = {
        ok: false,
        error: new ItemError(
          'validation_failure',
          'The export item could not be turned into a balanced accounting entry: check its amounts, tax and accounts in Pleo.',
        ),
      };
    }
    if (!mapped.ok) {
      await failEntry(run, id, mapped.error);
      continue;
    }
    const unsupported = unsupportedByConnector(connector.manifest, mapped.entry);
    if (unsupported !== undefined) {
      await failEntry(run, id, unsupported);
      continue;
    }
    const receiptProblem = checkReceiptLimits(
      mapped.entry.files,
      connector.manifest.attachments,
      connector.manifest.displayName,
    );
    if (receiptProblem !== undefined) {
      await failEntry(run, id, receiptProblem);
      continue;
    }
    // From here on the entry counts as being processed (a keep-alive candidate) until it has an outcome.
    run.inFlight.add(id);
    ready.push(mapped.entry);
  }
  if (ready.length === 0 || run.stop !== undefined) return NOTHING_QUEUED;

  const valid = await validatePage(run, ready);
  if (valid.length === 0 || run.stop !== undefined) return NOTHING_QUEUED;

  const batchSize = connector.postEntries !== undefined ? Math.max(1, connector.manifest.batchSize) : 1;
  const groups: AccountingEntry[][] = [];
  for (let i = 0; i < valid.length; i += batchSize) groups.push(valid.slice(i, i + batchSize));
  const posts = groups.map((group) => pipeline.limit(() => postGroup(run, pipeline, group)));
  return { posted: allSettledOrFirstError(posts) };
}

/** A page with nothing left to post (all skipped or failed before posting, or the run stopped). */
const NOTHING_QUEUED: QueuedPage = { posted: Promise.resolve() };

/**
 * Settles once every promise settled; then rejects with the first rejection, if any. Unlike
 * `Promise.all` it never settles while some of them still run, and every rejection is observed.
 */
async function allSettledOrFirstError(promises: readonly Promise<void>[]): Promise<void> {
  const results = await Promise.allSettled(promises);
  const failure = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
  if (failure !== undefined) throw failure.reason;
}

/** Entry-level `validate` for one page; entries with issues fail, the rest are returned. */
async function validatePage<Config>(
  run: JobRun<Config>,
  entries: AccountingEntry[],
): Promise<AccountingEntry[]> {
  let report: Awaited<ReturnType<typeof run.connector.validate>>;
  try {
    report = await run.retry.run(() => run.connector.validate(run.ctx, run.job, entries), run.ctx.signal);
  } catch (error) {
    if (run.ctx.signal.aborted) return [];
    await handleThrownForEntries(
      run,
      entries.map((e) => e.accountingEntryId),
      error,
    );
    return [];
  }
  if (report.jobIssues.length > 0) {
    const issue = report.jobIssues[0];
    if (issue !== undefined)
      stopRun(run, { kind: 'job_error', error: new JobError(issue.reason, issue.message) });
    return [];
  }
  if (report.entryIssues.length === 0) return entries;
  const issues = new Map<string, { reason: ItemError['reason']; message: string }>();
  for (const issue of report.entryIssues) {
    if (!issues.has(issue.accountingEntryId)) issues.set(issue.accountingEntryId, issue);
  }
  const valid: AccountingEntry[] = [];
  const failed: PendingOutcome[] = [];
  for (const entry of entries) {
    const issue = issues.get(entry.accountingEntryId);
    if (issue === undefined) valid.push(entry);
    else failed.push(failureOutcome(run, entry.accountingEntryId, issue));
  }
  await journalOutcomes(run, failed);
  return valid;
}

/**
 * Posts one group (one entry, or one `postEntries` batch), then attaches and records each outcome. The
 * group's intents are journaled in one store call before the post (`recordIntents`); of a batch's
 * outcomes, those known at once (successes without receipts, failures) are journaled in one store call
 * (`recordOutcomes`), the rest each when it is known (after its receipts, or its retry alone).
 */
async function postGroup<Config>(
  run: JobRun<Config>,
  pipeline: PagePipeline,
  group: AccountingEntry[],
): Promise<void> {
  if (run.stop !== undefined) return;
  const ids = group.map((entry) => entry.accountingEntryId);
  for (const id of ids) run.inFlight.add(id);
  await recordIntentsIn(run.store, run.job.id, ids);
  const unknownOutcomeIsFinal = run.connector.manifest.idempotency === 'none';
  const postEntries = run.connector.postEntries?.bind(run.connector);
  if (group.length > 1 && postEntries !== undefined) {
    let outcomes: Awaited<ReturnType<typeof postEntries>>;
    try {
      outcomes = await run.retry.run(() => postEntries(run.ctx, group), run.ctx.signal, {
        unknownOutcomeIsFinal,
      });
    } catch (error) {
      await handleThrownForEntries(
        run,
        group.map((e) => e.accountingEntryId),
        error,
      );
      return;
    }
    // Outcomes known now are journaled together; the others follow one by one.
    const known: PendingOutcome[] = [];
    const later: (() => Promise<void>)[] = [];
    group.forEach((entry, index) => {
      const outcome = outcomes[index];
      if (outcome === undefined) {
        known.push(
          failureOutcome(run, entry.accountingEntryId, {
            reason: 'unexpected_failure',
            message: `${run.connector.manifest.displayName} returned no result for this entry: export it again.`,
          }),
        );
      } else if (outcome.ok) {
        if (!hasReceiptsToAttach(run, entry) && pipeline.awaitingCommit === undefined) {
          known.push(successOutcome(run, entry.accountingEntryId, outcome.result));
        } else {
          later.push(() => afterPost(run, pipeline, entry, outcome.result));
        }
      } else if (outcome.error.retryable) {
        later.push(() => postSingle(run, pipeline, entry));
      } else {
        const disposition = thrownDisposition(run, outcome.error);
        if (disposition.kind === 'item') {
          known.push(failureOutcome(run, entry.accountingEntryId, disposition.error, disposition.escalate));
        } else {
          later.push(() => handleThrownForEntries(run, [entry.accountingEntryId], outcome.error));
        }
      }
    });
    await Promise.all([journalOutcomes(run, known), ...later.map((next) => next())]);
    return;
  }
  await Promise.all(group.map((entry) => postSingle(run, pipeline, entry)));
}

/** Whether `afterPost` has receipts to upload for the entry (else its success is known at once). */
function hasReceiptsToAttach(run: JobRun<unknown>, entry: AccountingEntry): boolean {
  return (
    entry.files.length > 0 &&
    run.connector.manifest.attachments.supported &&
    run.connector.attach !== undefined
  );
}

async function postSingle<Config>(
  run: JobRun<Config>,
  pipeline: PagePipeline,
  entry: AccountingEntry,
): Promise<void> {
  let result: PostResult;
  try {
    result = await run.retry.run(() => run.connector.postEntry(run.ctx, entry), run.ctx.signal, {
      unknownOutcomeIsFinal: run.connector.manifest.idempotency === 'none',
    });
  } catch (error) {
    await handleThrownForEntries(run, [entry.accountingEntryId], error);
    return;
  }
  await afterPost(run, pipeline, entry, result);
}

/** Attaches receipts, then records the success (or, for `per_job` delivery, keeps it for the commit). */
async function afterPost<Config>(
  run: JobRun<Config>,
  pipeline: PagePipeline,
  entry: AccountingEntry,
  result: PostResult,
): Promise<void> {
  const posted: PostedEntry = { entry, result };
  if (entry.files.length > 0) {
    try {
      await attachReceipts({
        connector: run.connector,
        ctx: run.ctx,
        posted,
        download: run.download,
        retry: run.retry,
        signal: run.ctx.signal,
        // `per_job` delivery stages attachments until `commitJob`: a crash loses them with the
        // staging, so they are not journaled (the resumed run stages every receipt again).
        journal: pipeline.awaitingCommit === undefined ? { store: run.store, jobId: run.job.id } : undefined,
      });
    } catch (error) {
      if (run.ctx.signal.aborted && pipeline.awaitingCommit === undefined) {
        // Interrupted while attaching: the document exists, so the intent (and the attachments
        // journaled for it) must stay; discarding it would let a resume post anew and upload every
        // receipt again. The resumed run re-posts (same document) and attaches only what is missing.
        run.inFlight.delete(entry.accountingEntryId);
        return;
      }
      await handleThrownForEntries(run, [entry.accountingEntryId], error);
      return;
    }
  }
  if (pipeline.awaitingCommit !== undefined) {
    pipeline.awaitingCommit.push(posted);
    return;
  }
  await recordSuccess(run, entry.accountingEntryId, result);
}

/** Records a success write-ahead, queues it for Pleo, counts and announces it. */
export async function recordSuccess(
  run: JobRun<unknown>,
  accountingEntryId: string,
  result: PostResult,
): Promise<void> {
  await journalOutcomes(run, [successOutcome(run, accountingEntryId, result)]);
}

/** A success to journal with `journalOutcomes` (once recorded it is counted and announced). */
export function successOutcome(
  run: JobRun<unknown>,
  accountingEntryId: string,
  result: PostResult,
): PendingOutcome {
  const outcome = {
    status: 'successful',
    externalId: result.externalId,
    exportedAt: result.exportedAt,
    ...(result.externalUrl === undefined ? {} : { externalUrl: result.externalUrl }),
  } as const;
  return {
    accountingEntryId,
    outcome,
    afterRecorded: () => {
      run.tally.successful += 1;
      run.emit({ type: 'entry_posted', jobId: run.job.id, accountingEntryId, externalId: result.externalId });
    },
  };
}

/**
 * Turns whatever a connector call threw into outcomes for `ids`:
 * - aborted signal → no outcome (the intent is discarded when the store supports it: an aborted call
 *   creates nothing), so a resume posts the entry again;
 * - `JobError` → the run stops with it (systemic), the entries keep their intent;
 * - `ItemError` → each entry fails with its reason (systemic reasons escalate); a timeout of an
 *   `idempotency: 'none'` connector fails without escalating (it is entry-specific: outcome unknown);
 * - anything else → `toLedgerportError(error, 'item')` (`unexpected_failure`, message scrubbed of the
 *   run's secrets), not escalated.
 */
export async function handleThrownForEntries(
  run: JobRun<unknown>,
  ids: readonly string[],
  error: unknown,
): Promise<void> {
  const disposition = thrownDisposition(run, error);
  if (disposition.kind === 'aborted') {
    for (const id of ids) {
      run.inFlight.delete(id);
      await run.store.discardIntent?.(run.job.id, id);
    }
    return;
  }
  if (disposition.kind === 'job_error') {
    for (const id of ids) run.inFlight.delete(id);
    stopRun(run, { kind: 'job_error', error: disposition.error });
    return;
  }
  // Every entry fails with the same error: journaled together.
  await journalOutcomes(
    run,
    ids.map((id) => failureOutcome(run, id, disposition.error, disposition.escalate)),
  );
}

/** What a connector call's throw means for its entries (see {@link handleThrownForEntries}). */
type ThrownDisposition =
  | { readonly kind: 'aborted' }
  | { readonly kind: 'job_error'; readonly error: JobError }
  | { readonly kind: 'item'; readonly error: ItemError; readonly escalate: boolean };

function thrownDisposition(run: JobRun<unknown>, error: unknown): ThrownDisposition {
  if (run.ctx.signal.aborted) return { kind: 'aborted' };
  if (JobError.isInstance(error)) return { kind: 'job_error', error };
  let itemError: ItemError;
  let escalate = true;
  if (LedgerportError.isInstance(error) && error.scope === 'item') {
    itemError = error as ItemError;
    if (run.connector.manifest.idempotency === 'none' && itemError.reason === 'accounting_system_timeout') {
      escalate = false;
    }
  } else {
    run.logger.error('A connector call failed unexpectedly', { error });
    itemError = toLedgerportError(error, 'item', { secrets: run.secretValues });
    // An unknown throw is never retried, so it must not escalate a retryable-looking reason.
    escalate = false;
  }
  return { kind: 'item', error: itemError, escalate };
}

/**
 * Core's own capability check against the manifest: an item type outside `manifest.entryTypes`, or a
 * bookkeeping method outside `manifest.bookkeepingMethods` (legacy items without one count as
 * `journal`), fails the item with `invalid_configuration` before anything is posted.
 */
export function unsupportedByConnector(
  manifest: ConnectorManifest,
  entry: AccountingEntry,
): Pick<ItemError, 'reason' | 'message'> | undefined {
  if (!manifest.entryTypes.includes(entry.type)) {
    return {
      reason: 'invalid_configuration',
      message: `The ${manifest.displayName} integration cannot book ${entry.type} items: book this one manually in ${manifest.displayName} or use an integration that supports it.`,
    };
  }
  const method = entry.bookkeepingMethod ?? 'journal';
  if (!manifest.bookkeepingMethods.includes(method)) {
    return {
      reason: 'invalid_configuration',
      message: `The ${manifest.displayName} integration does not support the ${method} bookkeeping method: change the bookkeeping method in Pleo or use an integration that supports it.`,
    };
  }
  return undefined;
}
