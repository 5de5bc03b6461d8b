import { describeHttpFailure, type HttpReasonOverrides, rethrowHttpError } from '@ledgerport/connector-kit';
import type { XeroErrorBody } from '../posting/xero-documents';
import { itemErrorFromValidation } from './xero-validation-reason';

/**
 * Xero's rows of the HTTP → reason table (the rest is connector-kit's default matrix): 404 means the
 * configured tenant or document does not exist (invalid_configuration, as the default).
 */
export const XERO_HTTP_OVERRIDES: HttpReasonOverrides = {
  403: {
    message:
      'Xero refused access (HTTP 403): the connection lacks a scope (accounting.transactions, accounting.settings.read, accounting.contacts.read, accounting.attachments) or access to this organisation. Reconnect Xero with these scopes.',
  },
  404: {
    message: 'Xero did not find the organisation or document (HTTP 404). Check the configured Xero tenant.',
  },
};

/**
 * Rethrows any failure of a Xero call as a typed error: the abort reason when `signal` is aborted;
 * a 400 `ValidationException` as the reason its `Elements[].ValidationErrors[]` name (account_unknown,
 * tax_code_unknown, lock dates → validation_failure, …); every other status per the matrix with
 * {@link XERO_HTTP_OVERRIDES}; `Retry-After` of a 429 as `retryAfterMs`.
 * @throws always.
 */
export function rethrowXeroError(error: unknown, signal: AbortSignal | undefined, now?: Date): never {
  if (!signal?.aborted) {
    const failure = describeHttpFailure(error);
    const body = failure.data as XeroErrorBody | undefined;
    if (failure.status === 400 && body?.Type === 'ValidationException') {
      const messages = (body.Elements ?? []).flatMap((e) => e.ValidationErrors ?? []);
      throw itemErrorFromValidation(
        messages.length > 0 ? messages : [{ Message: body.Message ?? 'validation error' }],
        {
          status: 400,
        },
      );
    }
  }
  rethrowHttpError(error, {
    ...(signal === undefined ? {} : { signal }),
    overrides: XERO_HTTP_OVERRIDES,
    system: 'Xero',
    ...(now === undefined ? {} : { now }),
  });
}
