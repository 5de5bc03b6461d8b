import CRC32 from 'crc-32';
import { encodeCp437 } from './cp437';
import type { SieToken } from './sie-field';

/**
 * The bytes one record contributes to `#KSUMMA` (SIE filformat Utgåva 4B, §8.5 "Kontrollsumma";
 * erp-apis.md §9): the CP437 bytes of the label followed by each field's content, with no separators,
 * quotes, braces or line breaks. An object list contributes the content of each of its items in order
 * (the spec's C code strips the braces; see the README for this choice with non-empty lists).
 */
export function ksummaRecordBytes(tokens: readonly SieToken[]): Uint8Array {
  return encodeCp437(ksummaRecordText(tokens));
}

function ksummaRecordText(tokens: readonly SieToken[]): string {
  return tokens.map((token) => (token.kind === 'field' ? token.value : token.items.join(''))).join('');
}

/**
 * `#KSUMMA` value (SIE filformat Utgåva 4B, §8.5 "Kontrollsumma") of the records between the two
 * `#KSUMMA` records: the standard CRC-32 (reflected
 * polynomial 0xEDB88320, init and final XOR 0xFFFFFFFF, i.e. zlib `crc32`, via the `crc-32` library)
 * over the concatenation of {@link ksummaRecordBytes} of every record, as an unsigned 32-bit integer
 * (0 to 4 294 967 295; written in decimal after `#KSUMMA`). Never throws.
 *
 * @param records - each record's tokens, label first (as `tokenizeSieLine` returns them).
 */
export function computeKsumma(records: readonly (readonly SieToken[])[]): number {
  return CRC32.buf(encodeCp437(records.map(ksummaRecordText).join(''))) >>> 0;
}
