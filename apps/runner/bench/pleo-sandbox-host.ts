/**
 * The Pleo side of the runner's Xero lifecycle benchmark: a `@ledgerport/pleo-sandbox` over loopback
 * HTTP with one company, a fresh pending job of benchmark items per run, and a read-back of what the run
 * left in Pleo. Used in process (`SANDBOX=in-process`) or in a child process (`pleo-sandbox-process.ts`,
 * the default: a real Pleo's servers do not share the runner's CPU).
 */
import { createPleoSandbox } from '@ledgerport/pleo-sandbox';
import { benchExportItems } from './xero-bench-items.ts';

/** What the benchmark reads back after a run. */
export interface JobReadBack {
  readonly status: string;
  readonly itemStatuses: Record<string, number>;
  readonly events: string[];
  /** Requests the sandbox answered since the job was created, by `METHOD path` (ids replaced by `{id}`). */
  readonly requests: Record<string, number>;
  readonly requestCount: number;
}

export interface SandboxHost {
  readonly baseUrl: string;
  readonly apiKey: string;
  readonly companyId: string;
  /** Creates a pending job of `count` benchmark items (ids from `namespace`). */
  createJob(namespace: number, count: number): Promise<string>;
  inspect(jobId: string): Promise<JobReadBack>;
  close(): Promise<void>;
}

/** Starts the sandbox in this process (listening on 127.0.0.1, any free port); `latencyMs` delays every answer. */
export async function startSandboxHost(latencyMs: number): Promise<SandboxHost> {
  const sandbox = createPleoSandbox();
  sandbox.faults.latencyMs = latencyMs;
  const { companyId, apiKey } = sandbox.createCompany({ name: 'Bench Ltd' });
  const server = await sandbox.listen({ port: 0 });
  const logStart = new Map<string, number>();
  return {
    baseUrl: server.url,
    apiKey,
    companyId,
    async createJob(namespace, count) {
      const job = sandbox.createJob(companyId, benchExportItems(companyId, namespace, count));
      logStart.set(job.id, sandbox.requestLog.length);
      return job.id;
    },
    async inspect(jobId) {
      const itemStatuses: Record<string, number> = {};
      for (const item of sandbox.getJobItems(jobId)) {
        const status = item.status ?? 'null';
        itemStatuses[status] = (itemStatuses[status] ?? 0) + 1;
      }
      const requests: Record<string, number> = {};
      const log = sandbox.requestLog.slice(logStart.get(jobId) ?? 0);
      for (const entry of log) {
        const key = `${entry.method} ${entry.path.replace(/[0-9a-f]{8}-[0-9a-f-]{27}/g, '{id}')}${entry.status >= 400 ? ` ${entry.status}` : ''}`;
        requests[key] = (requests[key] ?? 0) + 1;
      }
      return {
        status: sandbox.getJob(jobId).status,
        itemStatuses,
        events: sandbox.getEvents(jobId).map((e) => e.event),
        requests,
        requestCount: log.length,
      };
    },
    close: () => server.close(),
  };
}
