/** Turns zod issues into `{ path, message }` pairs with readable field paths. */
import type { z } from 'zod';

/** One validation problem: `path` like `data[2].accountingEntryLines[0].tax.type` (empty for the root). */
export interface FieldIssue {
  path: string;
  message: string;
}

/** Renders a zod issue path as `a.b[0].c`, prefixed by `prefix` when given. */
export function formatPath(path: readonly PropertyKey[], prefix = ''): string {
  let out = prefix;
  for (const segment of path) {
    if (typeof segment === 'number') out += `[${segment}]`;
    else out += out === '' ? String(segment) : `.${String(segment)}`;
  }
  return out;
}

/** Maps `error.issues` to {@link FieldIssue}s, each path prefixed by `prefix` (e.g. `updates[3]`). */
export function formatIssues(error: z.ZodError, prefix = ''): FieldIssue[] {
  return error.issues.map((issue) => ({ path: formatPath(issue.path, prefix), message: issue.message }));
}

/** `path: message; path: message` (at most `max` issues, then `… and N more`). */
export function summarizeIssues(issues: FieldIssue[], max = 5): string {
  const shown = issues.slice(0, max).map((issue) => `${issue.path || '(root)'}: ${issue.message}`);
  if (issues.length > max) shown.push(`… and ${issues.length - max} more`);
  return shown.join('; ');
}
