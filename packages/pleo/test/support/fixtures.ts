/**
 * Spec-shaped test data (`ExportJobV3`, `ExportJobItemV3`, `ExportItemV3`), built with the same
 * field names, nullability and minor-unit amounts as export-openapi.yml.
 */
import { randomUUID } from 'node:crypto';
import type { ExportItemV3, ExportJobItemV3, ExportJobV3 } from '../../src/index';

export const COMPANY_ID = '6b0f5a8e-2f1c-4c1e-9a57-0f4b1f3c9d21';
export const OTHER_COMPANY_ID = '0d7c3a52-9b8e-4f0a-8c1d-5e6f7a8b9c0d';

export function makeJob(overrides: Partial<ExportJobV3> = {}): ExportJobV3 {
  return {
    id: randomUUID(),
    companyId: COMPANY_ID,
    status: 'pending',
    createdAt: '2026-11-23T09:00:00Z',
    createdBy: randomUUID(),
    startedAt: null,
    completedAt: null,
    expiredAt: null,
    lastUpdatedAt: '2026-11-23T09:00:00Z',
    expiresIn: 3600,
    numberOfItems: 0,
    isInteractive: true,
    vendorBasedBookkeeping: false,
    failureReason: null,
    ...overrides,
  };
}

export function makeJobItem(exportJobId: string, overrides: Partial<ExportJobItemV3> = {}): ExportJobItemV3 {
  return {
    accountingEntryId: randomUUID(),
    exportJobId,
    status: 'pending',
    exportedAt: null,
    externalId: null,
    externalUrl: null,
    failureReason: null,
    ...overrides,
  };
}

/** A card purchase in SEK paid from a SEK wallet, 25 % VAT inclusive, one receipt, non-ASCII note. */
export function makeExportItem(overrides: Partial<ExportItemV3> = {}): ExportItemV3 {
  return {
    _links: {
      web: { exportItem: 'https://app.pleo.io/export/1' },
      api: { exportItem: 'https://external.pleo.io/x' },
    },
    accountingEntryId: randomUUID(),
    companyId: COMPANY_ID,
    type: 'card_purchase',
    date: '2026-11-20T12:30:00Z',
    amount: {
      inSupplierCurrency: { currency: 'SEK', value: 125000 },
      inWalletCurrency: { currency: 'SEK', value: 125000 },
    },
    note: 'Kaffe och smörgås för teamet — café Ørsted',
    files: [{ url: 'https://files.example/receipt-1.pdf', type: 'application/pdf', size: 2084 }],
    supplier: {
      name: 'Café Ørsted',
      code: null,
      account: null,
      categoryCode: '5814',
      country: 'SE',
      taxIdentifier: null,
    },
    vendor: null,
    bookkeeping: { method: 'journal' },
    contraAccount: { id: randomUUID(), name: 'Pleo SEK Account', code: '1930', identifier: null },
    user: { id: randomUUID(), name: 'Åsa Jönsson', code: 'E-17' },
    team: { id: randomUUID(), name: 'Engineering', code: 'ENG' },
    additionalInformation: { reconciliationId: 'PLEO-BOOK-0001', attendees: null, reconciledEntries: null },
    accountingEntryLines: [
      {
        accountingEntryLineId: randomUUID(),
        lineAmount: {
          inSupplierCurrency: { currency: 'SEK', value: 125000 },
          inWalletCurrency: { currency: 'SEK', value: 125000 },
        },
        netAmount: {
          inSupplierCurrency: { currency: 'SEK', value: 100000 },
          inWalletCurrency: { currency: 'SEK', value: 100000 },
        },
        account: { id: randomUUID(), name: 'Meals and Entertainment', code: '6071', identifier: null },
        tags: [{ id: randomUUID(), code: 'P-001', groupCode: 'PROJECT' }],
        tax: {
          id: randomUUID(),
          code: 'MP1',
          rate: 0.25,
          type: 'inclusive',
          amount: {
            inSupplierCurrency: { currency: 'SEK', value: 25000 },
            inWalletCurrency: { currency: 'SEK', value: 25000 },
          },
        },
      },
    ],
    ...overrides,
  };
}
