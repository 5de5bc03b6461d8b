/**
 * Everything an error could show when logged or serialised: name, message, stack, own enumerable
 * properties as JSON (headers, request options, details) and the same for its `cause` chain.
 */
export function errorText(error: unknown, depth = 0): string {
  if (depth > 5) return '';
  if (typeof error !== 'object' || error === null) return String(error);
  const e = error as { name?: unknown; message?: unknown; stack?: unknown; cause?: unknown };
  const parts = [String(e.name ?? ''), String(e.message ?? ''), String(e.stack ?? ''), safeJson(error)];
  if (e.cause !== undefined) parts.push(errorText(e.cause, depth + 1));
  return parts.join('\n');
}

/** JSON of `value` that survives cycles, `Headers`, `Map`, bytes and bigints. */
export function safeJson(value: unknown): string {
  const seen = new WeakSet<object>();
  try {
    return (
      JSON.stringify(value, (_key, v: unknown) => {
        if (typeof v === 'bigint') return v.toString();
        if (typeof v !== 'object' || v === null) return v;
        if (seen.has(v)) return '[Circular]';
        seen.add(v);
        if (typeof Headers !== 'undefined' && v instanceof Headers) return Object.fromEntries(v.entries());
        if (v instanceof Map) return Object.fromEntries(v.entries());
        if (v instanceof Uint8Array) return `<${v.byteLength} bytes>`;
        if (v instanceof Error) {
          return { ...v, name: v.name, message: v.message };
        }
        return v;
      }) ?? ''
    );
  } catch {
    return '';
  }
}
