/**
 * A small HTTP connector for the fictional "Voucher API" (Bearer API key, `POST /vouchers` with an
 * `Idempotency-Key`, `GET /accounts`, `POST /vouchers/:id/attachments`), built the way every Ledgerport
 * API connector is: connector-kit's ofetch preset and HTTP → failure-reason table. It exists to run
 * `testConnector` over real (msw-intercepted) HTTP and is the README's example.
 */
import { createErpFetch, rethrowHttpError } from '@ledgerport/connector-kit';
import { type ConnectorV1, ItemError, JobError } from '@ledgerport/core';
import { z } from 'zod';

export const VOUCHER_API_URL = 'https://voucher-api.example.test/v1';

const configSchema = z.object({
  organisation: z.string().min(1),
  apiKey: z.string().min(12),
});
type VoucherApiConfig = z.infer<typeof configSchema>;

const ACCEPTED_TYPES = ['application/pdf', 'image/png'];
const MAX_BYTES = 1024 * 1024;

export function createVoucherApiConnector(
  options: { timeoutMs?: number } = {},
): ConnectorV1<VoucherApiConfig> {
  const api = (ctx: { config: VoucherApiConfig; signal: AbortSignal }) =>
    createErpFetch({
      baseURL: `${VOUCHER_API_URL}/${ctx.config.organisation}`,
      headers: { authorization: `Bearer ${ctx.config.apiKey}` },
      signal: ctx.signal,
      timeoutMs: options.timeoutMs ?? 250,
      secretValues: [ctx.config.apiKey],
    });
  return {
    specificationVersion: 'v1',
    id: 'voucher-api',
    manifest: {
      displayName: 'Voucher API (example)',
      docsUrl: 'https://voucher-api.example.test/docs',
      authMode: 'api_key',
      rateLimits: { requests: 60, windowMs: 60_000 },
      attachments: {
        supported: true,
        maxBytes: MAX_BYTES,
        mimeTypes: ACCEPTED_TYPES,
        maxFiles: 5,
        singleFileOnly: false,
      },
      entryTypes: ['card_purchase', 'refund', 'out_of_pocket'],
      bookkeepingMethods: ['journal'],
      vendorBasedBookkeeping: false,
      idempotency: 'native',
      maxConcurrency: 2,
      batchSize: 1,
      delivery: 'per_entry',
    },
    configSchema,
    secretFields: ['apiKey'],

    async authenticate(ctx) {
      try {
        await api(ctx)('/accounts', { method: 'GET' });
      } catch (error) {
        try {
          rethrowHttpError(error, { signal: ctx.signal, system: 'Voucher API' });
        } catch (typed) {
          if (ItemError.isInstance(typed))
            throw new JobError('accounting_system_authentication_failure', typed.message);
          throw typed;
        }
      }
    },

    async validate(ctx, job, entries) {
      const jobIssues = job.vendorBasedBookkeeping
        ? [
            {
              reason: 'invalid_configuration' as const,
              message: 'Voucher API cannot book vendors: turn vendor-based bookkeeping off.',
            },
          ]
        : [];
      const accounts = await api(ctx)<{ accounts: string[] }>('/accounts').catch((error: unknown) =>
        rethrowHttpError(error, { signal: ctx.signal, system: 'Voucher API' }),
      );
      const known = new Set(accounts.accounts);
      const entryIssues = entries.flatMap((entry) =>
        entry.lines.flatMap((line, i) =>
          known.has(line.account)
            ? []
            : [
                {
                  accountingEntryId: entry.accountingEntryId,
                  reason: 'account_unknown' as const,
                  message: `Account ${line.account} does not exist in Voucher API.`,
                  field: `lines[${i}].account`,
                },
              ],
        ),
      );
      return { jobIssues, entryIssues };
    },

    async postEntry(ctx, entry) {
      const body = {
        date: entry.postingDate,
        text: entry.description,
        reference: entry.reference,
        currency: entry.currency,
        lines: entry.lines.map((l) => ({ account: l.account, side: l.side, amountMinor: l.amount })),
      };
      const created = await api(ctx)<{ id: string; createdAt: string }>('/vouchers', {
        method: 'POST',
        body,
        headers: { 'idempotency-key': entry.idempotencyKey },
      }).catch((error: unknown) => rethrowHttpError(error, { signal: ctx.signal, system: 'Voucher API' }));
      return { externalId: created.id, exportedAt: created.createdAt };
    },

    async attach(ctx, posted, file) {
      if (file.bytes.byteLength > MAX_BYTES) {
        throw new ItemError(
          'receipt_file_size_limit_exceeded',
          `Receipt ${file.fileName} is larger than 1 MiB.`,
        );
      }
      if (!ACCEPTED_TYPES.includes(file.mimeType)) {
        throw new ItemError(
          'receipt_conversion_failure',
          `Voucher API does not accept ${file.mimeType} receipts.`,
        );
      }
      await api(ctx)(`/vouchers/${posted.result.externalId}/attachments`, {
        method: 'POST',
        body: file.bytes,
        headers: {
          'content-type': file.mimeType,
          'x-file-name': file.fileName,
          'idempotency-key': `${posted.entry.idempotencyKey}:${file.index}`,
        },
      }).catch((error: unknown) => rethrowHttpError(error, { signal: ctx.signal, system: 'Voucher API' }));
    },
  };
}
