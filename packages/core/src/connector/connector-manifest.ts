import type { BookkeepingMethod, ExportItemType } from '@ledgerport/pleo';

/** How a connector authenticates to its ERP (Nango-style auth mode). */
export type ConnectorAuthMode =
  | 'none'
  | 'api_key'
  | 'basic'
  | 'oauth2_authorization_code'
  | 'oauth2_client_credentials';

/**
 * How `postEntry` stays idempotent on `entry.idempotencyKey`:
 * - `native`: the ERP honours an idempotency key (Xero `Idempotency-Key`, QBO `requestid`);
 * - `lookup`: the connector looks the document up by its reference before (re)posting (Fortnox);
 * - `none`: the ERP cannot guarantee it (the lifecycle then never retries a post whose outcome is unknown).
 */
export type IdempotencyMode = 'native' | 'lookup' | 'none';

/** Attachment capabilities. `supported: false` means the connector has no `attach`. */
export type AttachmentLimits =
  | { readonly supported: false }
  | {
      readonly supported: true;
      /** Largest file the ERP accepts, in bytes. */
      readonly maxBytes: number;
      /** Accepted MIME types (e.g. `application/pdf`, `image/jpeg`). */
      readonly mimeTypes: readonly string[];
      /** Most attachments one document may carry. */
      readonly maxFiles: number;
      /** The ERP takes one file per document only (the lifecycle then merges or fails per Pleo's guidance). */
      readonly singleFileOnly: boolean;
    };

/** Published rate limits of the ERP, per tenant unless said otherwise. */
export interface RateLimits {
  /** Requests allowed per window. */
  readonly requests: number;
  /** Window length in milliseconds (60_000 for "per minute"). */
  readonly windowMs: number;
  /** Concurrent requests allowed. */
  readonly maxConcurrent?: number | undefined;
  /** Requests per day, when the ERP has a daily cap. */
  readonly perDay?: number | undefined;
}

/**
 * A connector's static description, the way Nango describes providers: what it supports and the
 * limits the core must respect. Checked by the testkit's "manifest sanity" suite.
 */
export interface ConnectorManifest {
  /** Name shown to users, e.g. `Xero`, `SIE 4I file`. */
  readonly displayName: string;
  /** Link to the ERP's API or file-format documentation. */
  readonly docsUrl: string;
  /** How the connector authenticates (see {@link ConnectorAuthMode}). */
  readonly authMode: ConnectorAuthMode;
  /** The ERP's published limits; absent for file formats and ERPs without published limits. */
  readonly rateLimits?: RateLimits | undefined;
  /** Receipt upload capabilities (see {@link AttachmentLimits}). */
  readonly attachments: AttachmentLimits;
  /** Pleo item types this connector can book. */
  readonly entryTypes: readonly ExportItemType[];
  /** Pleo bookkeeping methods this connector can book (`journal`, `accounts_payable`, `none`). */
  readonly bookkeepingMethods: readonly BookkeepingMethod[];
  /** Whether jobs with `vendorBasedBookkeeping: true` can run on this connector. */
  readonly vendorBasedBookkeeping: boolean;
  readonly idempotency: IdempotencyMode;
  /** Most `postEntry`/`postEntries` calls the core may have in flight at once for one tenant. */
  readonly maxConcurrency: number;
  /** Entries per `postEntries` call; 1 when the connector does not batch. */
  readonly batchSize: number;
  /**
   * `per_entry`: each post is durable when it returns (API connectors). `per_job`: output is one artefact
   * per job (files) and becomes durable only in `commitJob`; the lifecycle reports items after the commit.
   */
  readonly delivery: 'per_entry' | 'per_job';
}
