import type { AttachmentFile, ConnectorContext, PostedEntry } from '@ledgerport/core';
import { ItemError } from '@ledgerport/core';
import type { XeroConfig } from '../config/xero-config';
import {
  XERO_MAX_ATTACHMENT_BYTES,
  XERO_MAX_ATTACHMENTS_PER_RECORD,
  xeroManifest,
} from '../connector/xero-manifest';
import type { XeroClient } from '../http/xero-client';
import { chooseDocument } from '../posting/choose-document';
import { idempotencyKeyFor } from '../posting/idempotency-key';
import { loadOrganisation } from '../reference/xero-reference-data';

/**
 * Uploads one receipt: `PUT /{Endpoint}/{id}/Attachments/{FileName}` with the raw bytes and the file's
 * own MIME type (spec `createManualJournalAttachmentByFileName` and siblings; erp-apis.md §1). The
 * limits are checked before any upload: at most 10 MB (`receipt_file_size_limit_exceeded`), at most 10
 * per record (`receipt_upload_failure`) and a supported MIME type (`receipt_conversion_failure`). The `Idempotency-Key` is derived
 * from the document id, position and file name, so a retried upload never attaches twice.
 */
export async function attachToXero(
  ctx: ConnectorContext<XeroConfig>,
  client: XeroClient,
  posted: PostedEntry,
  file: AttachmentFile,
): Promise<void> {
  if (file.bytes.byteLength > XERO_MAX_ATTACHMENT_BYTES) {
    throw new ItemError(
      'receipt_file_size_limit_exceeded',
      `Receipt "${file.fileName}" is ${(file.bytes.byteLength / 1_048_576).toFixed(1)} MB; Xero accepts at most 10 MB per file. Upload a smaller file in Pleo.`,
      { field: 'bytes' },
    );
  }
  if (file.index >= XERO_MAX_ATTACHMENTS_PER_RECORD) {
    throw new ItemError(
      'receipt_upload_failure',
      `Xero accepts at most ${XERO_MAX_ATTACHMENTS_PER_RECORD} attachments per document; receipt ${file.index + 1} was not uploaded.`,
      { field: 'index' },
    );
  }
  const allowed = xeroManifest.attachments.supported ? xeroManifest.attachments.mimeTypes : [];
  if (!allowed.includes(file.mimeType)) {
    throw new ItemError(
      'receipt_conversion_failure',
      `Xero does not accept receipts of type ${file.mimeType}; supported: ${allowed.join(', ')}.`,
      { field: 'mimeType' },
    );
  }
  const organisation = await loadOrganisation(ctx, client);
  const kind = chooseDocument(posted.entry, ctx.config, organisation.baseCurrency) ?? 'ManualJournals';
  const id = posted.result.externalId;
  const name = encodeURIComponent(file.fileName);
  await client.call(`/${kind}/${id}/Attachments/${name}`, {
    method: 'PUT',
    bytes: file.bytes,
    contentType: file.mimeType,
    idempotencyKey: idempotencyKeyFor('Attachments', [id, String(file.index), file.fileName]),
  });
}
