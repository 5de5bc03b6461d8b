import { createPleoClient, type ExportItemV3, type PleoClient } from '@ledgerport/pleo';
import { createPleoSandbox, type PleoSandbox } from '@ledgerport/pleo-sandbox';
import type { MapOptions } from '../../../src/entry/map-options';

/** A sandbox listening on loopback with one company and one pending job, and a client for it. */
export interface SandboxHarness {
  readonly sandbox: PleoSandbox;
  readonly pleo: PleoClient;
  readonly jobId: string;
  readonly companyId: string;
  readonly items: ExportItemV3[];
  close(): Promise<void>;
}

/** Mapping options that give every seed item a contra account. */
export const testMapping: MapOptions = {
  contraAccounts: {
    DKK: '1930',
    SEK: '1930',
    EUR: '1930',
    GBP: '1930',
    NOK: '1930',
    USD: '1930',
    JPY: '1930',
  },
  inputVatAccount: '2640',
  outputVatAccount: '2614',
  payablesAccount: '2440',
};

/**
 * Starts a fresh sandbox (real node:http server on 127.0.0.1, port 0) seeded with `itemCount` items
 * (or `items`), and a `@ledgerport/pleo` client with fast retries.
 */
export async function startSandbox(
  options: { itemCount?: number; items?: ExportItemV3[]; vendorBasedBookkeeping?: boolean } = {},
): Promise<SandboxHarness> {
  const sandbox = createPleoSandbox({ manualClock: true });
  const server = await sandbox.listen({ port: 0 });
  let companyId: string;
  let apiKey: string;
  let jobId: string;
  let items: ExportItemV3[];
  if (options.vendorBasedBookkeeping === true) {
    const company = sandbox.createCompany();
    companyId = company.companyId;
    apiKey = company.apiKey;
    const seededItems = options.items ?? [];
    const job = sandbox.createJob(companyId, seededItems, { vendorBasedBookkeeping: true });
    jobId = job.id;
    items = seededItems;
  } else {
    const seeded = sandbox.seedCompany({
      seed: 42,
      ...(options.items === undefined ? { itemCount: options.itemCount ?? 12 } : { items: options.items }),
    });
    ({ companyId, apiKey, jobId, items } = seeded);
  }
  const pleo = createPleoClient({
    baseUrl: server.url,
    auth: { type: 'apiKey', apiKey },
    retry: { retries: 6, minDelayMs: 1, maxDelayMs: 20 },
  });
  return { sandbox, pleo, jobId, companyId, items, close: () => server.close() };
}

/** Event names the sandbox accepted for the job, in order. */
export function eventNames(harness: SandboxHarness): string[] {
  return harness.sandbox.getEvents(harness.jobId).map((e) => e.event);
}

/** Job item statuses in the sandbox, counted. */
export function itemStatusCounts(harness: SandboxHarness): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const item of harness.sandbox.getJobItems(harness.jobId)) {
    const status = item.status ?? 'null';
    counts[status] = (counts[status] ?? 0) + 1;
  }
  return counts;
}
