/**
 * Fortnox's error body, `fortnox_ErrorInformationWrap {ErrorInformation: {Error, Message, Code}}` (spec
 * `components.schemas.fortnox_ErrorInformationWrap`). Live responses have used lowercase keys
 * (`error`, `message`, `code`; erp-apis.md §3 "Errors"), so both spellings are read.
 */
export interface FortnoxErrorInformation {
  /** `Error` / `error`: 1 on errors. */
  readonly error: number | undefined;
  /** `Message` / `message`: Fortnox's (often Swedish) message, e.g. `Kunde inte hitta konto`. */
  readonly message: string | undefined;
  /** `Code` / `code`: Fortnox error code, e.g. 2001304 (account not found). */
  readonly code: number | undefined;
}

/**
 * Reads an `ErrorInformation` (or `errorInformation`) object from a parsed response body, accepting
 * capitalised and lowercase keys and numeric strings.
 * @returns the error information, or `undefined` when the body has none.
 */
export function readErrorInformation(body: unknown): FortnoxErrorInformation | undefined {
  if (body === null || typeof body !== 'object') return undefined;
  const wrap = body as Record<string, unknown>;
  const info = wrap.ErrorInformation ?? wrap.errorInformation ?? wrap.errorinformation;
  if (info === null || typeof info !== 'object') return undefined;
  const record = info as Record<string, unknown>;
  const pick = (name: string): unknown => record[name] ?? record[name.toLowerCase()];
  const num = (value: unknown): number | undefined => {
    if (typeof value === 'number' && Number.isFinite(value)) return value;
    if (typeof value === 'string' && /^\d+$/.test(value.trim())) return Number(value);
    return undefined;
  };
  const message = pick('Message');
  return {
    error: num(pick('Error')),
    message: typeof message === 'string' ? message : undefined,
    code: num(pick('Code')),
  };
}
