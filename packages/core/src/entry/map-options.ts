import type { PostingMode } from './accounting-entry';

/** What to do with an entry dated in a locked / closed accounting period (pleo-export-api.md §6). */
export type PeriodStrategy =
  /** Fail the item (`validation_failure`) naming the locked period. */
  | 'fail'
  /** Book it on the first day after the locked period (the next open period). */
  | 'shift_to_next_open';

/**
 * Company-level mapping settings (the runner's config; connectors may supply defaults via `mapOptions`).
 * Account codes are ERP GL account codes; dates ISO `YYYY-MM-DD`. Pleo's bookkeeping rules they feed:
 * pleo-export-api.md §4 and §6.
 */
export interface MapOptions {
  /** Fallback contra account per wallet currency (ISO 4217 → GL code) when `item.contraAccount` is null. */
  readonly contraAccounts?: Readonly<Record<string, string>>;
  /** Fallback input-VAT account when `tax.ingoingTaxAccount` is null. */
  readonly inputVatAccount?: string;
  /** Fallback output-VAT account for reverse charge when `tax.outgoingTaxAccount` is null. */
  readonly outputVatAccount?: string;
  /** Accounts-payable account for supplier invoices (vendor-specific accounts are the connector's business). */
  readonly payablesAccount?: string;
  /** Draft or posted; default `draft`. */
  readonly postingMode?: PostingMode;
  /** Default `fail`. */
  readonly periodStrategy?: PeriodStrategy;
  /** Last locked date (ISO `YYYY-MM-DD`, inclusive), normally from `ValidationReport.lockedThrough`. */
  readonly lockedThrough?: string | undefined;
  /** Maps a Pleo tag `groupCode` to the ERP dimension name; unmapped groups keep their code. */
  readonly dimensionNames?: Readonly<Record<string, string>>;
  /** Dimension the team goes into; default `TEAM`; `null` drops the team. */
  readonly teamDimension?: string | null;
}
