import type {
  AccountingEntry,
  BatchPostOutcome,
  ConnectorContext,
  LedgerportError,
  PostResult,
  SupplierInvoiceEntry,
} from '@ledgerport/core';
import { ItemError, LedgerportError as LedgerportErrorClass } from '@ledgerport/core';
import type { XeroConfig } from '../config/xero-config';
import { XERO_BATCH_SIZE } from '../connector/xero-manifest';
import { itemErrorFromValidation } from '../errors/xero-validation-reason';
import type { XeroClient } from '../http/xero-client';
import { type XeroDocumentKind, xeroDeepLink } from '../links/xero-deep-link';
import { loadOrganisation, type XeroOrganisation } from '../reference/xero-reference-data';
import { chooseDocument } from './choose-document';
import { idempotencyKeyFor } from './idempotency-key';
import { toBankTransaction } from './to-bank-transaction';
import { toBill, toBillPayment } from './to-bill';
import { toCreditNoteRefund, toSupplierCreditNote } from './to-credit-note';
import { toManualJournal } from './to-manual-journal';
import type { XeroResponseElement } from './xero-documents';

const ID_FIELD: Record<XeroDocumentKind, keyof XeroResponseElement> = {
  ManualJournals: 'ManualJournalID',
  BankTransactions: 'BankTransactionID',
  Invoices: 'InvoiceID',
  CreditNotes: 'CreditNoteID',
};

/** Documents that go one per request because a payment may follow each (bills, supplier credit notes). */
const PAYABLE_KINDS: ReadonlySet<XeroDocumentKind> = new Set(['Invoices', 'CreditNotes']);

interface Prepared {
  readonly position: number;
  readonly entry: AccountingEntry;
  readonly kind: XeroDocumentKind;
  readonly body: unknown;
}

/**
 * Posts entries to Xero (issue #6 "Posting"), one outcome per entry in input order:
 * - journals go to `PUT /ManualJournals?summarizeErrors=false` (or `/BankTransactions` for card spend
 *   when configured) in batches of up to 50; an element with `ValidationErrors` fails that entry only,
 *   mapped to account_unknown / tax_code_unknown / lock date → validation_failure / …;
 * - supplier invoices go one per request to `PUT /Invoices` (ACCPAY), then `PUT /Payments` when paid,
 *   each with a key derived from that entry alone, so a retry after a lost payment replays the bill;
 * - supplier credits (every line a credit) go the same way to `PUT /CreditNotes` (ACCPAYCREDIT), then
 *   `PUT /Payments` with `CreditNote` when Pleo's wallet got the money back (a refund);
 * - every PUT carries an `Idempotency-Key` derived from its entries' idempotency keys (same entries,
 *   same order → same key → Xero replays the first answer instead of creating duplicates);
 * - a retryable failure of a whole request (429, 5xx, network, timeout) rejects the call, so core retries
 *   the same batch under the same keys (documents Xero already made are replayed, never duplicated);
 *   a non-retryable one (401 after a refresh, 403, 404) fails every entry of that request; abort rejects.
 * externalId = the document GUID; externalUrl = a go.xero.com deep link from `Organisation.ShortCode`.
 */
export async function postXeroEntries(
  ctx: ConnectorContext<XeroConfig>,
  client: XeroClient,
  entries: readonly AccountingEntry[],
): Promise<BatchPostOutcome[]> {
  const outcomes: BatchPostOutcome[] = new Array(entries.length);
  const organisation = await loadOrganisation(ctx, client);
  // Map this batch in its own turn of the event loop: when core starts several batches at once, the
  // first one's request goes out before the next one is mapped and serialised (not after all of them).
  await new Promise<void>((resolve) => setImmediate(resolve));
  const groups = new Map<XeroDocumentKind, Prepared[]>();
  entries.forEach((entry, position) => {
    try {
      const kind = chooseDocument(entry, ctx.config, organisation.baseCurrency);
      if (kind === undefined) throw foreignCurrencyError(entry, organisation.baseCurrency);
      if (
        entry.postingMode === 'draft' &&
        (kind === 'BankTransactions' ||
          (PAYABLE_KINDS.has(kind) && entry.kind === 'supplier_invoice' && entry.payment !== undefined))
      ) {
        ctx.logger.warn(
          'xero: draft entry booked AUTHORISED (Xero has no draft bank transactions and pays only authorised bills and credit notes)',
          {
            accountingEntryId: entry.accountingEntryId,
            currency: entry.currency,
          },
        );
      }
      const body =
        kind === 'Invoices'
          ? toBill(entry as SupplierInvoiceEntry, ctx.config)
          : kind === 'CreditNotes'
            ? toSupplierCreditNote(entry as SupplierInvoiceEntry, ctx.config)
            : kind === 'BankTransactions'
              ? toBankTransaction(entry, ctx.config)
              : toManualJournal(entry, ctx.config);
      const list = groups.get(kind) ?? [];
      list.push({ position, entry, kind, body });
      groups.set(kind, list);
    } catch (error) {
      outcomes[position] = { ok: false, error: asLedgerportError(error) };
    }
  });

  const requests: Promise<void>[] = [];
  for (const [kind, prepared] of groups) {
    const size = PAYABLE_KINDS.has(kind) ? 1 : XERO_BATCH_SIZE;
    for (let i = 0; i < prepared.length; i += size) {
      const chunk = prepared.slice(i, i + size);
      requests.push(
        putChunk(ctx, client, organisation, kind, chunk).then((results) => {
          chunk.forEach((p, j) => {
            outcomes[p.position] = results[j] as BatchPostOutcome;
          });
        }),
      );
    }
  }
  const settled = await Promise.allSettled(requests);
  ctx.signal.throwIfAborted();
  for (const s of settled) if (s.status === 'rejected') throw s.reason;
  return outcomes;
}

async function putChunk(
  ctx: ConnectorContext<XeroConfig>,
  client: XeroClient,
  organisation: XeroOrganisation,
  kind: XeroDocumentKind,
  chunk: readonly Prepared[],
): Promise<BatchPostOutcome[]> {
  const keys = chunk.map((p) => p.entry.idempotencyKey);
  let elements: XeroResponseElement[];
  try {
    const response = await client.call<Record<string, XeroResponseElement[] | undefined>>(`/${kind}`, {
      method: 'PUT',
      query: { summarizeErrors: 'false' },
      body: { [kind]: chunk.map((p) => p.body) },
      idempotencyKey: idempotencyKeyFor(kind, keys),
    });
    elements = response[kind] ?? [];
  } catch (error) {
    if (ctx.signal.aborted) throw error;
    const typed = asLedgerportError(error);
    // A retryable failure of the whole request (429, 5xx, timeout — maybe committed) is thrown, so core
    // retries this same batch: same entries, same order, same Idempotency-Key, so Xero replays instead of
    // duplicating. Failing the entries one by one would make core re-post them singly under other keys.
    if (typed.retryable) throw typed;
    return chunk.map(() => ({ ok: false, error: typed }));
  }
  const exportedAt = ctx.clock.now().toISOString();
  return Promise.all(
    chunk.map(async (p, j): Promise<BatchPostOutcome> => {
      const element = elements[j];
      const id = element?.[ID_FIELD[kind]];
      const errors = element?.ValidationErrors ?? [];
      if (
        element === undefined ||
        errors.length > 0 ||
        element.StatusAttributeString === 'ERROR' ||
        typeof id !== 'string'
      ) {
        return { ok: false, error: itemErrorFromValidation(errors, { document: kind }) };
      }
      const result: PostResult = {
        externalId: id,
        externalUrl:
          organisation.shortCode === '' ? undefined : xeroDeepLink(organisation.shortCode, kind, id),
        exportedAt,
      };
      if (PAYABLE_KINDS.has(kind)) {
        const entry = p.entry as SupplierInvoiceEntry;
        const payment = kind === 'Invoices' ? toBillPayment(entry, id) : toCreditNoteRefund(entry, id);
        if (payment !== undefined) {
          try {
            const paid = await client.call<{ Payments?: XeroResponseElement[] }>('/Payments', {
              method: 'PUT',
              query: { summarizeErrors: 'false' },
              body: { Payments: [payment] },
              idempotencyKey: idempotencyKeyFor('Payments', [p.entry.idempotencyKey]),
            });
            const paymentErrors = paid.Payments?.[0]?.ValidationErrors ?? [];
            if (paymentErrors.length > 0) {
              return {
                ok: false,
                error: itemErrorFromValidation(paymentErrors, {
                  document: 'Payments',
                  [kind === 'Invoices' ? 'invoiceId' : 'creditNoteId']: id,
                }),
              };
            }
          } catch (error) {
            if (ctx.signal.aborted) throw error;
            return { ok: false, error: asLedgerportError(error) };
          }
        }
      }
      return { ok: true, result };
    }),
  );
}

/**
 * The item failure for an entry Xero cannot book: not in the base currency and without a single wallet
 * (contra) line to make a bank transaction of.
 */
export function foreignCurrencyError(entry: AccountingEntry, baseCurrency: string): ItemError {
  return new ItemError(
    'validation_failure',
    `Xero manual journals are always in the organisation's base currency (${baseCurrency}); this ${entry.currency} entry has no single wallet line to book as a ${entry.currency} bank transaction instead. Book it manually or in a ${entry.currency} organisation.`,
    { field: 'currency' },
  );
}

function asLedgerportError(error: unknown): LedgerportError {
  if (LedgerportErrorClass.isInstance(error)) return error;
  return new ItemError('unexpected_failure', 'Unexpected error while posting to Xero.', { cause: error });
}
