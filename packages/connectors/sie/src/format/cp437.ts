import iconv from 'iconv-lite';

/**
 * IBM code page 437, the encoding `#FORMAT PC8` declares (SIE filformat Utgåva 4B, §5 "Teckenuppsättning";
 * erp-apis.md §9: å = 0x86, ä = 0x84, ö = 0x94). Encoding goes through `iconv-lite`.
 */
export const SIE_ENCODING = 'cp437';

/** Encodes text as CP437 bytes. Characters CP437 lacks become `?`: call {@link isCp437Representable} first. */
export function encodeCp437(text: string): Uint8Array {
  return new Uint8Array(iconv.encode(text, SIE_ENCODING));
}

/** Decodes CP437 bytes to text. Every byte has a CP437 character, so it never throws. */
export function decodeCp437(bytes: Uint8Array): string {
  return iconv.decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), SIE_ENCODING);
}

/** True when every character of `text` has a CP437 code point (so encoding round-trips). */
export function isCp437Representable(text: string): boolean {
  return decodeCp437(encodeCp437(text)) === text;
}

/**
 * Replacements Swedish bookkeeping systems use for letters CP437 lacks (Danish/Norwegian ø æ, typographic
 * dashes, quotes and arrows).
 */
const FALLBACKS: Readonly<Record<string, string>> = {
  ø: 'ö',
  Ø: 'Ö',
  æ: 'ä',
  Æ: 'Ä',
  '\u2013': '-',
  '\u2014': '-',
  '\u2192': '->',
  '\u2018': "'",
  '\u2019': "'",
  '\u201c': '"',
  '\u201d': '"',
  '\u20ac': 'EUR',
};

/**
 * Makes free text (voucher and row texts) representable in CP437: characters CP437 lacks are replaced
 * by a customary equivalent (`ø` → `ö`, `æ` → `ä`, `–` → `-`), else by their base letter when they
 * decompose (`ș` → `s`), otherwise by `?`. Control
 * characters (line breaks, tabs) become spaces, because a SIE record is one line, and `\` becomes `/`
 * (the spec has no escape for a backslash before a closing quote).
 */
export function toCp437Text(text: string): string {
  const cleaned = text.replace(/\p{Cc}/gu, ' ').replace(/\\/g, '/');
  if (isCp437Representable(cleaned)) return cleaned;
  let out = '';
  for (const char of cleaned) {
    if (isCp437Representable(char)) {
      out += char;
      continue;
    }
    const fallback = FALLBACKS[char];
    if (fallback !== undefined) {
      out += fallback;
      continue;
    }
    const base = char.normalize('NFD').replace(/\p{M}/gu, '');
    out += base !== '' && isCp437Representable(base) ? base : '?';
  }
  return out;
}
