import type { AttachmentFile, ConnectorContext, PostedEntry } from '@ledgerport/core';
import { ItemError } from '@ledgerport/core';
import type { FortnoxConfig } from '../config/fortnox-config';
import { fortnoxManifest } from '../connector/fortnox-manifest';
import type { FortnoxClient } from '../http/fortnox-client';
import { parseExternalId, type VoucherKey } from '../posting/external-id';
import { checkReceipt } from './receipt-checks';

/**
 * Attaches a receipt to a posted voucher (issue #7 "Attachments"; erp-apis.md §3): type and size are
 * checked first ({@link checkReceipt}), then the bytes are uploaded to the voucher inbox
 * (`POST /3/inbox?folderId=`, multipart field `file`, spec `upload` → `File.Id`), then connected with
 * `POST /3/voucherfileconnections` `{VoucherFileConnection: {FileId, VoucherNumber (string), VoucherSeries}}`
 * (spec `create_46`) in the voucher's financial year. Within one job run, a retry after a lost answer
 * reuses the uploaded file and checks `GET /3/voucherfileconnections/{FileId}` before connecting again.
 * @throws the check's ItemErrors; ItemError(`receipt_upload_failure`) when Fortnox returns no file id;
 *   Fortnox failures per `rethrowFortnoxError`.
 */
export async function attachToFortnox(
  ctx: ConnectorContext<FortnoxConfig>,
  client: FortnoxClient,
  posted: PostedEntry,
  file: AttachmentFile,
): Promise<void> {
  const limits = fortnoxManifest.attachments;
  if (limits.supported) checkReceipt(file, limits);
  const voucher = parseExternalId(posted.result.externalId);
  ctx.signal.throwIfAborted();
  // A retry (same job run) after the upload succeeded but the connection's answer was lost reuses the
  // uploaded file, and skips connecting when Fortnox already holds the connection.
  const uploadKey = `fortnox:upload:${posted.result.externalId}:${file.index}`;
  const earlier = ctx.cache.get(uploadKey);
  if (typeof earlier === 'string') {
    if (await isConnected(client, earlier)) return;
    await connect(client, earlier, voucher);
    return;
  }
  const form = new FormData();
  form.append('file', new Blob([new Uint8Array(file.bytes)], { type: file.mimeType }), file.fileName);
  const uploaded = await client.call<{ File?: { Id?: string } }>('/3/inbox', {
    method: 'POST',
    query: { folderId: ctx.config.inboxFolderId },
    form,
  });
  const fileId = uploaded.File?.Id;
  if (typeof fileId !== 'string' || fileId === '') {
    throw new ItemError(
      'receipt_upload_failure',
      `Fortnox accepted "${file.fileName}" but returned no file id.`,
      {
        retryable: true,
      },
    );
  }
  ctx.cache.set(uploadKey, fileId);
  await connect(client, fileId, voucher);
}

async function connect(client: FortnoxClient, fileId: string, voucher: VoucherKey): Promise<void> {
  await client.call('/3/voucherfileconnections', {
    method: 'POST',
    query: { financialyear: String(voucher.financialYearId) },
    body: {
      VoucherFileConnection: {
        FileId: fileId,
        VoucherNumber: String(voucher.number),
        VoucherSeries: voucher.series,
      },
    },
  });
}

/** `GET /3/voucherfileconnections/{FileId}` (spec `get_56`): true when the connection exists, false on 404. */
async function isConnected(client: FortnoxClient, fileId: string): Promise<boolean> {
  try {
    await client.call(`/3/voucherfileconnections/${encodeURIComponent(fileId)}`);
    return true;
  } catch (error) {
    if (ItemError.isInstance(error) && error.details.status === 404) return false;
    throw error;
  }
}
