import { ItemError, type ItemFailureReason, truncateUserMessage } from '@ledgerport/core';
import type { XeroValidationError } from '../posting/xero-documents';

/**
 * Which Pleo item reason a Xero `ValidationErrors[].Message` stands for (Xero's wording, as in the
 * spec's examples and Xero's documented messages):
 * - account codes ("Account code '999' is not a valid code…", "…does not match a recognised account") → `account_unknown`;
 * - tax types ("The TaxType code 'X' does not exist or cannot be used…") → `tax_code_unknown`;
 * - contacts ("Contact … could not be found") → `vendor_unknown`;
 * - tracking ("Tracking category/option … not found") → `tag_unknown`;
 * - lock dates ("…period lock date…", "…end of year lock date…") → `validation_failure` (a Pleo-side fix: the date);
 * - anything else → `accounting_system_validation_failure`.
 */
export function reasonForXeroMessage(message: string): ItemFailureReason {
  const m = message.toLowerCase();
  if (m.includes('lock date')) return 'validation_failure';
  if (/account ?code|recognised account|account .*(not valid|does not exist|archived)/.test(m))
    return 'account_unknown';
  if (/tax ?type|tax rate/.test(m)) return 'tax_code_unknown';
  if (/tracking/.test(m)) return 'tag_unknown';
  if (/contact/.test(m)) return 'vendor_unknown';
  return 'accounting_system_validation_failure';
}

/**
 * The `ItemError` for one element's `ValidationErrors`: the reason of the first specific message, and
 * a user message quoting Xero's messages (Xero's texts name codes, never credentials).
 */
export function itemErrorFromValidation(
  errors: readonly XeroValidationError[],
  details: Record<string, unknown> = {},
): ItemError {
  const messages = errors.map((e) => e.Message ?? '').filter((m) => m !== '');
  const reasons = messages.map(reasonForXeroMessage);
  const reason =
    reasons.find((r) => r !== 'accounting_system_validation_failure') ??
    'accounting_system_validation_failure';
  const hint =
    reason === 'validation_failure'
      ? ' The date is in a period locked in Xero: change the lock date in Xero or the period strategy.'
      : reason === 'account_unknown'
        ? ' Add or activate the account in Xero, or change the category mapping in Pleo.'
        : reason === 'tax_code_unknown'
          ? ' Add or activate the tax rate in Xero, or change the tax code in Pleo.'
          : '';
  return new ItemError(
    reason,
    truncateUserMessage(`Xero rejected the entry: ${messages.join('; ') || 'validation error'}.${hint}`),
    { details: { ...details, xeroMessages: messages } },
  );
}
