/**
 * `createPleoSandbox`: a stateful local Pleo Export API v3 (spec `shared/specs/pleo/export-openapi.yml`,
 * behaviour per `shared/docs/pleo-export-api.md`) usable as msw handlers, as a real loopback HTTP
 * server, and programmatically (seed companies/jobs, read back what an integration did).
 */
import type { RequestHandler } from 'msw';
import { createSandboxClock, type SandboxClock } from '../clock/sandbox-clock';
import { type FaultControl, FaultInjector } from '../faults/fault-injector';
import { createMswHandlers } from '../http/msw-adapter';
import { startNodeServer } from '../http/node-server';
import { createRequestCore, type RequestLogEntry } from '../http/request-handler';
import type { CreateExportJobEvent, ExportItemV3, ExportJobItemV3, ExportJobV3 } from '../model/pleo-types';
import { ReceiptUrls } from '../receipts/receipt-urls';
import { generatedItemSource } from '../seed/generate-seed-items';
import { arrayItemSource, type ItemSource } from '../store/item-source';
import { SandboxStore, SandboxUsageError } from '../store/sandbox-store';
import { deliverJobCreated, type WebhookDelivery } from '../webhook/job-created-webhook';

/** Options of {@link createPleoSandbox}. */
export interface PleoSandboxOptions {
  /** Origin the msw handlers answer for; default `https://sandbox.pleo.test`. */
  baseUrl?: string | undefined;
  /** Injectable clock (job expiry, receipt URL expiry). `clock.advance(ms)` adds to it. */
  now?: (() => Date) | undefined;
  /** Freeze time at `now()` (or the real time) at creation; it then moves only via `clock.advance`. */
  manualClock?: boolean | undefined;
  /** Page size when a request has no `limit`; default 10 (so a client that ignores paging fails). */
  defaultPageSize?: number | undefined;
  /** When set, each job creation POSTs a signed `v1.export-job.created` delivery to `url`. */
  webhook?: { url: string; secret: string } | undefined;
}

/** Options of {@link PleoSandbox.createCompany}. */
export interface CreateCompanyOptions {
  /** The company id (a UUID); default a random UUID. */
  companyId?: string | undefined;
  /** The API key clients send as the Basic user name; default a random `sandbox_…` key. */
  apiKey?: string | undefined;
  /** An OAuth bearer token the sandbox also accepts for this company; default none. */
  bearerToken?: string | undefined;
  /** Company name, kept on the company record (default `Sandbox ApS`); not used in any response. */
  name?: string | undefined;
}

/** Options of {@link PleoSandbox.seedCompany}. */
export interface SeedCompanyOptions extends CreateCompanyOptions {
  /** Generator seed (default 1); ignored with `items`. */
  seed?: number | undefined;
  /** Items to seed (their `companyId` is replaced by the new company's). */
  items?: ExportItemV3[] | undefined;
  /** Number of generated items (default 64); generated lazily. */
  itemCount?: number | undefined;
}

/** The running sandbox. */
export interface PleoSandbox {
  /** The msw origin; after `listen()`, the loopback URL. */
  readonly baseUrl: string;
  /** msw handlers for `baseUrl` (as given at creation). */
  handlers(): RequestHandler[];
  /** Starts a real node:http server (default 127.0.0.1, any free port). */
  listen(o?: {
    port?: number | undefined;
    host?: string | undefined;
  }): Promise<{ url: string; close(): Promise<void> }>;
  /**
   * Registers a company; returns its id and API key (Basic username, empty password; pleo-export-api.md §1).
   * @throws SandboxUsageError when the company id, API key or bearer token is already in use.
   */
  createCompany(o?: CreateCompanyOptions): { companyId: string; apiKey: string };
  /**
   * Creates a `pending` job over `items` for the company.
   * @throws SandboxApiError 409 `EXPORT_ALREADY_IN_PROGRESS` when the company has a running job;
   *   SandboxUsageError for an unknown company, duplicate ids, or an item whose `companyId` is not
   *   `companyId`.
   */
  createJob(
    companyId: string,
    items: ExportItemV3[],
    o?: { vendorBasedBookkeeping?: boolean | undefined; isInteractive?: boolean | undefined },
  ): ExportJobV3;
  /**
   * Creates a company with one pending job over seed items (`items`, or `itemCount` generated
   * items — lazily, so 100,000 is cheap — or 64 generated items). `items` in the result is
   * materialised on first access. Given `items` get the new company's `companyId`.
   * @throws SandboxUsageError as {@link PleoSandbox.createCompany} does.
   */
  seedCompany(o?: SeedCompanyOptions): {
    companyId: string;
    apiKey: string;
    jobId: string;
    items: ExportItemV3[];
  };
  /** The job as recorded (expiry applied first). @throws SandboxApiError 404 for an unknown job. */
  getJob(jobId: string): ExportJobV3;
  /** Every item state of the job, in export order. @throws SandboxApiError 404 for an unknown job. */
  getJobItems(jobId: string): ExportJobItemV3[];
  /** Every accepted event of the job, in order (copies). @throws SandboxApiError 404 for an unknown job. */
  getEvents(jobId: string): CreateExportJobEvent[];
  /** Every handled request (method, path, status), in order. */
  requestLog: RequestLogEntry[];
  /** Fault injection (429/500/503, latency). */
  faults: FaultControl;
  /** The sandbox clock. */
  clock: SandboxClock;
  /** Webhook delivery outcomes, in order (when `webhook` is configured). */
  webhookDeliveries: WebhookDelivery[];
  /** Resolves when every webhook delivery started so far has finished. */
  webhooksSettled(): Promise<void>;
}

/**
 * Creates a sandbox.
 *
 * @throws RangeError for a `defaultPageSize` outside 1–1000.
 */
export function createPleoSandbox(options: PleoSandboxOptions = {}): PleoSandbox {
  const defaultPageSize = options.defaultPageSize ?? 10;
  if (!Number.isInteger(defaultPageSize) || defaultPageSize < 1 || defaultPageSize > 1000) {
    throw new RangeError(`defaultPageSize must be an integer between 1 and 1000, got ${defaultPageSize}`);
  }
  let clockBase = options.now ?? (() => new Date());
  if (options.manualClock) {
    const frozen = clockBase().getTime();
    clockBase = () => new Date(frozen);
  }
  const clock = createSandboxClock(clockBase);
  const webhookDeliveries: WebhookDelivery[] = [];
  const pendingDeliveries = new Set<Promise<void>>();
  const { webhook } = options;
  const store = new SandboxStore(
    clock,
    webhook
      ? (job) => {
          const delivery = deliverJobCreated(webhook, job, clock.now()).then((result) => {
            webhookDeliveries.push(result);
            pendingDeliveries.delete(delivery);
          });
          pendingDeliveries.add(delivery);
        }
      : undefined,
  );
  const faults = new FaultInjector();
  const requestLog: RequestLogEntry[] = [];
  const core = createRequestCore({
    store,
    faults,
    receiptUrls: new ReceiptUrls(clock),
    requestLog,
    defaultPageSize,
  });
  const mswBaseUrl = (options.baseUrl ?? 'https://sandbox.pleo.test').replace(/\/+$/, '');
  let baseUrl = mswBaseUrl;

  const createJobFromSource = (
    companyId: string,
    source: ItemSource,
    o: { vendorBasedBookkeeping?: boolean | undefined; isInteractive?: boolean | undefined } = {},
  ): ExportJobV3 => {
    const record = store.createJob(companyId, source, o);
    return record.toJob();
  };

  const sandbox: PleoSandbox = {
    get baseUrl() {
      return baseUrl;
    },
    handlers: () => createMswHandlers(core, mswBaseUrl),
    async listen(o = {}) {
      const server = await startNodeServer(core, o);
      baseUrl = server.url;
      return server;
    },
    createCompany(o = {}) {
      const company = store.createCompany(o);
      return { companyId: company.companyId, apiKey: company.apiKey };
    },
    createJob(companyId, items, o = {}) {
      for (const [i, item] of items.entries()) {
        if (item.companyId !== companyId) {
          throw new SandboxUsageError(
            `createJob: items[${i}].companyId is ${item.companyId}, expected ${companyId}; export items belong to the job's company`,
          );
        }
      }
      return createJobFromSource(companyId, arrayItemSource(items), o);
    },
    seedCompany(o = {}) {
      const { seed, items: givenItems, itemCount, ...companyOptions } = o;
      const { companyId, apiKey } = sandbox.createCompany(companyOptions);
      let source: ItemSource;
      if (givenItems) {
        const items = givenItems.map((item) => ({ ...item, companyId }));
        source = arrayItemSource(items);
      } else {
        source = generatedItemSource({ companyId, seed: seed ?? 1, count: itemCount ?? 64 });
      }
      const job = createJobFromSource(companyId, source);
      let materialised: ExportItemV3[] | undefined;
      const result = { companyId, apiKey, jobId: job.id } as {
        companyId: string;
        apiKey: string;
        jobId: string;
        items: ExportItemV3[];
      };
      Object.defineProperty(result, 'items', {
        enumerable: true,
        get() {
          materialised ??= Array.from({ length: source.count }, (_, i) => source.itemAt(i));
          return materialised;
        },
      });
      return result;
    },
    getJob: (jobId) => store.job(jobId).toJob(),
    getJobItems(jobId) {
      const record = store.job(jobId);
      return Array.from({ length: record.source.count }, (_, i) => record.jobItemAt(i));
    },
    getEvents: (jobId) => store.eventsOf(jobId),
    requestLog,
    faults,
    clock,
    webhookDeliveries,
    async webhooksSettled() {
      while (pendingDeliveries.size > 0) await Promise.all(pendingDeliveries);
    },
  };
  return sandbox;
}
