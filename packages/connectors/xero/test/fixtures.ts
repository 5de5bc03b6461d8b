import {
  type AccountingEntry,
  type ConnectorContext,
  type CredentialsStore,
  createConnectorContext,
  createMemoryCredentialsStore,
  createMemoryLogger,
  type JournalLine,
  type SupplierInvoiceEntry,
} from '@ledgerport/core';
import type { XeroConfig } from '../src/index';
import { createXeroConnector, xeroConfigSchema } from '../src/index';
import type { XeroFake } from '../src/testing/index';

export const job = {
  id: 'job-1',
  companyId: 'company-1',
  status: 'in_progress',
  createdAt: '2026-11-23T10:00:00Z',
  expiresIn: 3600,
  numberOfItems: 10,
  isInteractive: false,
  vendorBasedBookkeeping: false,
} as ConnectorContext['job'];

export function configFor(fake: XeroFake, extra: Record<string, unknown> = {}): XeroConfig {
  return xeroConfigSchema.parse({
    clientId: fake.options.clientId,
    apiBaseUrl: fake.options.apiBaseUrl,
    connectionsBaseUrl: fake.options.connectionsBaseUrl,
    identityBaseUrl: fake.options.identityBaseUrl,
    ...extra,
  });
}

export function secretsFor(fake: XeroFake): Record<string, string> {
  return { clientSecret: fake.options.clientSecret, refreshToken: fake.options.refreshToken };
}

export function contextFor(
  fake: XeroFake,
  options: {
    config?: Record<string, unknown>;
    credentials?: CredentialsStore;
    signal?: AbortSignal;
    job?: ConnectorContext['job'];
  } = {},
) {
  const logger = createMemoryLogger();
  const connector = createXeroConnector();
  const ctx = createConnectorContext<XeroConfig>({
    job: options.job ?? job,
    config: configFor(fake, options.config),
    secrets: secretsFor(fake),
    secretFields: connector.secretFields,
    logger,
    credentials: options.credentials ?? createMemoryCredentialsStore(),
    ...(options.signal === undefined ? {} : { signal: options.signal }),
  });
  return { ctx, logger };
}

const line = (
  partial: Partial<JournalLine> & Pick<JournalLine, 'account' | 'side' | 'amount' | 'role'>,
): JournalLine => ({
  currency: 'GBP',
  dimensions: [],
  ...partial,
});

let counter = 0;
/** A journal entry shaped like core's mapping output. */
export function journal(
  partial: Partial<AccountingEntry> & { lines: readonly JournalLine[] },
): AccountingEntry {
  counter++;
  const id = partial.accountingEntryId ?? `entry-${counter}-${Math.random().toString(36).slice(2, 8)}`;
  return {
    kind: 'journal',
    idempotencyKey: id,
    accountingEntryId: id,
    reconciliationId: undefined,
    type: 'card_purchase',
    subType: null,
    bookkeepingMethod: 'journal',
    date: '2026-11-20',
    postingDate: '2026-11-20',
    description: 'Taxi, Jane Doe',
    reference: id,
    currency: 'GBP',
    grossAmount: partial.lines.filter((l) => l.side === 'debit').reduce((s, l) => s + l.amount, 0),
    supplierName: 'Addison Lee',
    userName: 'Jane Doe',
    note: undefined,
    vendor: undefined,
    files: [],
    postingMode: 'posted',
    pleoUrl: `https://app.pleo.io/export/${id}`,
    source: {} as AccountingEntry['source'],
    ...partial,
  } as AccountingEntry;
}

/** Card purchase of 120.00 GBP incl. 20 % VAT: 100.00 net + 20.00 VAT, contra 120.00. */
export function inclusiveVat(extra: Partial<AccountingEntry> = {}): AccountingEntry {
  const tax = { code: 'INPUT2', rate: 0.2, type: 'inclusive' as const, amount: 2000 };
  return journal({
    lines: [
      line({
        account: '493',
        side: 'debit',
        amount: 10000,
        role: 'expense',
        tax,
        sourceLineId: 'l1',
        dimensions: [{ dimension: 'Region', value: 'North' }],
      }),
      line({ account: '820', side: 'debit', amount: 2000, role: 'input_vat', tax, sourceLineId: 'l1' }),
      line({ account: '090', side: 'credit', amount: 12000, role: 'contra' }),
    ],
    ...extra,
  });
}

/** Reverse-charge software purchase 50.00 GBP at 20 %: input and output VAT 10.00 cancel. */
export function reverseCharge(): AccountingEntry {
  const tax = { code: 'REVERSECHARGES', rate: 0.2, type: 'reverse' as const, amount: 1000 };
  return journal({
    lines: [
      line({ account: '463', side: 'debit', amount: 5000, role: 'expense', tax }),
      line({ account: '820', side: 'debit', amount: 1000, role: 'input_vat', tax }),
      line({ account: '820', side: 'credit', amount: 1000, role: 'output_vat', tax }),
      line({ account: '090', side: 'credit', amount: 5000, role: 'contra' }),
    ],
  });
}

/** Refund of 24.00 GBP incl. 5 % VAT... sides reversed. */
export function refund(): AccountingEntry {
  const tax = { code: 'RRINPUT', rate: 0.05, type: 'inclusive' as const, amount: 114 };
  return journal({
    type: 'refund',
    lines: [
      line({ account: '420', side: 'credit', amount: 2286, role: 'expense', tax }),
      line({ account: '820', side: 'credit', amount: 114, role: 'input_vat', tax }),
      line({ account: '090', side: 'debit', amount: 2400, role: 'contra' }),
    ],
  });
}

/** Zero tax, split over 3 expense lines. */
export function splitNoTax(): AccountingEntry {
  return journal({
    lines: [
      line({ account: '429', side: 'debit', amount: 1001, role: 'expense' }),
      line({ account: '400', side: 'debit', amount: 2002, role: 'expense' }),
      line({ account: '404', side: 'debit', amount: 3003, role: 'expense' }),
      line({ account: '090', side: 'credit', amount: 6006, role: 'contra' }),
    ],
  });
}

/** Accounts-payable invoice of 240.00 GBP incl. 20 % VAT, paid from the wallet. */
export function supplierInvoice(vendorName = 'Acme Supplies Ltd'): SupplierInvoiceEntry {
  const base = journal({ lines: [] });
  const tax = { code: 'INPUT2', rate: 0.2, type: 'inclusive' as const, amount: 4000 };
  return {
    ...base,
    kind: 'supplier_invoice',
    type: 'invoice',
    bookkeepingMethod: 'accounts_payable',
    grossAmount: 24000,
    vendor: { name: vendorName },
    invoiceNumber: 'INV-77',
    invoiceDate: '2026-11-18',
    dueDate: '2026-12-18',
    lines: [
      line({ account: '429', side: 'debit', amount: 20000, role: 'expense', tax }),
      line({ account: '820', side: 'debit', amount: 4000, role: 'input_vat', tax }),
      line({ account: '800', side: 'credit', amount: 24000, role: 'payable' }),
    ],
    payment: {
      date: '2026-11-20',
      lines: [
        line({ account: '800', side: 'debit', amount: 24000, role: 'payable' }),
        line({ account: '090', side: 'credit', amount: 24000, role: 'contra' }),
      ],
    },
  } as SupplierInvoiceEntry;
}

/** Σ debit / Σ credit of an entry's lines (minor units). */
export function entryTotals(entry: AccountingEntry): { debit: number; credit: number } {
  return {
    debit: entry.lines.filter((l) => l.side === 'debit').reduce((s, l) => s + l.amount, 0),
    credit: entry.lines.filter((l) => l.side === 'credit').reduce((s, l) => s + l.amount, 0),
  };
}
