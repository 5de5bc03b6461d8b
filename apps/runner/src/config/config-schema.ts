import { z } from 'zod';

/** Default path of the embedded SQLite store, relative to the config file's folder. */
export const DEFAULT_SQLITE_PATH = '.ledgerport/ledgerport.db';

const nonEmpty = (what: string) => z.string().min(1, `${what} must not be empty`);

/** How the runner authenticates to Pleo (Export API security schemes `basicAuth` / `bearerAuth`). */
export const pleoAuthConfigSchema = z.discriminatedUnion('type', [
  z.strictObject({
    type: z.literal('apiKey'),
    /** The API key; use `env:NAME` or `file:path` to keep it out of the file. */
    apiKey: nonEmpty('apiKey'),
  }),
  z.strictObject({
    type: z.literal('bearer'),
    /** An OAuth access token; use `env:NAME` or `file:path`. */
    token: nonEmpty('token'),
  }),
]);

/** Optional webhook trigger: Pleo posts a signed `v1.export-job.created`; polling stays the fallback. */
export const webhookConfigSchema = z.strictObject({
  /** Port of the webhook HTTP listener (0 = any free port). */
  port: z.number().int().min(0).max(65_535),
  host: z.string().default('127.0.0.1'),
  /** Path Pleo posts to. */
  path: z.string().startsWith('/', 'path must start with "/"').default('/webhooks/pleo'),
  /** The subscription's signing secret (`whsec_…`, from `GET /v1/subscriptions/{id}/secret`). */
  secret: z.string().startsWith('whsec_', 'secret must be the subscription secret starting with "whsec_"'),
});

/** Pleo connection settings. Exactly one of `environment` and `baseUrl`. */
export const pleoConfigSchema = z
  .strictObject({
    environment: z.enum(['production', 'staging']).optional(),
    /** Any Export API base URL, e.g. a local sandbox `http://127.0.0.1:4010`. */
    baseUrl: z.url().optional(),
    auth: pleoAuthConfigSchema,
    /** Seconds between polls of each company's jobs (`run` without `--once`). */
    pollIntervalSeconds: z.number().int().min(1).default(60),
    /** Per-request timeout towards Pleo, in milliseconds. */
    timeoutMs: z.number().int().positive().optional(),
    webhook: webhookConfigSchema.optional(),
  })
  .check((ctx) => {
    const { environment, baseUrl } = ctx.value;
    if ((environment === undefined) === (baseUrl === undefined)) {
      ctx.issues.push({
        code: 'custom',
        input: ctx.value,
        path: [environment === undefined ? 'environment' : 'baseUrl'],
        message:
          environment === undefined
            ? 'neither pleo.environment nor pleo.baseUrl is set: set environment to "production" or "staging", or set baseUrl'
            : 'both pleo.environment and pleo.baseUrl are set: keep only one',
      });
    }
  });

/** Company-level mapping settings passed to core's `mapExportItem` (see core `MapOptions`). */
export const mappingConfigSchema = z.strictObject({
  contraAccounts: z
    .record(z.string().length(3, 'use an ISO 4217 currency code as key'), z.string())
    .optional(),
  inputVatAccount: z.string().optional(),
  outputVatAccount: z.string().optional(),
  payablesAccount: z.string().optional(),
  dimensionNames: z.record(z.string(), z.string()).optional(),
  teamDimension: z.string().nullable().optional(),
});

/** One company (one Pleo `companyId`, one tenant in its ERP). */
export const companyConfigSchema = z.strictObject({
  /** Display name for tables and logs. */
  name: z.string().optional(),
  /** Connector id, e.g. `sie`, `datev`, `xero` (see `ledgerport connectors`). */
  connector: nonEmpty('connector'),
  /** The connector's own configuration, validated by its `configSchema`. */
  config: z.unknown().default({}),
  /** Secret values by name handed to the connector (`ctx.secrets`); use `env:`/`file:` references. */
  secrets: z.record(z.string(), z.string()).default({}),
  /** Draft or posted documents in the ERP (Pleo: "if unknown default to draft"). */
  postingMode: z.enum(['draft', 'posted']).default('draft'),
  /** What to do with entries dated in a closed accounting period. */
  periodStrategy: z.enum(['fail', 'shift_to_next_open']).default('fail'),
  mapping: mappingConfigSchema.optional(),
});

/** Where the runner keeps its crash-safety journal, credentials and job claims. */
export const storeConfigSchema = z.discriminatedUnion('type', [
  z.strictObject({
    type: z.literal('sqlite'),
    /** Database file, relative to the config file's folder. */
    path: z.string().default(DEFAULT_SQLITE_PATH),
    /** `full` (default): fsync every commit (power-loss safe); `normal`: process-crash safe, ~10× faster. */
    synchronous: z.enum(['full', 'normal']).default('full'),
  }),
  z.strictObject({
    type: z.literal('postgres'),
    /** `postgres://…`; use `env:DATABASE_URL`. */
    connectionString: nonEmpty('connectionString'),
    /** PostgreSQL schema holding the runner's tables. */
    schema: z
      .string()
      .regex(/^[a-z_][a-z0-9_]*$/, 'schema must be a lower-case SQL identifier')
      .default('ledgerport'),
  }),
]);

const companyIdSchema = z.guid('company ids (keys of "companies") must be Pleo company UUIDs');

/** The whole `ledgerport.config.{ts,json,yaml}` (after `env:`/`file:` references are resolved). */
export const ledgerportConfigSchema = z.strictObject({
  pleo: pleoConfigSchema,
  companies: z
    .record(companyIdSchema, companyConfigSchema)
    .refine((companies) => Object.keys(companies).length > 0, 'at least one company is required'),
  store: storeConfigSchema.default({ type: 'sqlite', path: DEFAULT_SQLITE_PATH, synchronous: 'full' }),
  /** Stable id of this runner in job claims; a restarted runner with the same id resumes its own claims. */
  runnerId: z.string().min(1).optional(),
});

/** What a config file may contain (defaults not yet applied). */
export type LedgerportConfigInput = z.input<typeof ledgerportConfigSchema>;
/** A validated config with defaults applied and secret references resolved. */
export type LedgerportConfig = z.output<typeof ledgerportConfigSchema>;
/** One validated company entry. */
export type CompanyConfig = z.output<typeof companyConfigSchema>;
/** Validated store settings. */
export type StoreConfig = z.output<typeof storeConfigSchema>;
