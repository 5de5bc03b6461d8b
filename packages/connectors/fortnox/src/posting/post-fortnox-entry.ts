import type { ConnectorContext, JournalLine } from '@ledgerport/core';
import { type AccountingEntry, ItemError, type PostResult } from '@ledgerport/core';
import type { FortnoxConfig } from '../config/fortnox-config';
import type { FortnoxClient } from '../http/fortnox-client';
import { financialYearFor } from '../reference/fortnox-reference-data';
import { formatExternalId, type VoucherKey } from './external-id';
import { findVoucher } from './find-voucher';
import type { FortnoxVoucherResponse } from './fortnox-voucher';
import { referenceMarker, type VoucherPart } from './reference-marker';
import { assertLedgerCurrency, toFortnoxVoucher } from './to-fortnox-voucher';
import { indexedVoucher, markUncertain, recordVoucher } from './voucher-index';

/** One voucher an entry books: the entry itself, or the payment of a paid supplier invoice. */
interface VoucherPlan {
  readonly part: VoucherPart;
  readonly date: string;
  readonly lines: readonly JournalLine[];
  readonly linesField: string;
  readonly suffix?: string;
}

/**
 * Posts an entry as Fortnox voucher(s), idempotently without an idempotency key (issue #7):
 * for each voucher (a journal entry: one; a paid supplier invoice: the invoice, then its payment on the
 * payment date) it resolves the financial year of the date, **looks the voucher up by its reference marker
 * first** — in the index `validate` built for the page ({@link indexedVoucher}), else live with
 * {@link findVoucher}; always live after a POST of the marker failed — and returns a match as success,
 * and only otherwise
 * `POST /3/vouchers?financialyear=` (spec `create_47`, 201). A retry after a timeout, a reset or a 5xx
 * whose write had in fact succeeded therefore finds the first voucher instead of creating a second:
 * Fortnox vouchers can never be deleted.
 * @returns externalId `{financialYear}/{series}/{number}` of the entry's (invoice) voucher; no
 *   externalUrl (Fortnox documents no stable web link; `@url` is an API URL).
 * @throws ItemError(`validation_failure`, field `postingDate`) when no financial year covers the date;
 *   the translation's errors ({@link toFortnoxVoucher}); Fortnox failures per `rethrowFortnoxError`.
 */
export async function postFortnoxEntry(
  ctx: ConnectorContext<FortnoxConfig>,
  client: FortnoxClient,
  entry: AccountingEntry,
): Promise<PostResult> {
  ctx.signal.throwIfAborted();
  assertLedgerCurrency(entry, ctx.config.currency);
  const plans: VoucherPlan[] = [
    { part: 'entry', date: entry.postingDate, lines: entry.lines, linesField: 'lines' },
  ];
  if (entry.kind === 'supplier_invoice' && entry.payment !== undefined) {
    plans.push({
      part: 'payment',
      date: entry.payment.date,
      lines: entry.payment.lines,
      linesField: 'payment.lines',
      suffix: ' (payment)',
    });
  }
  let first: VoucherKey | undefined;
  for (const plan of plans) {
    const key = await postOneVoucher(ctx, client, entry, plan);
    first ??= key;
  }
  return { externalId: formatExternalId(first as VoucherKey), exportedAt: ctx.clock.now().toISOString() };
}

async function postOneVoucher(
  ctx: ConnectorContext<FortnoxConfig>,
  client: FortnoxClient,
  entry: AccountingEntry,
  plan: VoucherPlan,
): Promise<VoucherKey> {
  const series = ctx.config.voucherSeries;
  const year = await financialYearFor(ctx, client, plan.date);
  if (year === undefined) {
    throw new ItemError(
      'validation_failure',
      `Fortnox has no financial year covering ${plan.date}. Create the financial year in Fortnox, then retry.`,
      { field: plan.part === 'payment' ? 'payment.date' : 'postingDate' },
    );
  }
  const marker = referenceMarker(entry.idempotencyKey, plan.part);
  const voucher = toFortnoxVoucher(entry, ctx.config, {
    date: plan.date,
    financialYearId: year.id,
    marker,
    lines: plan.lines,
    linesField: plan.linesField,
    ...(plan.suffix === undefined ? {} : { suffix: plan.suffix }),
  });
  const lookup = { series, financialYearId: year.id, date: plan.date, marker };
  const indexed = indexedVoucher(ctx, lookup);
  const existing = indexed === undefined ? await findVoucher(ctx, client, lookup) : (indexed ?? undefined);
  if (existing !== undefined) {
    ctx.logger.info('fortnox voucher already exists; not posting again', {
      accountingEntryId: entry.accountingEntryId,
      externalId: formatExternalId(existing),
    });
    recordVoucher(ctx, lookup, existing);
    return existing;
  }
  let created: { Voucher?: FortnoxVoucherResponse };
  try {
    created = await client.call<{ Voucher?: FortnoxVoucherResponse }>('/3/vouchers', {
      method: 'POST',
      query: { financialyear: String(year.id) },
      body: { Voucher: voucher },
    });
  } catch (error) {
    markUncertain(ctx, marker); // the write may have happened: the next attempt looks it up live
    throw error;
  }
  const number = created.Voucher?.VoucherNumber;
  if (typeof number !== 'number') {
    markUncertain(ctx, marker);
    throw new ItemError('unexpected_failure', 'Fortnox created the voucher but returned no VoucherNumber.', {
      retryable: true,
    });
  }
  const key: VoucherKey = {
    financialYearId: typeof created.Voucher?.Year === 'number' ? created.Voucher.Year : year.id,
    series: created.Voucher?.VoucherSeries ?? series,
    number,
  };
  recordVoucher(ctx, lookup, key);
  return key;
}
