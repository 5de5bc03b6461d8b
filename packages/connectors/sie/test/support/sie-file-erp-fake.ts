import type { ReceiptManifestEntry } from '@ledgerport/file-kit';
import { createFileErpFake, type FileErpFake } from '@ledgerport/file-kit/testing';
import {
  readSieDocument,
  type SieConfig,
  type SieReceiptOwner,
  sieExternalId,
  voucherKey,
} from '../../src/index';

/** The file-sink ERP fake of the SIE connector (see `createFileErpFake`). */
export type SieFileErpFake = FileErpFake<SieConfig>;

/**
 * A stateful fake of "the importing system" for the SIE connector: the ERP is the output directory.
 * `listDocuments` reads every `.si` file back with the package's reader (which checks balance and
 * `#KSUMMA`), one document per `#VER`, with the receipts the manifest lists for it.
 */
export function createSieFileErpFake(): SieFileErpFake {
  return createFileErpFake<SieConfig, SieReceiptOwner>({
    name: 'sie',
    isDocumentFile: (name) => name.endsWith('.si'),
    readDocuments(bytes) {
      const { document } = readSieDocument(bytes);
      return document.vouchers.map((voucher) => ({
        externalId: sieExternalId(voucher.series, voucher.number, voucherKey(voucher.text)),
        currency: document.currency,
        debit: voucher.transactions.reduce((sum, row) => sum + Math.max(row.amount, 0), 0),
        credit: voucher.transactions.reduce((sum, row) => sum + Math.max(-row.amount, 0), 0),
      }));
    },
    receiptOwner: (receipt: ReceiptManifestEntry<SieReceiptOwner>) => receipt.voucher,
  });
}
