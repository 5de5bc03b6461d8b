/**
 * Values of the config fields named by dot paths in `secretFields` (e.g. `apiKey`, `oauth.clientSecret`)
 * that are non-empty strings.
 */
export function configSecretValues(config: unknown, secretFields: readonly string[]): string[] {
  const values: string[] = [];
  for (const path of secretFields) {
    let current: unknown = config;
    for (const key of path.split('.')) {
      current =
        typeof current === 'object' && current !== null
          ? (current as Record<string, unknown>)[key]
          : undefined;
    }
    if (typeof current === 'string' && current !== '') values.push(current);
  }
  return values;
}
