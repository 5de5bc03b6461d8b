import type { ExportJobV3 } from '@ledgerport/pleo';

/** Structured logger. Every implementation Ledgerport hands out redacts secret values. */
export interface Logger {
  /** Logs `message` at debug level with optional structured `fields` (JSON-serialisable values). */
  debug(message: string, fields?: Record<string, unknown>): void;
  /** Logs at info level; see {@link Logger.debug}. */
  info(message: string, fields?: Record<string, unknown>): void;
  /** Logs at warn level; see {@link Logger.debug}. */
  warn(message: string, fields?: Record<string, unknown>): void;
  /** Logs at error level; see {@link Logger.debug}. Must not throw. */
  error(message: string, fields?: Record<string, unknown>): void;
  /** A logger that adds `fields` to every line. */
  child(fields: Record<string, unknown>): Logger;
}

/** Source of the current time; injectable so tests control expiry, periods and token lifetimes. */
export interface Clock {
  /** The current instant (a `Date`; connectors format it as ISO 8601 / `YYYY-MM-DD` where needed). */
  now(): Date;
}

/** Read access to one company's secrets (API keys, OAuth client secrets, refresh tokens from config). */
export interface SecretsAccessor {
  /** The secret's value, or `undefined` when not configured. */
  get(name: string): string | undefined;
  /** The secret's value; throws a `JobError('missing_configuration')` naming the secret when absent. */
  require(name: string): string;
}

/** A stored credential (e.g. rotating OAuth tokens) with a version for compare-and-set. */
export interface StoredCredential {
  /** Increases by one on every successful write. */
  readonly version: number;
  /** The credential's fields, e.g. `{ accessToken, refreshToken, expiresAt }` (secret: never log it). */
  readonly value: Readonly<Record<string, string>>;
  /** ISO 8601 timestamp of the last write. */
  readonly updatedAt: string;
}

/**
 * Where rotated OAuth tokens live. Writes are atomic compare-and-set, so two replicas refreshing the
 * same tenant's token never lose the newest refresh token (Xero and Fortnox rotate refresh tokens).
 */
export interface CredentialsStore {
  /** The current credential under `key` (e.g. `<connector>:<companyId>`), or `undefined` when none was written. */
  get(key: string): Promise<StoredCredential | undefined>;
  /**
   * Replaces the credential iff its current version equals `expectedVersion` (`undefined` = must not
   * exist yet). Returns `true` when written, `false` when another writer got there first.
   */
  compareAndSet(
    key: string,
    expectedVersion: number | undefined,
    value: Readonly<Record<string, string>>,
  ): Promise<boolean>;
}

/**
 * Everything a connector method may use. Connectors get no other ambient state: no globals, no env.
 * @typeParam Config - the connector's parsed `configSchema` output.
 */
export interface ConnectorContext<Config = unknown> {
  /** Pleo company id of the job (one tenant / realm / Mandant in the ERP). */
  readonly companyId: string;
  /** The export job being processed. */
  readonly job: ExportJobV3;
  /** The company's connector configuration, already parsed by the connector's `configSchema`. */
  readonly config: Config;
  /** The company's secrets (by name, e.g. `clientSecret`); values are redacted from logs and errors. */
  readonly secrets: SecretsAccessor;
  /** Logger that redacts the connector's `secretFields` and every secret value. */
  readonly logger: Logger;
  /** Aborted when the job is canceled or the process shuts down; pass it to every request. */
  readonly signal: AbortSignal;
  /** Source of "now" (default the wall clock); use it instead of `new Date()` so tests control time. */
  readonly clock: Clock;
  /** Store for rotating OAuth tokens, shared by every replica (default in memory). */
  readonly credentials: CredentialsStore;
  /** Per-job memo for reference data (accounts, tax rates, lock dates) shared between calls of one job run. */
  readonly cache: Map<string, unknown>;
}
