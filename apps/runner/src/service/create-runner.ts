import { hostname } from 'node:os';
import type { ExportProgressEvent, Logger } from '@ledgerport/core';
import type { PleoClient } from '@ledgerport/pleo';
import type { LoadedConfig } from '../config/load-config';
import type { ConnectorRegistry } from '../registry/connector-registry';
import { openRunnerStore } from '../store/open-runner-store';
import type { RunnerStore } from '../store/runner-store';
import { createPleoFromConfig, pleoBaseUrl } from './create-pleo-from-config';
import { type ResolvedCompany, resolveCompanies } from './resolve-companies';
import type { JobRunResult } from './run-claimed-job';
import { type CompanyPassResult, runCompanyPass } from './run-company-pass';
import { startWebhookListener } from './webhook-listener';

/** Options of {@link createRunner}. */
export interface CreateRunnerOptions {
  readonly loaded: LoadedConfig;
  readonly registry: ConnectorRegistry;
  /** Builds the logger once every secret value is known (config + connector `secretFields`). */
  readonly logger: (secretValues: readonly string[]) => Logger;
  /** Override the Pleo client per company (tests). */
  readonly pleo?: (companyId: string) => PleoClient;
  /** Override the store (tests); default: the configured store, opened on first use. */
  readonly store?: RunnerStore;
  readonly onProgress?: (event: ExportProgressEvent) => void;
  readonly onResult?: (result: JobRunResult) => void;
}

/** The runner: configured companies bound to connectors, Pleo, the store, and the two ways to run. */
export interface Runner {
  readonly companies: readonly ResolvedCompany[];
  readonly runnerId: string;
  readonly logger: Logger;
  readonly secretValues: readonly string[];
  /** Pleo base URL in use (for messages). */
  readonly pleoUrl: string;
  pleo(companyId: string): PleoClient;
  /** The store, opened (and migrated) on first call. */
  store(): Promise<RunnerStore>;
  /** One pass (`run --once`): every company's active jobs, oldest first, companies in parallel. */
  runOnce(signal?: AbortSignal): Promise<CompanyPassResult[]>;
  /**
   * The service (`run`): a pass per company every `pleo.pollIntervalSeconds`, woken early by a
   * verified webhook; resolves when `signal` aborts (after the running jobs stopped).
   */
  serve(signal: AbortSignal): Promise<void>;
  close(): Promise<void>;
}

/**
 * Wires a loaded config into a {@link Runner}: resolves each company's connector (errors name the
 * field), creates one Pleo client per company, and opens the store lazily so that an unreachable Pleo
 * or an idle pass writes nothing.
 *
 * @throws {ConfigError} for an unknown connector or a connector config its schema rejects.
 */
export function createRunner(options: CreateRunnerOptions): Runner {
  const { loaded, registry } = options;
  const file = loaded.file === undefined ? undefined : loaded.file.split(/[\\/]/).pop();
  const { companies, secretValues: connectorSecrets } = resolveCompanies(loaded.config, registry, file);
  const secretValues = [...loaded.secretValues, ...connectorSecrets];
  const logger = options.logger(secretValues);
  const runnerId = loaded.config.runnerId ?? `${hostname()}:${loaded.file ?? 'inline'}`;
  const clients = new Map<string, PleoClient>();
  const pleo = (companyId: string): PleoClient => {
    let client = clients.get(companyId);
    if (client === undefined) {
      client = options.pleo?.(companyId) ?? createPleoFromConfig(loaded.config.pleo, companyId);
      clients.set(companyId, client);
    }
    return client;
  };
  let storePromise: Promise<RunnerStore> | undefined =
    options.store === undefined ? undefined : Promise.resolve(options.store);
  const store = () => {
    storePromise ??= openRunnerStore(loaded.config.store, loaded.baseDir);
    return storePromise;
  };
  const deps = (signal: AbortSignal | undefined) => ({
    pleo,
    store,
    runnerId,
    logger,
    secretValues,
    signal,
    onProgress: options.onProgress,
    onResult: options.onResult,
  });

  return {
    companies,
    runnerId,
    logger,
    secretValues,
    pleoUrl: pleoBaseUrl(loaded.config.pleo),
    pleo,
    store,
    runOnce: (signal) => Promise.all(companies.map((company) => runCompanyPass(company, deps(signal)))),
    async serve(signal) {
      const alarms = new Map(companies.map((c) => [c.companyId, createAlarm()] as const));
      const webhookConfig = loaded.config.pleo.webhook;
      const webhook =
        webhookConfig === undefined
          ? undefined
          : await startWebhookListener({
              ...webhookConfig,
              logger,
              onJobCreated: (companyId, jobId) => {
                const alarm = alarms.get(companyId);
                if (alarm === undefined) {
                  logger.warn('Webhook for a company that is not configured', { companyId, jobId });
                } else {
                  logger.info('Webhook: export job created', { companyId, jobId });
                  alarm.ring();
                }
              },
            });
      if (webhook !== undefined) logger.info('Listening for Pleo webhooks', { url: webhook.url });
      const intervalMs = loaded.config.pleo.pollIntervalSeconds * 1_000;
      try {
        await Promise.all(
          companies.map(async (company) => {
            while (!signal.aborted) {
              const pass = await runCompanyPass(company, deps(signal));
              if (pass.error !== undefined) {
                logger.error('Could not list export jobs; retrying at the next poll', {
                  companyId: company.companyId,
                  error: pass.error,
                });
              }
              await alarms.get(company.companyId)?.sleep(intervalMs, signal);
            }
          }),
        );
      } finally {
        await webhook?.close();
      }
    },
    async close() {
      if (storePromise === undefined || options.store !== undefined) return;
      const store = await storePromise.catch(() => undefined); // a store that failed to open has nothing to close
      await store?.close();
    },
  };
}

/**
 * A company's wake-up: `sleep` waits the poll interval, or until `signal` aborts, or until `ring` is
 * called. A ring while the company is busy (not sleeping) is remembered, so the next sleep returns at
 * once and a job created during a pass is not left waiting for the next poll.
 */
function createAlarm(): { ring(): void; sleep(ms: number, signal: AbortSignal): Promise<void> } {
  let rung = false;
  let wake: (() => void) | undefined;
  return {
    ring() {
      rung = true;
      wake?.();
    },
    sleep(ms, signal) {
      return new Promise((resolve) => {
        if (signal.aborted || rung) {
          rung = false;
          resolve();
          return;
        }
        const done = () => {
          clearTimeout(timer);
          signal.removeEventListener('abort', done);
          wake = undefined;
          rung = false;
          resolve();
        };
        const timer = setTimeout(done, ms);
        signal.addEventListener('abort', done, { once: true });
        wake = done;
      });
    },
  };
}
