/**
 * Which way an item's money flows, from its `type` (and `subType`) — never from the sign of the amounts,
 * whose convention Pleo does not document (pleo-export-api.md §4 "Amounts").
 */
import { ItemError } from '../errors/ledgerport-error';

/**
 * `forward`: debit the Pleo line accounts (expense, VAT), credit the contra / payable account.
 * `reversed`: the opposite (refunds, chargebacks, cashback, wallet top-ups, returned payments).
 */
export type Orientation = 'forward' | 'reversed';

const FORWARD_TYPES = new Set([
  'card_purchase',
  'card_invoice',
  'out_of_pocket',
  'mileage',
  'per_diem',
  'external_reimbursement',
  'direct_reimbursement',
  'invoice',
  'invoice_payment',
  'atm_withdrawal',
  'personal_spend',
  'fee',
  // wallet_unload: money leaves the wallet → debit the line account, credit the contra (wallet) account.
  'wallet_unload',
]);

const REVERSED_TYPES = new Set([
  'refund',
  'chargeback',
  'cashback',
  // wallet_topup: money enters the wallet → debit the contra (wallet) account, credit the line account.
  'wallet_topup',
]);

/**
 * Sub-types that undo the money flow of their type [I — inferred from the names in export-openapi.yml
 * `ExportItemSubTypeV3`]: a returned invoice payment, and an employee paying the company back.
 */
const REVERSING_SUB_TYPES = new Set(['invoice_payment_returned', 'reimbursement_to_company']);

/**
 * Types whose amount moves wallet money at the time of the item: Pleo returns a `contraAccount` for them
 * (pleo-export-api.md §4, "contraAccount is returned for balance-affecting types").
 */
const WALLET_MOVEMENT_TYPES = new Set([
  'card_purchase',
  'fee',
  'cashback',
  'refund',
  'chargeback',
  'direct_reimbursement',
  'invoice_payment',
  'card_invoice',
  'atm_withdrawal',
  'personal_spend',
  'wallet_topup',
  'wallet_unload',
]);

/** Wallet loads and unloads are always journal entries, whatever `bookkeeping.method` says (§6). */
const ALWAYS_JOURNAL_TYPES = new Set(['wallet_topup', 'wallet_unload']);

/**
 * The orientation of an `ExportItemTypeV3` value, with sub-type reversal.
 * @throws ItemError `validation_failure` (field `type`) for a type outside `ExportItemTypeV3`.
 */
export function orientationOf(type: string, subType: string | null | undefined): Orientation {
  let base: Orientation;
  if (FORWARD_TYPES.has(type)) base = 'forward';
  else if (REVERSED_TYPES.has(type)) base = 'reversed';
  else {
    throw new ItemError(
      'validation_failure',
      `type "${type.slice(0, 40)}" is not an ExportItemTypeV3 value Ledgerport knows: update Ledgerport or report the item to Pleo.`,
      { field: 'type' },
    );
  }
  if (subType != null && REVERSING_SUB_TYPES.has(subType)) return base === 'forward' ? 'reversed' : 'forward';
  return base;
}

/** Whether this item type moved wallet money itself (so an accounts-payable invoice is settled at once). */
export function movesWalletMoney(type: string): boolean {
  return WALLET_MOVEMENT_TYPES.has(type);
}

/**
 * Types that, under accounts payable, settle a payable rather than create one: an invoice payment, and a
 * reimbursement paying the employee (pleo-export-api.md §6 "AP model": "reimbursement = payment").
 */
const SETTLEMENT_TYPES = new Set(['invoice_payment', 'direct_reimbursement', 'external_reimbursement']);

/** Whether this item type settles a payable (booked as debit payables, credit contra) under accounts payable. */
export function isSettlement(type: string): boolean {
  return SETTLEMENT_TYPES.has(type);
}

/** Whether this item type is always booked as a journal entry (wallet top-up / unload). */
export function isAlwaysJournal(type: string): boolean {
  return ALWAYS_JOURNAL_TYPES.has(type);
}
