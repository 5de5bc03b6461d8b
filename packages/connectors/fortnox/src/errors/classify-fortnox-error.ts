import { describeHttpFailure, type HttpReasonOverrides, rethrowHttpError } from '@ledgerport/connector-kit';
import { ItemError } from '@ledgerport/core';
import { FORTNOX_ERROR_CODES, LOCKED_PERIOD_PATTERN, NO_FINANCIAL_YEAR_PATTERN } from './fortnox-error-codes';
import { readErrorInformation } from './fortnox-error-information';

/** Fortnox's rows of the HTTP → reason table; the rest is connector-kit's default matrix. */
export const FORTNOX_HTTP_OVERRIDES: HttpReasonOverrides = {
  403: {
    message:
      'Fortnox refused access (HTTP 403): the connection lacks a scope (bookkeeping, archive, connectfile) or a licence. Reconnect Fortnox with these scopes.',
  },
  404: {
    message:
      'Fortnox did not find the resource (HTTP 404). Check the configured voucher series, financial year and API base URL.',
  },
};

const MAX_QUOTED = 200;

/**
 * Rethrows any failure of a Fortnox call as a typed error (issue #7 "Errors"):
 * - the abort reason when `signal` is aborted;
 * - a 4xx with `ErrorInformation` (capitalised or lowercase keys) whose `Code` is known
 *   ({@link FORTNOX_ERROR_CODES}: 2001304 → `account_unknown`, …) or whose message says the period is
 *   locked / no financial year exists (→ `validation_failure`) as that reason, not retryable;
 * - everything else per connector-kit's matrix with {@link FORTNOX_HTTP_OVERRIDES}, Fortnox's message
 *   quoted; a 429's `Retry-After` becomes `retryAfterMs`.
 *
 * `details` hold `{ status, kind, fortnoxCode? }` only: no URL, header or token.
 * @throws always.
 */
export function rethrowFortnoxError(error: unknown, signal: AbortSignal | undefined, now?: Date): never {
  if (signal?.aborted) throw signal.reason ?? error;
  const failure = describeHttpFailure(error);
  const info = failure.status === undefined ? undefined : readErrorInformation(failure.data);
  const said = info?.message === undefined ? '' : ` Fortnox said: "${info.message.slice(0, MAX_QUOTED)}".`;
  const details = {
    ...(info?.code === undefined ? {} : { fortnoxCode: info.code }),
  };
  if (
    failure.status !== undefined &&
    failure.status >= 400 &&
    failure.status < 500 &&
    failure.status !== 429
  ) {
    const known = info?.code === undefined ? undefined : FORTNOX_ERROR_CODES[info.code];
    if (known !== undefined && failure.status !== 401) {
      throw new ItemError(known.reason, `${known.message}${said}`, {
        details: { kind: failure.key, status: failure.status, ...details },
        cause: error,
      });
    }
    if (info?.message !== undefined && LOCKED_PERIOD_PATTERN.test(info.message)) {
      throw new ItemError(
        'validation_failure',
        `The voucher date is in a period locked in Fortnox.${said} Unlock the period in Fortnox or book the entry in an open period.`,
        {
          field: 'postingDate',
          details: { kind: failure.key, status: failure.status, ...details },
          cause: error,
        },
      );
    }
    if (info?.message !== undefined && NO_FINANCIAL_YEAR_PATTERN.test(info.message)) {
      throw new ItemError(
        'validation_failure',
        `Fortnox has no financial year for the voucher date.${said} Create the financial year in Fortnox.`,
        {
          field: 'postingDate',
          details: { kind: failure.key, status: failure.status, ...details },
          cause: error,
        },
      );
    }
  }
  const overrides: HttpReasonOverrides =
    said === '' || failure.status === undefined
      ? FORTNOX_HTTP_OVERRIDES
      : {
          ...FORTNOX_HTTP_OVERRIDES,
          [failure.status]: {
            ...FORTNOX_HTTP_OVERRIDES[failure.status],
            message: `${FORTNOX_HTTP_OVERRIDES[failure.status]?.message ?? defaultMessage(failure.status)}${said}`,
          },
        };
  rethrowHttpError(error, {
    ...(signal === undefined ? {} : { signal }),
    overrides,
    system: 'Fortnox',
    details,
    ...(now === undefined ? {} : { now }),
  });
}

function defaultMessage(status: number): string {
  if (status === 401)
    return 'Fortnox rejected the credentials (HTTP 401). Reconnect the integration to Fortnox.';
  if (status === 429) return 'Fortnox rate limit reached (HTTP 429). The export retries automatically later.';
  if (status >= 500) return `Fortnox failed (HTTP ${status}). The export retries automatically.`;
  return `Fortnox rejected the request (HTTP ${status}). Check the entry and the configuration in Fortnox.`;
}
