/** Replacement text for a redacted secret. */
export const REDACTED = '[REDACTED]';

/** Secret values shorter than this are not scrubbed from free text (too likely to hit ordinary words). */
const MIN_SECRET_LENGTH = 4;

/**
 * Returns a deep copy of `value` in which (a) every property whose key is in `secretKeys` (matched
 * case-insensitively, at any depth, including common names like `password`, `token`, `apiKey`,
 * `authorization`, `clientSecret`, `refreshToken`) is replaced by `[REDACTED]`, and (b) every
 * occurrence of a secret value inside any string is replaced by `[REDACTED]`.
 *
 * @param value - anything JSON-like (errors are turned into `{ name, message }`).
 * @param secretValues - secret strings to scrub from text (API keys, tokens).
 * @param secretKeys - extra property names to redact (e.g. a connector's `secretFields` leaf names).
 */
export function redactSecrets(
  value: unknown,
  secretValues: readonly string[] = [],
  secretKeys: readonly string[] = [],
): unknown {
  const keys = new Set([...DEFAULT_SECRET_KEYS, ...secretKeys.map((k) => leafName(k).toLowerCase())]);
  const values = secretValues.filter((s) => typeof s === 'string' && s.length >= MIN_SECRET_LENGTH);
  const seen = new WeakSet<object>();
  const walk = (v: unknown): unknown => {
    if (typeof v === 'string') return redactText(v, values);
    if (v === null || typeof v !== 'object') return v;
    if (seen.has(v)) return '[Circular]';
    seen.add(v);
    if (v instanceof Error) return { name: v.name, message: redactText(v.message, values) };
    if (Array.isArray(v)) return v.map(walk);
    const out: Record<string, unknown> = {};
    for (const [k, inner] of Object.entries(v)) {
      out[k] = keys.has(k.toLowerCase()) && inner !== undefined && inner !== null ? REDACTED : walk(inner);
    }
    return out;
  };
  return walk(value);
}

/** Replaces every occurrence of each secret value (and its Basic-auth base64 forms) in `text`. */
export function redactText(text: string, secretValues: readonly string[]): string {
  let out = text;
  for (const secret of secretValues) {
    if (secret.length < MIN_SECRET_LENGTH) continue;
    for (const form of [secret, Buffer.from(`${secret}:`).toString('base64'), encodeURIComponent(secret)]) {
      if (form.length >= MIN_SECRET_LENGTH && out.includes(form)) out = out.split(form).join(REDACTED);
    }
  }
  return out;
}

const DEFAULT_SECRET_KEYS = [
  'password',
  'secret',
  'token',
  'apikey',
  'api_key',
  'authorization',
  'accesstoken',
  'access_token',
  'refreshtoken',
  'refresh_token',
  'clientsecret',
  'client_secret',
  'cookie',
  'set-cookie',
  'x-api-key',
];

function leafName(path: string): string {
  const parts = path.split('.');
  return parts[parts.length - 1] ?? path;
}
