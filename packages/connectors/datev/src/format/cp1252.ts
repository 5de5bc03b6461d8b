import iconv from 'iconv-lite';

/**
 * Windows-1252 ("ANSI"), the encoding DATEV-Format files use (erp-apis.md §8: "Format CSV ANSI"; not
 * UTF-8). Encoding goes through `iconv-lite`.
 */
export const DATEV_ENCODING = 'windows-1252';

/** Encodes text as Windows-1252. Characters it lacks become `?`: check with {@link isCp1252Representable}. */
export function encodeCp1252(text: string): Uint8Array {
  return new Uint8Array(iconv.encode(text, DATEV_ENCODING));
}

/** Decodes Windows-1252 bytes. */
export function decodeCp1252(bytes: Uint8Array): string {
  return iconv.decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), DATEV_ENCODING);
}

/** True when every character of `text` exists in Windows-1252. */
export function isCp1252Representable(text: string): boolean {
  return decodeCp1252(encodeCp1252(text)) === text;
}

/** Customary replacements for typographic characters Windows-1252 lacks. */
const FALLBACKS: Readonly<Record<string, string>> = {
  '\u2192': '->',
  '\u2190': '<-',
  '\u2212': '-',
  '\u2010': '-',
  '\u2011': '-',
  '\u00a0': ' ',
  '\u2009': ' ',
  '\u202f': ' ',
};

/**
 * Prepares free text (Buchungstext) for a DATEV field: control characters (line breaks, tabs) become
 * spaces (DATEV forbids them), runs of spaces collapse, and a few typographic characters Windows-1252
 * lacks get their customary replacement. Other characters are left as they are, so
 * {@link isCp1252Representable} can reject what cannot be represented.
 */
export function cleanDatevText(text: string): string {
  let out = '';
  for (const char of text.replace(/\p{Cc}/gu, ' ')) out += FALLBACKS[char] ?? char;
  return out.replace(/ {2,}/g, ' ').trim();
}
