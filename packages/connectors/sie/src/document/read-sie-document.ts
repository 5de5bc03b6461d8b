import { parseDecimalToMinorUnits } from '@ledgerport/core';
import { decodeCp437 } from '../format/cp437';
import { computeKsumma } from '../format/ksumma';
import { type SieToken, tokenizeSieLine } from '../format/sie-field';
import type { SieDimension, SieDocument, SieObject, SieTransaction, SieVoucher } from './sie-document';

/**
 * Thrown by {@link readSieDocument} for a SIE file that is not well-formed, has an unbalanced `#VER`,
 * or fails its `#KSUMMA` (SIE filformat Utgåva 4B, §8.5). `line` is the 1-based file line, or
 * `undefined` when the problem is the file as a whole; the message then starts with `line <n>: `.
 */
export class SieReadError extends Error {
  override readonly name = 'SieReadError';
  constructor(
    message: string,
    readonly line: number | undefined,
  ) {
    super(line === undefined ? message : `line ${line}: ${message}`);
  }
}

/** What {@link readSieDocument} returns besides the document. */
export interface SieReadResult {
  readonly document: SieDocument;
  /** The `#KSUMMA` stored in the file, or `undefined` when the file has none. */
  readonly ksumma: number | undefined;
}

const isoDate = (text: string, line: number): string => {
  if (!/^\d{8}$/.test(text)) throw new SieReadError(`"${text}" is not a YYYYMMDD date`, line);
  return `${text.slice(0, 4)}-${text.slice(4, 6)}-${text.slice(6, 8)}`;
};

const field = (tokens: readonly SieToken[], index: number): string | undefined => {
  const token = tokens[index];
  return token?.kind === 'field' ? token.value : undefined;
};

/**
 * Reads a SIE 4I file written by this package (and well-formed SIE 4 files in general): decodes CP437
 * (`#FORMAT PC8`), requires CRLF line breaks, parses the records, and checks that
 * - every `#VER`'s `#TRANS` rows sum to exactly 0,
 * - the closing `#KSUMMA` equals the CRC-32 over the records between the two `#KSUMMA` records
 *   (SIE filformat Utgåva 4B, §8.5), when the file has one.
 *
 * @param bytes - the file's bytes.
 * @throws SieReadError naming the line for a bare LF, an unknown structure, an unbalanced voucher or a
 *   checksum mismatch.
 */
export function readSieDocument(bytes: Uint8Array): SieReadResult {
  const text = decodeCp437(bytes);
  if (!text.endsWith('\r\n')) throw new SieReadError('the file does not end with CRLF', undefined);
  const lines = text.slice(0, -2).split('\r\n');
  const bareLf = lines.findIndex((line) => line.includes('\n') || line.includes('\r'));
  if (bareLf >= 0) throw new SieReadError('line break is not CRLF', bareLf + 1);

  let program = { name: '', version: '' };
  let generatedOn = '';
  let companyName = '';
  let organizationNumber = '';
  let currency = 'SEK';
  const dimensions: SieDimension[] = [];
  const objects: SieObject[] = [];
  const vouchers: SieVoucher[] = [];
  const checked: SieToken[][] = [];
  let ksummaOpen = false;
  let ksumma: number | undefined;
  let current: { head: Omit<SieVoucher, 'transactions'>; rows: SieTransaction[]; line: number } | undefined;
  let inBlock = false;

  lines.forEach((raw, index) => {
    const lineNo = index + 1;
    const line = raw.trim();
    if (line === '') return;
    if (line === '{') {
      if (current === undefined || inBlock) throw new SieReadError('"{" without a preceding #VER', lineNo);
      inBlock = true;
      return;
    }
    if (line === '}') {
      if (current === undefined || !inBlock) throw new SieReadError('"}" without an open #VER block', lineNo);
      const sum = current.rows.reduce((total, row) => total + row.amount, 0);
      if (sum !== 0) {
        throw new SieReadError(
          `voucher ${current.head.series} ${current.head.number} "${current.head.text}" does not balance: #TRANS rows sum to ${sum} minor units, not 0`,
          current.line,
        );
      }
      vouchers.push({ ...current.head, transactions: current.rows });
      current = undefined;
      inBlock = false;
      return;
    }
    let tokens: SieToken[];
    try {
      tokens = tokenizeSieLine(line);
    } catch (error) {
      throw new SieReadError((error as Error).message, lineNo);
    }
    const label = field(tokens, 0) ?? '';
    if (label === '#KSUMMA') {
      const value = field(tokens, 1);
      if (value === undefined) ksummaOpen = true;
      else {
        if (!ksummaOpen) throw new SieReadError('#KSUMMA value without an opening empty #KSUMMA', lineNo);
        ksumma = Number(value);
        ksummaOpen = false;
      }
      return;
    }
    if (label === '#FLAGGA') return;
    if (ksummaOpen) checked.push(tokens);
    switch (label) {
      case '#PROGRAM':
        program = { name: field(tokens, 1) ?? '', version: field(tokens, 2) ?? '' };
        break;
      case '#GEN':
        generatedOn = isoDate(field(tokens, 1) ?? '', lineNo);
        break;
      case '#FNAMN':
        companyName = field(tokens, 1) ?? '';
        break;
      case '#ORGNR':
        organizationNumber = field(tokens, 1) ?? '';
        break;
      case '#VALUTA':
        currency = field(tokens, 1) ?? 'SEK';
        break;
      case '#DIM':
        dimensions.push({ number: Number(field(tokens, 1)), name: field(tokens, 2) ?? '' });
        break;
      case '#OBJEKT':
        objects.push({
          dimension: Number(field(tokens, 1)),
          object: field(tokens, 2) ?? '',
          name: field(tokens, 3) ?? '',
        });
        break;
      case '#VER': {
        if (current !== undefined) throw new SieReadError('#VER inside another #VER', lineNo);
        const registration = field(tokens, 5);
        current = {
          head: {
            series: field(tokens, 1) ?? '',
            number: field(tokens, 2) ?? '',
            date: isoDate(field(tokens, 3) ?? '', lineNo),
            text: field(tokens, 4) ?? '',
            ...(registration === undefined || registration === ''
              ? {}
              : { registrationDate: isoDate(registration, lineNo) }),
          },
          rows: [],
          line: lineNo,
        };
        break;
      }
      case '#TRANS': {
        if (current === undefined || !inBlock) throw new SieReadError('#TRANS outside a #VER block', lineNo);
        const objectList = tokens[2];
        if (objectList?.kind !== 'list') throw new SieReadError('#TRANS without an object list', lineNo);
        const refs = [];
        for (let i = 0; i + 1 < objectList.items.length; i += 2) {
          refs.push({ dimension: Number(objectList.items[i]), object: objectList.items[i + 1] ?? '' });
        }
        let amount: number;
        try {
          amount = parseDecimalToMinorUnits(field(tokens, 3) ?? '', currency, {}, '#TRANS belopp');
        } catch (error) {
          throw new SieReadError((error as Error).message, lineNo);
        }
        const date = field(tokens, 4);
        const rowText = field(tokens, 5);
        current.rows.push({
          account: field(tokens, 1) ?? '',
          objects: refs,
          amount,
          ...(date === undefined || date === '' ? {} : { date: isoDate(date, lineNo) }),
          ...(rowText === undefined ? {} : { text: rowText }),
        });
        break;
      }
      default:
        break;
    }
  });
  if (current !== undefined) throw new SieReadError('a #VER block is not closed', current.line);
  if (ksummaOpen) throw new SieReadError('the opening #KSUMMA has no closing #KSUMMA', undefined);
  if (ksumma !== undefined) {
    const computed = computeKsumma(checked);
    if (computed !== ksumma) {
      throw new SieReadError(`#KSUMMA is ${ksumma} but the records give ${computed}`, undefined);
    }
  }
  return {
    document: {
      program,
      generatedOn,
      companyName,
      organizationNumber,
      currency,
      dimensions,
      objects,
      vouchers,
    },
    ksumma,
  };
}
