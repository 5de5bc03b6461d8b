/**
 * Formats a property path the way Ledgerport names fields in error messages:
 * `['accountingEntryLines', 1, 'tax', 'amount']` → `accountingEntryLines[1].tax.amount`.
 *
 * @param path - property keys as zod reports them (`issue.path`) or as the mapper builds them.
 * @returns the dotted path with array indices in brackets; `''` for an empty path.
 */
export function formatFieldPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else out += out === '' ? String(key) : `.${String(key)}`;
  }
  return out;
}
