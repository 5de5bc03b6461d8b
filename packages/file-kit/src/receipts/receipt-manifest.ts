/**
 * One receipt line of a job's receipt manifest (`<job id>.receipts.json`), which lists every receipt
 * written beside the job's files. `Owner` holds the format's fields naming the document the receipt
 * belongs to, written first in each line (SIE: `{ voucher, reference }`; DATEV: `{ belegfeld1 }`).
 */
export type ReceiptManifestEntry<Owner extends object = Record<string, string>> = Owner & {
  /** File name beside the job's files. */
  readonly file: string;
  /** MIME type of the receipt (Pleo `files[].type`), e.g. `application/pdf`. */
  readonly mimeType: string;
  /** Size in bytes. */
  readonly bytes: number;
  /** Hex SHA-256 of the file's bytes. */
  readonly sha256: string;
};

/**
 * File name of a job's receipt manifest: `<job id>.receipts.json`. Plain concatenation; the per-job
 * sink checks the id with `checkJobFileId` first. Never throws.
 */
export const receiptManifestName = (jobId: string): string => `${jobId}.receipts.json`;

/**
 * Serialises a receipt manifest: `{ "job": <job id>, "receipts": [...] }` as pretty-printed UTF-8 JSON
 * (2-space indent) with a final newline.
 */
export function encodeReceiptManifest<Owner extends object>(
  jobId: string,
  receipts: readonly ReceiptManifestEntry<Owner>[],
): Uint8Array {
  return new TextEncoder().encode(`${JSON.stringify({ job: jobId, receipts }, null, 2)}\n`);
}

/**
 * Reads a manifest written by {@link encodeReceiptManifest}; a manifest without `receipts` yields `[]`.
 * The entries are returned as parsed, not validated: a hand-edited manifest with wrong field types is
 * passed through as is.
 *
 * @throws `SyntaxError` when the bytes are not JSON (UTF-8).
 */
export function decodeReceiptManifest<Owner extends object>(
  bytes: Uint8Array,
): ReceiptManifestEntry<Owner>[] {
  const parsed = JSON.parse(new TextDecoder().decode(bytes)) as {
    receipts?: ReceiptManifestEntry<Owner>[];
  };
  return parsed.receipts ?? [];
}
