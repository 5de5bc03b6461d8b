import { parseDecimalToMinorUnits } from '@ledgerport/core';
import { createFileErpFake, type FileDocument, type FileErpFake } from '@ledgerport/file-kit/testing';
import { COLUMN, type DatevConfig, type DatevReceiptOwner, readBuchungsstapel } from '../../src/index';

/** The file-sink ERP fake of the DATEV connector (see `createFileErpFake`). */
export type DatevFileErpFake = FileErpFake<DatevConfig>;

/**
 * Documents of one Buchungsstapel: one per Belegfeld 1 and Gegenkonto (a paid supplier invoice has its
 * invoice bookings against the payable account and its payment against the wallet): each booking posts
 * its Umsatz to Konto and Gegenkonto, and the document's debit/credit are the account balances'
 * positive/negative sums.
 */
function readDocuments(bytes: Uint8Array): FileDocument[] {
  const { rows } = readBuchungsstapel(bytes);
  const groups = new Map<string, { externalId: string; currency: string; balances: Map<string, number> }>();
  for (const row of rows) {
    const externalId = row[COLUMN.belegfeld1] ?? '';
    const currency = row[COLUMN.wkzUmsatz] ?? '';
    const groupKey = `${externalId}\u0000${row[COLUMN.gegenkonto] ?? ''}`;
    const group = groups.get(groupKey) ?? { externalId, currency, balances: new Map<string, number>() };
    groups.set(groupKey, group);
    const amount = parseDecimalToMinorUnits(row[COLUMN.umsatz] ?? '', currency, {
      decimalSeparator: ',',
    });
    const signed = row[COLUMN.sollHaben] === 'S' ? amount : -amount;
    const konto = row[COLUMN.konto] ?? '';
    const gegenkonto = row[COLUMN.gegenkonto] ?? '';
    group.balances.set(konto, (group.balances.get(konto) ?? 0) + signed);
    group.balances.set(gegenkonto, (group.balances.get(gegenkonto) ?? 0) - signed);
  }
  return [...groups.values()].map(({ externalId, currency, balances }) => {
    const values = [...balances.values()];
    return {
      externalId,
      currency,
      debit: values.reduce((sum, value) => sum + Math.max(value, 0), 0),
      credit: values.reduce((sum, value) => sum + Math.max(-value, 0), 0),
    };
  });
}

/**
 * A stateful fake of "the importing system" for the DATEV connector: the ERP is the output directory.
 * `listDocuments` reads every Buchungsstapel back with the package's reader (header, headings and field
 * rules checked), see {@link readDocuments}, with the receipts the manifest lists per Belegfeld 1.
 */
export function createDatevFileErpFake(): DatevFileErpFake {
  return createFileErpFake<DatevConfig, DatevReceiptOwner>({
    name: 'datev',
    isDocumentFile: (name) => name.startsWith('EXTF_') && name.endsWith('.csv'),
    readDocuments,
    receiptOwner: (receipt) => receipt.belegfeld1,
  });
}
