import type { z } from 'zod';
import { ConfigError } from './config-error';

/**
 * Turns the first zod issue of a failed config parse into a {@link ConfigError} naming the field and a
 * fix. Values are never echoed (zod's default messages name types, not inputs).
 *
 * @param issues - `ZodError.issues`; @param prefix - dot path the parsed value sits at (`companies.<id>.config`).
 */
export function configErrorFromIssues(
  issues: readonly z.core.$ZodIssue[],
  prefix: string,
  file: string | undefined,
): ConfigError {
  const issue = issues[0];
  if (issue === undefined)
    return new ConfigError(prefix, 'the value is invalid', 'check the documentation', file);
  const field = [prefix, ...issue.path.map(String)].filter((p) => p !== '').join('.');
  return new ConfigError(field, describe(issue), fixFor(issue), file);
}

function describe(issue: z.core.$ZodIssue): string {
  if (issue.code === 'invalid_type' && issue.message.includes('received undefined')) return 'is required';
  if (issue.code === 'invalid_key') return `invalid key: ${issue.issues[0]?.message ?? issue.message}`;
  if (issue.code === 'unrecognized_keys')
    return `unknown key(s) ${issue.keys.map((k) => `"${k}"`).join(', ')}`;
  return issue.message;
}

function fixFor(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case 'invalid_type':
      return issue.message.includes('received undefined')
        ? `add it (expected ${issue.expected})`
        : `set it to a value of type ${issue.expected}`;
    case 'invalid_value':
      return `use one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}`;
    case 'invalid_union':
      return 'check the allowed shapes in the runner README (e.g. "type" must name a known variant)';
    case 'unrecognized_keys':
      return 'remove them or fix their spelling';
    case 'invalid_format':
      return `use a valid ${issue.format}`;
    case 'too_small':
      return `use a value of at least ${String(issue.minimum)}`;
    case 'too_big':
      return `use a value of at most ${String(issue.maximum)}`;
    case 'invalid_key':
      return 'rename the key as the message says';
    default:
      return 'correct the value as the message says';
  }
}
