import {
  type AccountingEntry,
  type ConnectorContext,
  type ConnectorManifest,
  type ConnectorV1,
  defineConnector,
  type JobIssue,
  type MapOptions,
} from '@ledgerport/core';
import type { OutputFileSystem } from '../output/output-file-system';
import { createPerJobFileSink } from '../stage/create-per-job-file-sink';
import type { FileSinkConfig, PerJobFileFormat } from '../stage/per-job-file-format';
import { collectEntryIssues } from '../validate/collect-entry-issues';

/** What a `per_job` file connector supplies to {@link defineFileConnector}: its identity, config and format. */
export interface FileConnectorDefinition<
  Config extends FileSinkConfig,
  Records,
  State,
  Owner extends object,
> {
  /** Connector id (kebab-case), e.g. `'sie'`. */
  readonly id: string;
  /** The manifest; `delivery` should be `'per_job'`, `authMode` `'none'`. */
  readonly manifest: ConnectorManifest;
  /** The zod schema of the config (`ConnectorV1.configSchema`). */
  readonly configSchema: ConnectorV1<Config>['configSchema'];
  /** The format hooks (records, encoding, file naming, reader). */
  readonly format: PerJobFileFormat<Config, Records, State, Owner>;
  /** File operations; default the local disk with atomic writes. */
  readonly fileSystem?: OutputFileSystem | undefined;
  /** Mapping defaults from the config (VAT and contra accounts), see core `entry/map-options.ts`. */
  mapOptions?(config: Config): Partial<MapOptions>;
  /**
   * The job issue's message when a job uses vendor-based bookkeeping and the manifest says the format
   * cannot write it (`manifest.vendorBasedBookkeeping: false`).
   */
  readonly vendorBasedBookkeepingMessage: string;
  /** Further job-level configuration checks for `validate` (never writing). */
  jobIssues?(ctx: ConnectorContext<Config>): JobIssue[];
  /**
   * Checks one entry for `validate` without staging it (typically the entry → records translation).
   * @throws `ItemError` naming the field, collected as an entry issue.
   */
  checkEntry(ctx: ConnectorContext<Config>, entry: AccountingEntry): unknown;
}

/**
 * Defines a complete `per_job` file connector (`ConnectorV1`, core `connector/connector-v1.ts`) from a
 * format: no secrets, `authenticate` only honours `ctx.signal`; `validate` reports, for the job-level
 * call (no entries), vendor-based bookkeeping when the manifest cannot write it, then
 * `definition.jobIssues`, then an unusable `outputDirectory`, and for entries every `ItemError` of
 * `checkEntry`; `postEntry`, `attach` and `commitJob` are {@link createPerJobFileSink}'s.
 *
 * @throws (from the methods) see {@link createPerJobFileSink}; `validate` never writes.
 */
export function defineFileConnector<Config extends FileSinkConfig, Records, State, Owner extends object>(
  definition: FileConnectorDefinition<Config, Records, State, Owner>,
): ConnectorV1<Config> {
  const sink = createPerJobFileSink(definition.format, { fileSystem: definition.fileSystem });
  return defineConnector<Config>({
    specificationVersion: 'v1',
    id: definition.id,
    manifest: definition.manifest,
    configSchema: definition.configSchema,
    secretFields: [],
    ...(definition.mapOptions === undefined ? {} : { mapOptions: definition.mapOptions }),

    async authenticate(ctx) {
      ctx.signal.throwIfAborted();
    },

    async validate(ctx, _job, entries) {
      ctx.signal.throwIfAborted();
      const jobIssues: JobIssue[] = [];
      if (entries.length === 0) {
        if (ctx.job.vendorBasedBookkeeping && !definition.manifest.vendorBasedBookkeeping) {
          jobIssues.push({
            reason: 'invalid_configuration',
            message: definition.vendorBasedBookkeepingMessage,
          });
        }
        jobIssues.push(...(definition.jobIssues?.(ctx) ?? []));
        jobIssues.push(...(await sink.checkOutputDirectory(ctx)));
      }
      const entryIssues = collectEntryIssues(entries, (entry) => definition.checkEntry(ctx, entry));
      return { jobIssues, entryIssues };
    },

    postEntry: sink.post,
    attach: sink.attach,
    commitJob: sink.commit,
  });
}
