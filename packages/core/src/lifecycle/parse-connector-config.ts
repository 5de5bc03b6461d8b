import type { Connector } from '../connector/connector-v1';
import { formatFieldPath } from '../errors/field-path';
import { JobError } from '../errors/ledgerport-error';
import { redactText } from '../security/redact';

/**
 * Parses the company's raw connector configuration with `connector.configSchema` (zod).
 * Throws `JobError('missing_configuration')` when a required field is absent, or
 * `JobError('invalid_configuration')` when a field has the wrong type or format; the message names the
 * field path (e.g. `tenant.id`) and the fix, and never contains a secret value (the values of
 * `secretFields` and of `secrets` are scrubbed from zod's messages).
 */
export function parseConnectorConfig<Config>(
  connector: Connector<Config>,
  raw: unknown,
  secretValues: readonly string[],
): Config {
  const result = connector.configSchema.safeParse(raw);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const path = issue === undefined ? '' : formatFieldPath(issue.path);
  const field = path === '' ? '(root)' : path;
  const secrets = [
    ...secretValues,
    ...connector.secretFields.flatMap((f) => stringAt(raw, f.split('.')) ?? []),
  ];
  const detail = redactText(issue?.message ?? 'invalid value', secrets);
  const missing = issue !== undefined && issue.path.length > 0 && valueAt(raw, issue.path) === undefined;
  if (missing) {
    return fail(
      new JobError(
        'missing_configuration',
        `${connector.manifest.displayName} configuration field "${field}" is missing: set it in the company's connector configuration.`,
        { field },
      ),
    );
  }
  return fail(
    new JobError(
      'invalid_configuration',
      `${connector.manifest.displayName} configuration field "${field}" is invalid (${detail}): correct it in the company's connector configuration.`,
      { field },
    ),
  );
}

function fail(error: JobError): never {
  throw error;
}

function valueAt(value: unknown, path: readonly PropertyKey[]): unknown {
  let current = value;
  for (const key of path) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<PropertyKey, unknown>)[key];
  }
  return current;
}

function stringAt(value: unknown, path: readonly string[]): string | undefined {
  const found = valueAt(value, path);
  return typeof found === 'string' ? found : undefined;
}
