/**
 * Field syntax of a SIE record (SIE filformat Utgåva 4B, §5.7–5.9): fields are separated by spaces,
 * a field with spaces (or an empty field) is quoted, a quote inside a field is escaped as `\"`, and
 * object lists are written `{dim "object" …}`.
 */

/**
 * Quotes a text field: `Kaffe "Bryggt"` → `"Kaffe \"Bryggt\""`. Always quoted, which the spec allows.
 * The spec defines no escape for a backslash, so callers keep backslashes out of fields
 * ({@link toCp437Text} turns them into `/`).
 */
export function quoteSieField(value: string): string {
  return `"${value.replace(/"/g, '\\"')}"`;
}

/** One token of a parsed record line: a plain/quoted field, or an object list with its items. */
export type SieToken =
  | { readonly kind: 'field'; readonly value: string }
  | { readonly kind: 'list'; readonly items: readonly string[] };

/**
 * Splits one record line into tokens (the label first). Quoted fields are unescaped (`\"` → `"`);
 * `{…}` becomes a list token whose items are tokenised the same way.
 *
 * @throws Error naming the column when a quote or brace is not closed.
 */
export function tokenizeSieLine(line: string): SieToken[] {
  const tokens: SieToken[] = [];
  let index = 0;
  const readField = (): string => {
    if (line[index] === '"') {
      index += 1;
      let value = '';
      while (index < line.length && line[index] !== '"') {
        if (line[index] === '\\' && line[index + 1] === '"') index += 1;
        value += line[index];
        index += 1;
      }
      if (index >= line.length) throw new Error(`unclosed quote in SIE line: ${line}`);
      index += 1;
      return value;
    }
    const start = index;
    while (index < line.length && !/[\s{}]/.test(line[index] ?? '')) index += 1;
    return line.slice(start, index);
  };
  while (index < line.length) {
    const char = line[index];
    if (char === ' ' || char === '\t') {
      index += 1;
    } else if (char === '{') {
      index += 1;
      const items: string[] = [];
      for (;;) {
        while (line[index] === ' ' || line[index] === '\t') index += 1;
        if (index >= line.length) throw new Error(`unclosed object list in SIE line: ${line}`);
        if (line[index] === '}') {
          index += 1;
          break;
        }
        items.push(readField());
      }
      tokens.push({ kind: 'list', items });
    } else {
      tokens.push({ kind: 'field', value: readField() });
    }
  }
  return tokens;
}
