import type { ExportJobV3, PleoClient } from '@ledgerport/pleo';
import type { ConnectorContext } from '../connector/connector-context';
import type { PostedEntry } from '../connector/connector-v1';
import { createConnectorContext, secretFieldValues } from '../connector/create-connector-context';
import { JobError, LedgerportError } from '../errors/ledgerport-error';
import { toLedgerportError } from '../errors/to-ledgerport-error';
import { createRedactingLogger, noopLogger } from '../security/loggers';
import type { ExportStore, FinalEventRecord } from '../store/export-store';
import { createMemoryExportStore } from '../store/memory-export-store';
import { createItemReporter, type ItemReporter, MAX_ITEMS_PER_UPDATE } from './item-reporter';
import { type JobRun, journalOutcomes, stopRun } from './job-run-state';
import { createJobTally, decideFinalEvent, type JobTally } from './job-tally';
import { inPages } from './page-stream';
import { parseConnectorConfig } from './parse-connector-config';
import { classifyPleoError, PleoJobClosedError } from './pleo-job-stopped';
import { createPostingWindow, type PostingWindow } from './posting-window';
import { handleThrownForEntries, queueExportPage, successOutcome } from './process-export-page';
import { fetchReceipt } from './receipt-attachments';
import { createRetryRunner, DEFAULT_RETRY_SETTINGS } from './retry-runner';
import type { ExportJobOutcome, ExportProgressEvent, RunExportJobOptions } from './run-export-job-options';

/** Default page size of Pleo list calls. */
const DEFAULT_PAGE_SIZE = 100;
/** Default keep-alive / report interval: 5 minutes (jobs expire 1 h after `lastUpdatedAt`). */
const DEFAULT_REPORT_INTERVAL_MS = 5 * 60_000;
const FINAL_JOB_STATUSES = new Set(['completed', 'completed_with_errors', 'failed']);
const FINAL_ITEM_STATUSES = ['successful', 'failed', 'abandoned'] as const;

/**
 * Runs one Pleo export job end to end against a connector, following pleo-export-api.md §3 (job and
 * item lifecycles), §8 (idempotency) and §9 (end-to-end flow), and issue #3's "Lifecycle engine":
 *
 * 1. Resolves the job (`pleo.getJob` for an id). A job already final in Pleo, or whose final event this
 *    store recorded as sent, returns its outcome and sends nothing.
 * 2. Parses the config (`missing_configuration` / `invalid_configuration` naming the field), checks
 *    vendor-based bookkeeping support, then claims a pending job (`started`) while it `authenticate`s and
 *    runs the job-level `validate(ctx, job, [])` (retryable errors retried within the budget): the two
 *    round trips overlap. A job-level failure sends `failed` after the claim (a config failure sends
 *    `started` then `failed`); no item is touched. An abort meanwhile leaves a claimed job in progress,
 *    for the next run to resume.
 * 3. Waits for the claim (a resumed `in_progress` job sends none), then reads side by side the first
 *    export-items page, the item statuses (only final ids are kept, to skip them) and the outcomes a
 *    previous run left unreported (reported meanwhile), and streams export items page by page
 *    (`pageSize`). The next page is read, mapped and queued while earlier pages still
 *    post, but only while the posting limiter has fewer than `maxConcurrency` groups waiting and
 *    reporting keeps up (see `streamAndProcess` for the rule and the memory bound).
 * 4. Per page: maps, validates entries, queues its posts on one limiter shared by all pages, so
 *    `manifest.maxConcurrency` posts stay in flight across page boundaries (batched through
 *    `postEntries`), retries retryable errors honouring `retryAfterMs` within one per-job budget
 *    (never retrying a timed-out post of an `idempotency: 'none'` connector), attaches receipts in
 *    order; the group's intents journaled before its post (`store.recordIntents` in one call when the
 *    store has it, else `store.recordIntent` each), each outcome after (outcomes known together in one
 *    `store.recordOutcomes` call when the store has it, else `store.recordOutcome`), then reports to Pleo
 *    (once all of a page's posts settled, or as soon as 100 outcomes wait) in PUTs of ≤ 100, at least
 *    every `reportIntervalMs` (an `in_progress` keep-alive when nothing finished). `per_job`
 *    connectors: `commitJob` runs after every page's posts settled; successes are reported only after
 *    it succeeded.
 * 5. Completes once every post of every page has settled: all successful (or no items) → `completed`;
 *    some failed → `completed_with_errors`; none successful or a systemic error (an item reason in
 *    `SYSTEMIC_ITEM_REASONS`, a `JobError`, Pleo past its retries) → `failed` with the reason and an
 *    actionable message. The final event is recorded in the store first and sent exactly once.
 *
 * Pleo closing the job (422 `EXPORT_JOB_STATUS_UNPROCESSABLE`; expired or canceled by the user) stops
 * the run at once: outcome `failed` with the job's reason, nothing more sent. An aborted `signal` stops
 * posting and reports what finished; see `onAbort` for what happens next (default: leave the job
 * `in_progress` and resolve `interrupted`).
 *
 * Pleo failing past the client's retries mid-run (`pleo_rate_limit`, `service_unreachable`): the run
 * stops and tries to send `failed` with that reason; when even that fails, nothing is recorded, the job
 * stays `in_progress` and a later run resumes it.
 *
 * @throws the classified `JobError` when the job cannot be read or claimed (`getJob` / `started` fail
 * past the client's retries), or the store's error when the store fails; every other problem becomes
 * the outcome.
 */
export async function runExportJob<Config>(options: RunExportJobOptions<Config>): Promise<ExportJobOutcome> {
  const { pleo, connector } = options;
  const store = options.store ?? createMemoryExportStore();
  const secretValues = [
    ...Object.values(options.secrets ?? {}),
    ...secretFieldValues(options.config, connector.secretFields),
  ];
  // Every log line of the run goes through redaction (secret values and the connector's secretFields).
  const logger = createRedactingLogger(options.logger ?? noopLogger, secretValues, connector.secretFields);
  const emit = (event: ExportProgressEvent) => {
    try {
      options.onProgress?.(event);
    } catch (error) {
      logger.warn('onProgress threw; ignoring', { error });
    }
  };
  const finish = (outcome: ExportJobOutcome): ExportJobOutcome => {
    emit({ type: 'job_finished', outcome });
    return outcome;
  };

  let job: ExportJobV3;
  if (typeof options.job === 'string') {
    const jobId = options.job;
    job = await pleoCall(pleo, jobId, () => pleo.getJob(jobId));
  } else {
    job = options.job;
  }
  const jobId = job.id;
  const tally = createJobTally();

  // 1. Already final: in Pleo, or recorded as sent here.
  const recorded = await store.getFinalEvent(jobId);
  if (FINAL_JOB_STATUSES.has(job.status)) {
    if (recorded !== undefined && !recorded.sent && recorded.event === job.status)
      await store.markFinalEventSent(jobId);
    return finish(outcomeOf(jobId, fromJob(job), tally));
  }
  if (recorded?.sent === true) return finish(outcomeOf(jobId, recorded, tally));

  const reporter = createItemReporter({
    pleo,
    jobId,
    store,
    logger,
    onReported: (count) => emit({ type: 'batch_reported', jobId, count }),
  });
  const sendFinal = (event: Omit<FinalEventRecord, 'sent'>) =>
    sendFinalEvent({ pleo, store, jobId, tally, reporter, logger }, event).then(finish);

  if (recorded !== undefined) {
    // A previous run recorded its final event but did not get it sent: report leftovers, send it.
    return sendFinal(recorded);
  }

  // 2. Config, context, pre-export validation.
  const runController = new AbortController();
  const outerSignal = options.signal;
  const onOuterAbort = () => runController.abort(outerSignal?.reason);
  if (outerSignal?.aborted === true) onOuterAbort();
  outerSignal?.addEventListener('abort', onOuterAbort, { once: true });
  const retry = createRetryRunner({ ...DEFAULT_RETRY_SETTINGS, ...definedOnly(options.retry ?? {}) });

  let ctx: ConnectorContext<Config>;
  let lockedThrough: string | undefined;
  // The claim (`started`) goes out beside authentication and validation, as soon as the configuration
  // parsed: Pleo's lifecycle is claim → pre-export validation, and a job that fails validation is
  // claimed and failed anyway, so the two round trips overlap instead of following each other.
  let claim: Promise<void> | undefined;
  try {
    const config = parseConnectorConfig(connector, options.config, secretValues);
    ctx = createConnectorContext({
      job,
      config,
      secretFields: connector.secretFields,
      signal: runController.signal,
      ...(options.secrets === undefined ? {} : { secrets: options.secrets }),
      logger,
      ...(options.clock === undefined ? {} : { clock: options.clock }),
      ...(options.credentials === undefined ? {} : { credentials: options.credentials }),
    });
    if (job.vendorBasedBookkeeping && !connector.manifest.vendorBasedBookkeeping) {
      throw new JobError(
        'invalid_configuration',
        `This export uses vendor-based bookkeeping, which the ${connector.manifest.displayName} integration does not support: turn vendor-based bookkeeping off in Pleo or use an integration that supports it.`,
      );
    }
    if (job.status === 'pending') {
      claim = pleoCall(pleo, jobId, () => pleo.createJobEvent({ event: 'started', jobId })).then(() => {});
      claim.catch(() => undefined); // awaited below, on every path
    }
    await retry.run(() => connector.authenticate(ctx), runController.signal);
    const report = await retry.run(() => connector.validate(ctx, job, []), runController.signal);
    const issue = report.jobIssues[0];
    if (issue !== undefined) throw new JobError(issue.reason, issue.message);
    lockedThrough = report.lockedThrough;
  } catch (error) {
    outerSignal?.removeEventListener('abort', onOuterAbort);
    if (runController.signal.aborted) {
      // A claim already sent leaves the job in progress: the next run resumes it.
      await claim?.catch(() => undefined);
      return finish(interrupted(jobId, tally));
    }
    const jobError = toLedgerportError(error, 'job', { secrets: secretValues });
    logger.warn('Pre-export validation failed; failing the job early', {
      reason: jobError.reason,
      message: jobError.message,
    });
    try {
      if (claim !== undefined) await claim;
      else if (job.status === 'pending')
        await pleoCall(pleo, jobId, () => pleo.createJobEvent({ event: 'started', jobId }));
    } catch (startError) {
      if (startError instanceof PleoJobClosedError) return finish(closedOutcome(jobId, startError, tally));
      throw startError;
    }
    return sendFinal({
      event: 'failed',
      failureReasonType: jobError.reason,
      failureReason: jobError.message,
    });
  }

  // 3. Claim (or resume).
  const resumed = job.status === 'in_progress';
  try {
    if (claim !== undefined) await claim;
    else if (!resumed) await pleoCall(pleo, jobId, () => pleo.createJobEvent({ event: 'started', jobId }));
  } catch (error) {
    outerSignal?.removeEventListener('abort', onOuterAbort);
    if (error instanceof PleoJobClosedError) {
      if (error.job?.status !== 'in_progress') return finish(closedOutcome(jobId, error, tally));
    } else {
      throw error;
    }
  }
  emit({ type: 'job_started', jobId, totalItems: job.numberOfItems, resumed });

  const run: JobRun<Config> = {
    pleo,
    connector,
    job,
    ctx,
    store,
    reporter,
    retry,
    tally,
    logger,
    download: options.downloadFile ?? fetchReceipt,
    inFlight: new Set(),
    emit,
    secretValues,
    stop: undefined,
    outcomeQueued: undefined,
  };
  const onAbortStop = () => stopRun(run as JobRun<unknown>, { kind: 'aborted' });
  if (runController.signal.aborted) onAbortStop();
  runController.signal.addEventListener('abort', onAbortStop, { once: true });

  const reportIntervalMs = options.reportIntervalMs ?? DEFAULT_REPORT_INTERVAL_MS;
  const keepAlive = setInterval(() => {
    const work =
      reporter.pending > 0 ? reporter.flush() : reporter.keepAlive(() => run.inFlight.values().next().value);
    work.catch((error: unknown) => stopOnPleoError(run, error));
  }, reportIntervalMs);
  keepAlive.unref();

  const awaitingCommit: PostedEntry[] | undefined =
    connector.manifest.delivery === 'per_job' ? [] : undefined;
  try {
    await streamAndProcess(run, options, {
      lockedThrough,
      awaitingCommit,
    });
    if (awaitingCommit !== undefined && run.stop === undefined) await commit(run, awaitingCommit);
  } finally {
    clearInterval(keepAlive);
    outerSignal?.removeEventListener('abort', onOuterAbort);
  }

  // 4. Report what finished, whatever happens next.
  if (run.stop?.kind !== 'job_closed') {
    try {
      await reporter.flush();
    } catch (error) {
      stopOnPleoError(run, error);
    }
  }

  const stop = run.stop as JobRun<Config>['stop'];
  if (stop?.kind === 'job_closed') return finish(closedOutcome(jobId, stop.error, tally));
  if (stop?.kind === 'aborted') {
    if (options.onAbort === 'fail_job') {
      return sendFinal({
        event: 'failed',
        failureReasonType: 'canceled_by_user',
        failureReason: 'The export was stopped before it finished: export the remaining items again.',
      });
    }
    return finish(interrupted(jobId, tally));
  }
  if (stop?.kind === 'pleo_error') {
    return sendFinalEvent(
      { pleo, store, jobId, tally, reporter, logger },
      { event: 'failed', failureReasonType: stop.error.reason, failureReason: stop.error.message },
      { recordFirst: false },
    ).then(finish);
  }
  if (stop?.kind === 'job_error') {
    return sendFinal({
      event: 'failed',
      failureReasonType: stop.error.reason,
      failureReason: stop.error.message,
    });
  }
  if (reporter.rejected > 0) {
    logger.error('Some item outcomes were rejected by Pleo; they stay unreported in the store', {
      count: reporter.rejected,
    });
  }
  return sendFinal(decideFinalEvent(tally));
}

/**
 * Streams final statuses and export items page by page, and posts them through one limiter shared by
 * all pages, so posting continues across page boundaries: page N+1 is read, mapped, validated and its
 * groups queued while page N's groups still post, and a batching connector keeps `maxConcurrency`
 * batches in flight even when a page holds fewer groups than that.
 *
 * How far ahead it reads (what bounds memory): before preparing the next page it waits while
 * - the limiter already has `maxConcurrency` or more groups queued (waiting for a slot, not running):
 *   enough to refill every slot, so reading further would only hold more entries in memory; and
 * - reporting lags: a report flush is running and at least `pageSize` outcomes are already waiting
 *   behind it (the reporter never falls more than about a page behind the posts).
 * Entries held for posting are thus at most `(2 × maxConcurrency − 1) × batchSize + pageSize` (running
 * plus queued groups, the newest page's included), besides the page `inPages` reads ahead; a page's
 * envelopes are dropped once its groups are queued (`per_job` connectors still keep every posted entry
 * for the commit, as before).
 *
 * Outcomes are reported (a flush) as soon as all of a page's groups settled, and earlier whenever a
 * full PUT's worth (100) is waiting while no flush runs, so reports keep flowing while several pages
 * post side by side (a page then finishes later than when pages posted one at a time). It returns
 * only when every page's posting settled and the last flush finished, whatever stopped the loop
 * (`run.stop`, an aborted signal, a Pleo error while listing), so the `per_job` commit and the final
 * event come after every post. A group whose posting rejects (a store failure) stops the run at once
 * with that error, as one thrown while preparing a page does; no rejection goes unobserved.
 */
async function streamAndProcess<Config>(
  run: JobRun<Config>,
  options: RunExportJobOptions<Config>,
  extra: { lockedThrough: string | undefined; awaitingCommit: PostedEntry[] | undefined },
): Promise<void> {
  const { pleo, connector } = options;
  const jobId = run.job.id;
  const pageSize = options.pageSize ?? DEFAULT_PAGE_SIZE;
  const postingWindow = createPostingWindow(connector.manifest.maxConcurrency);
  let reporting: Promise<void> = Promise.resolve();
  let flushesRunning = 0;
  /**
   * Reports what is queued; flushes run one after another (the reporter serialises them), so with two
   * of ours started, the second has not begun and will take whatever is queued now: none is added.
   */
  const startFlush = (): void => {
    if (run.reporter.pending === 0 || run.stop?.kind === 'job_closed' || flushesRunning >= 2) return;
    flushesRunning += 1;
    reporting = run.reporter
      .flush()
      .catch((error: unknown) => stopOnPleoError(run, error))
      .finally(() => {
        flushesRunning -= 1;
        postingWindow.notify();
        reportWhenFull();
      });
  };
  /** Starts a flush as soon as a full PUT's worth of outcomes waits and none is running. */
  const reportWhenFull = (): void => {
    if (run.stop === undefined && flushesRunning === 0 && run.reporter.pending >= MAX_ITEMS_PER_UPDATE)
      startFlush();
  };
  run.outcomeQueued = reportWhenFull;
  const onStreamError = async (error: unknown): Promise<void> => {
    if (run.ctx.signal.aborted) return;
    stopOnPleoError(run, await classifyPleoError(pleo, jobId, error));
  };
  /**
   * Queues a group on the shared limiter; a group that rejects (a store failure: the connector's errors
   * are outcomes) stops the run at once, so no further group starts posting without its journal.
   */
  const limitAndWatch: PostingWindow['limit'] = (group) => {
    const result = postingWindow.limit(group);
    result.catch(onStreamError).catch((error: unknown) => {
      run.logger.error('Handling a failed post group failed', { error });
    });
    return result;
  };
  /** Follows a queued page until all its groups settled (failures already handled), then reports. */
  const track = (posted: Promise<void>): void => {
    postingWindow.track(posted.catch(() => undefined).finally(startFlush));
  };
  const mustWait = (): boolean =>
    run.stop === undefined &&
    (postingWindow.queued >= postingWindow.slots || (flushesRunning > 0 && run.reporter.pending >= pageSize));
  // A stop by abort wakes a wait for room at once (queued groups then start and skip their posts).
  const wake = () => postingWindow.notify();
  run.ctx.signal.addEventListener('abort', wake, { once: true });
  try {
    // Outcomes a previous run recorded but did not get reported.
    // The reads before the first page is processed run side by side (each Pleo round trip is latency on
    // every job): the first export-items page, the job items already final (one listing per status) and
    // the leftovers of an earlier run, which are reported meanwhile.
    const pages = inPages(pleo.listExportItems({ jobId, limit: pageSize }), pageSize)[Symbol.asyncIterator]();
    let pagesDone = false;
    const firstPage = pages.next();
    firstPage.catch(() => undefined); // awaited below; a failure must not go unhandled meanwhile
    try {
      const finalByStatus = Promise.all(
        FINAL_ITEM_STATUSES.map(async (status) => {
          const ids: string[] = [];
          for await (const item of pleo.listJobItems(jobId, { status, limit: pageSize })) {
            ids.push(item.accountingEntryId);
          }
          return { status, ids };
        }),
      );
      finalByStatus.catch(() => undefined);
      for (const record of await run.store.listUnreported(jobId)) {
        if (record.outcome !== undefined) run.reporter.add(record.accountingEntryId, record.outcome);
      }
      await run.reporter.flush();

      // Merged in status order, as when they were listed one after another.
      const finalIds = new Set<string>();
      for (const { status, ids } of await finalByStatus) {
        for (const id of ids) {
          if (finalIds.has(id)) continue;
          finalIds.add(id);
          run.tally.skipped += 1;
          if (status === 'successful') run.tally.previouslySuccessful += 1;
          else run.tally.previouslyFailed += 1;
        }
      }

      const pipeline = {
        mapOptions: {
          ...connector.mapOptions?.(run.ctx.config),
          ...options.mapping,
          lockedThrough: extra.lockedThrough ?? options.mapping?.lockedThrough,
        },
        limit: limitAndWatch,
        finalIds,
        awaitingCommit: extra.awaitingCommit,
      };
      // inPages fetches page N+1 while page N is prepared; earlier pages keep posting meanwhile.
      for (let next = await firstPage; next.done !== true; next = await pages.next()) {
        await postingWindow.waitWhile(mustWait);
        if (run.stop !== undefined) break;
        const queued = await queueExportPage(run, pipeline, next.value);
        track(queued.posted);
      }
      pagesDone = true;
    } finally {
      // Stopped early or failed: close the page stream (its pending read and the source).
      if (!pagesDone) await pages.return(undefined).catch(() => undefined);
    }
  } catch (error) {
    await onStreamError(error);
  } finally {
    // Whatever ended the loop, nothing returns while a post of any page is still running.
    await postingWindow.drained();
    run.ctx.signal.removeEventListener('abort', wake);
    run.outcomeQueued = undefined;
    startFlush();
    await reporting;
  }
}

/** `per_job` delivery: commits the output, then records the successes (reported after this). */
async function commit<Config>(run: JobRun<Config>, posted: PostedEntry[]): Promise<void> {
  const commitJob = run.connector.commitJob?.bind(run.connector);
  if (commitJob === undefined) {
    await recordCommitted(run as JobRun<unknown>, posted);
    return;
  }
  try {
    const result = await run.retry.run(() => commitJob(run.ctx, { job: run.job, posted }), run.ctx.signal);
    run.tally.artifacts.push(...result.artifacts);
  } catch (error) {
    await handleThrownForEntries(
      run as JobRun<unknown>,
      posted.map((p) => p.entry.accountingEntryId),
      error,
    );
    return;
  }
  await recordCommitted(run as JobRun<unknown>, posted);
}

/** Journals the committed successes together (one `recordOutcomes` when the store has it), then queues them. */
async function recordCommitted(run: JobRun<unknown>, posted: readonly PostedEntry[]): Promise<void> {
  await journalOutcomes(
    run,
    posted.map((p) => successOutcome(run, p.entry.accountingEntryId, p.result)),
  );
}

/** Records why a Pleo call (error already classified by `classifyPleoError`) stopped the run. */
function stopOnPleoError(run: JobRun<unknown>, error: unknown): void {
  if (error instanceof PleoJobClosedError) stopRun(run, { kind: 'job_closed', error });
  else if (JobError.isInstance(error)) stopRun(run, { kind: 'pleo_error', error });
  else {
    run.logger.error('Unexpected error while streaming or reporting the job', { error });
    stopRun(run, {
      kind: 'job_error',
      error: toLedgerportError(error, 'job', { secrets: run.secretValues }),
    });
  }
}

/** Calls Pleo; errors are classified (`PleoJobClosedError` on 422, `JobError` otherwise). */
async function pleoCall<T>(pleo: PleoClient, jobId: string, call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    throw await classifyPleoError(pleo, jobId, error);
  }
}

interface FinalEventDeps {
  readonly pleo: PleoClient;
  readonly store: ExportStore;
  readonly jobId: string;
  readonly tally: JobTally;
  readonly reporter: ItemReporter;
  readonly logger: RunExportJobOptions['logger'];
}

/**
 * Records the final event (the first recorded wins), reports leftovers, sends it once and marks it sent.
 * Pleo answering 422 means the job is already closed: when it closed with the same status (a previous
 * send got through), it counts as sent; otherwise the outcome is Pleo's (expired, canceled).
 */
async function sendFinalEvent(
  deps: FinalEventDeps,
  wanted: Omit<FinalEventRecord, 'sent'>,
  options: { recordFirst: boolean } = { recordFirst: true },
): Promise<ExportJobOutcome> {
  const { pleo, store, jobId, tally, reporter } = deps;
  const record = options.recordFirst
    ? await store.recordFinalEvent(jobId, wanted)
    : { ...wanted, sent: false };
  if (record.sent) return outcomeOf(jobId, record, tally);
  try {
    if (reporter.pending === 0) {
      for (const left of await store.listUnreported(jobId)) {
        if (left.outcome !== undefined) reporter.add(left.accountingEntryId, left.outcome);
      }
    }
    if (reporter.pending > 0) await reporter.flush();
    await pleoCall(pleo, jobId, () =>
      pleo.createJobEvent({
        event: record.event,
        jobId,
        ...(record.event === 'failed' && record.failureReasonType !== undefined
          ? { failureReasonType: record.failureReasonType }
          : {}),
        ...(record.event === 'failed' && record.failureReason !== undefined
          ? { failureReason: record.failureReason }
          : {}),
      }),
    );
  } catch (error) {
    if (error instanceof PleoJobClosedError) {
      if (error.job?.status === record.event) {
        if (!options.recordFirst) await store.recordFinalEvent(jobId, wanted);
        await store.markFinalEventSent(jobId);
        return outcomeOf(jobId, record, tally);
      }
      return closedOutcome(jobId, error, tally);
    }
    const reason = JobError.isInstance(error) ? error.reason : 'service_unreachable';
    deps.logger?.error('The final job event could not be sent', {
      recordedForTheNextRun: options.recordFirst,
      reason,
    });
    return outcomeOf(
      jobId,
      { event: 'failed', failureReasonType: reason, failureReason: messageOf(error) },
      tally,
    );
  }
  if (!options.recordFirst) await store.recordFinalEvent(jobId, wanted);
  await store.markFinalEventSent(jobId);
  return outcomeOf(jobId, record, tally);
}

function messageOf(error: unknown): string {
  return LedgerportError.isInstance(error)
    ? error.message
    : 'Pleo could not be reached to finish the export.';
}

function fromJob(job: ExportJobV3): Omit<FinalEventRecord, 'sent'> {
  return {
    event: job.status as FinalEventRecord['event'],
    failureReasonType: job.failureReasonType ?? undefined,
    failureReason: job.failureReason ?? undefined,
  };
}

function outcomeOf(
  jobId: string,
  event: Omit<FinalEventRecord, 'sent'> | { event: 'interrupted' },
  tally: JobTally,
): ExportJobOutcome {
  return {
    jobId,
    status: event.event,
    ...('failureReasonType' in event && event.failureReasonType !== undefined
      ? { failureReasonType: event.failureReasonType }
      : {}),
    ...('failureReason' in event && event.failureReason !== undefined
      ? { failureReason: event.failureReason }
      : {}),
    successful: tally.successful,
    failed: tally.failed,
    skipped: tally.skipped,
    failuresByReason: { ...tally.failuresByReason },
    artifacts: [...tally.artifacts],
  };
}

function interrupted(jobId: string, tally: JobTally): ExportJobOutcome {
  return outcomeOf(jobId, { event: 'interrupted' }, tally);
}

/** Outcome when Pleo closed the job: the job's own final state when known, else `failed` with the reason. */
function closedOutcome(jobId: string, error: PleoJobClosedError, tally: JobTally): ExportJobOutcome {
  if (error.job !== undefined && FINAL_JOB_STATUSES.has(error.job.status))
    return outcomeOf(jobId, fromJob(error.job), tally);
  return outcomeOf(
    jobId,
    { event: 'failed', failureReasonType: error.reason, failureReason: error.message },
    tally,
  );
}

function definedOnly<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}
