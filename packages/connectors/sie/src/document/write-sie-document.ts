import { formatMinorUnits } from '@ledgerport/core';
import { encodeCp437 } from '../format/cp437';
import { computeKsumma } from '../format/ksumma';
import type { SieDocument, SieTransaction, SieVoucher } from './sie-document';
import { bare, list, quoted, renderSieRecord, type SieRecord, sieRecordTokens } from './sie-record';

/** Line break of SIE files (erp-apis.md §9): CRLF. */
export const SIE_LINE_BREAK = '\r\n';

const sieDate = (iso: string): string => iso.replaceAll('-', '');

function transactionRecord(transaction: SieTransaction, currency: string): SieRecord {
  const fields = [
    bare(transaction.account),
    list(transaction.objects.flatMap((ref) => [bare(String(ref.dimension)), quoted(ref.object)])),
    bare(formatMinorUnits(transaction.amount, currency)),
  ];
  if (transaction.date !== undefined || transaction.text !== undefined) {
    fields.push(transaction.date === undefined ? quoted('') : bare(sieDate(transaction.date)));
    if (transaction.text !== undefined) fields.push(quoted(transaction.text));
  }
  return { label: '#TRANS', fields, indent: '   ' };
}

function voucherRecord(voucher: SieVoucher): SieRecord {
  const fields = [
    quoted(voucher.series),
    quoted(voucher.number),
    bare(sieDate(voucher.date)),
    quoted(voucher.text),
  ];
  if (voucher.registrationDate !== undefined) fields.push(bare(sieDate(voucher.registrationDate)));
  return { label: '#VER', fields };
}

/**
 * Serialises a {@link SieDocument} as a SIE 4I file (SIE filformat Utgåva 4B): `#FLAGGA 0`, an empty
 * `#KSUMMA`, `#FORMAT PC8`, `#SIETYP 4`, `#PROGRAM`, `#GEN`, `#FNAMN`, `#ORGNR`, `#VALUTA` (when not
 * SEK), `#DIM`/`#OBJEKT` declarations, one `#VER { #TRANS … }` block per voucher, and the closing
 * `#KSUMMA <CRC-32>`; CRLF line breaks; CP437 bytes.
 *
 * Amounts are formatted by core's `formatMinorUnits` (`.` decimal point, the currency's ISO 4217
 * exponent: 2 for SEK). Deterministic: the same document gives the same bytes. Fields must already be CP437-representable
 * (the voucher builder ensures it).
 *
 * @returns `{ text, bytes, ksumma }`: the file as text, as CP437 bytes, and its checksum (unsigned
 *   CRC-32, see {@link computeKsumma}).
 * @throws ItemError `validation_failure` (from core's `formatMinorUnits`) when an amount is not an
 *   integer number of minor units or `document.currency` is not a known ISO 4217 code. A character
 *   CP437 lacks is not an error here: it would be written as `?`.
 */
export function writeSieDocument(document: SieDocument): { text: string; bytes: Uint8Array; ksumma: number } {
  const checked: SieRecord[] = [
    { label: '#FORMAT', fields: [bare('PC8')] },
    { label: '#SIETYP', fields: [bare('4')] },
    { label: '#PROGRAM', fields: [quoted(document.program.name), quoted(document.program.version)] },
    { label: '#GEN', fields: [bare(sieDate(document.generatedOn))] },
    { label: '#FNAMN', fields: [quoted(document.companyName)] },
    { label: '#ORGNR', fields: [bare(document.organizationNumber)] },
  ];
  if (document.currency !== 'SEK') checked.push({ label: '#VALUTA', fields: [bare(document.currency)] });
  for (const dimension of document.dimensions) {
    checked.push({ label: '#DIM', fields: [bare(String(dimension.number)), quoted(dimension.name)] });
  }
  for (const object of document.objects) {
    checked.push({
      label: '#OBJEKT',
      fields: [bare(String(object.dimension)), quoted(object.object), quoted(object.name)],
    });
  }
  const lines: string[] = ['#FLAGGA 0', '#KSUMMA', ...checked.map(renderSieRecord)];
  for (const voucher of document.vouchers) {
    const ver = voucherRecord(voucher);
    const rows = voucher.transactions.map((transaction) => transactionRecord(transaction, document.currency));
    checked.push(ver, ...rows);
    lines.push(renderSieRecord(ver), '{', ...rows.map(renderSieRecord), '}');
  }
  const ksumma = computeKsumma(checked.map(sieRecordTokens));
  lines.push(`#KSUMMA ${ksumma}`);
  const text = lines.join(SIE_LINE_BREAK) + SIE_LINE_BREAK;
  return { text, bytes: encodeCp437(text), ksumma };
}
