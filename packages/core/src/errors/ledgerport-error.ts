import type { ItemFailureReason, JobFailureReason } from './failure-reasons';

const MARKER = Symbol.for('ledgerport.error');
/** Longest `failureReason` Ledgerport sends to Pleo; longer messages are cut with an ellipsis. */
export const MAX_USER_MESSAGE_LENGTH = 500;

/** Options shared by {@link JobError} and {@link ItemError}. */
export interface LedgerportErrorOptions {
  /** Whether retrying the same operation later may succeed (429, 5xx, timeouts, network). Default false. */
  retryable?: boolean;
  /** Server-requested wait before a retry, in milliseconds (from `Retry-After`). */
  retryAfterMs?: number | undefined;
  /** Diagnostic details for logs. Must already be free of secrets; {@link redactSecrets} helps. */
  details?: Record<string, unknown>;
  /** The field (dot path) the error is about, when it is about one field. */
  field?: string;
  cause?: unknown;
}

/**
 * Base of every error Ledgerport raises on purpose. Carries the Pleo failure reason it maps to, whether
 * it is retryable, and a user-safe message (≤ 500 characters, actionable, no secrets) that becomes the
 * `failureReason` Pleo shows to the finance team.
 *
 * Identify instances with {@link LedgerportError.isInstance}, which works across package copies
 * (it checks a `Symbol.for('ledgerport.error')` marker, as the Vercel AI SDK's provider errors do).
 */
export abstract class LedgerportError extends Error {
  // biome-ignore lint/correctness/noUnusedPrivateClassMembers: read through the symbol by isInstance().
  private readonly [MARKER] = true;
  /** `job`: the whole export job fails; `item`: one accounting entry fails. */
  abstract readonly scope: 'job' | 'item';
  abstract readonly reason: JobFailureReason | ItemFailureReason;
  readonly retryable: boolean;
  readonly retryAfterMs: number | undefined;
  readonly details: Record<string, unknown>;
  readonly field: string | undefined;

  constructor(message: string, options: LedgerportErrorOptions = {}) {
    super(truncateUserMessage(message), options.cause === undefined ? undefined : { cause: options.cause });
    this.retryable = options.retryable ?? false;
    this.retryAfterMs = options.retryAfterMs;
    this.details = options.details ?? {};
    this.field = options.field;
  }

  /** The message sent to Pleo as `failureReason` (already truncated to 500 characters). */
  get userMessage(): string {
    return this.message;
  }

  /** True for any Ledgerport error, even one created by another copy of this package. */
  static isInstance(error: unknown): error is LedgerportError {
    return typeof error === 'object' && error !== null && (error as Record<symbol, unknown>)[MARKER] === true;
  }
}

/**
 * An error that fails the whole export job with one of the 15 `ExportJobFailureReasonType` values
 * (pleo-export-api.md §5.1; architecture.md, "Errors"). `reason` is sent as the job's
 * `failureReasonType`, the message as its `failureReason`.
 */
export class JobError extends LedgerportError {
  readonly scope = 'job' as const;
  override readonly name = 'JobError';
  constructor(
    readonly reason: JobFailureReason,
    message: string,
    options?: LedgerportErrorOptions,
  ) {
    super(message, options);
  }
  static override isInstance(error: unknown): error is JobError {
    return LedgerportError.isInstance(error) && error.scope === 'job';
  }
}

/**
 * An error that fails one accounting entry with one of the 18 `ExportJobItemFailureReasonType` values
 * (pleo-export-api.md §5.2; architecture.md, "Errors"); the other entries of the job go on.
 */
export class ItemError extends LedgerportError {
  readonly scope = 'item' as const;
  override readonly name = 'ItemError';
  constructor(
    readonly reason: ItemFailureReason,
    message: string,
    options?: LedgerportErrorOptions,
  ) {
    super(message, options);
  }
  static override isInstance(error: unknown): error is ItemError {
    return LedgerportError.isInstance(error) && error.scope === 'item';
  }
}

/** Cuts a message to {@link MAX_USER_MESSAGE_LENGTH} characters, ending with `…` when cut. */
export function truncateUserMessage(message: string): string {
  return message.length <= MAX_USER_MESSAGE_LENGTH
    ? message
    : `${message.slice(0, MAX_USER_MESSAGE_LENGTH - 1)}…`;
}
