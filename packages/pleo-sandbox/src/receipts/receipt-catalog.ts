/**
 * The receipt files the sandbox serves. Seed items reference them by file id
 * `<variant>-<accountingEntryId>-<n>`; the variant fixes the bytes (so `size` and `type` in the
 * item always match what `GET /files/<id>` returns).
 */
import { buildJpegReceipt, buildPngReceipt } from './image-receipt';
import { buildPdfReceipt } from './pdf-receipt';

/** A receipt variant: MIME type, file extension and a stable key. */
export interface ReceiptVariant {
  key: string;
  type: 'application/pdf' | 'image/jpeg' | 'image/png';
}

/** The nine variants: three each of PDF, JPEG and PNG. */
export const RECEIPT_VARIANTS: readonly ReceiptVariant[] = [0, 1, 2].flatMap((n) => [
  { key: `pdf${n}`, type: 'application/pdf' as const },
  { key: `jpeg${n}`, type: 'image/jpeg' as const },
  { key: `png${n}`, type: 'image/png' as const },
]);

const VARIANT_BY_KEY = new Map(RECEIPT_VARIANTS.map((variant) => [variant.key, variant]));
const bytesCache = new Map<string, Uint8Array>();

/** The bytes of a variant (built once, then cached). @throws Error for an unknown key. */
export function receiptBytes(key: string): Uint8Array {
  const cached = bytesCache.get(key);
  if (cached) return cached;
  const variant = VARIANT_BY_KEY.get(key);
  if (!variant) throw new Error(`unknown receipt variant "${key}"`);
  const n = Number(key.slice(-1));
  let bytes: Uint8Array;
  if (variant.type === 'application/pdf') {
    bytes = buildPdfReceipt([
      'Ledgerport sandbox receipt',
      `Receipt no. ${1000 + n}`,
      'K\u00f8benhavn - Malm\u00f6 - M\u00fcnchen',
      `Total: ${(n + 1) * 125},00`,
      'Thank you / Tak / Danke',
    ]);
  } else if (variant.type === 'image/jpeg') bytes = buildJpegReceipt(n);
  else bytes = buildPngReceipt(n);
  bytesCache.set(key, bytes);
  return bytes;
}

const FILE_ID = /^(pdf|jpeg|png)([0-2])-([0-9a-f-]{36})-([0-9])$/;

/** Builds a file id for `n`th receipt of an entry. */
export function receiptFileId(variantKey: string, accountingEntryId: string, n: number): string {
  return `${variantKey}-${accountingEntryId}-${n}`;
}

/** The variant of a file id built by {@link receiptFileId}, or `undefined` for foreign ids. */
export function variantOfFileId(fileId: string): ReceiptVariant | undefined {
  const match = FILE_ID.exec(fileId);
  return match ? VARIANT_BY_KEY.get(`${match[1]}${match[2]}`) : undefined;
}
