/** Secret values shorter than this are not searched for (they would match ordinary text). */
const MIN_LENGTH = 4;

const b64 = (text: string) => Buffer.from(text, 'utf8').toString('base64');

/**
 * Every form in which a secret may leak into text: the value, its URL encoding, its base64, and the
 * HTTP Basic credentials built from it (`secret:`, `:secret`, and `a:b` for every pair of secrets,
 * since an API key and a password may be user and password of the same header).
 */
export function secretForms(secrets: readonly string[]): { readonly form: string; readonly of: string }[] {
  const usable = [...new Set(secrets.filter((s) => s.length >= MIN_LENGTH))];
  const forms: { form: string; of: string }[] = [];
  for (const secret of usable) {
    for (const form of [
      secret,
      encodeURIComponent(secret),
      b64(secret),
      b64(`${secret}:`),
      b64(`:${secret}`),
    ]) {
      forms.push({ form, of: secret });
    }
    for (const other of usable) {
      if (other !== secret) forms.push({ form: b64(`${other}:${secret}`), of: secret });
    }
  }
  return forms;
}

/** Masks a secret for an assertion message: first 2 characters and the length. */
export function maskSecret(secret: string): string {
  return `${secret.slice(0, 2)}… (${secret.length} chars)`;
}
