import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPleoSandbox, type PleoSandbox } from '../src/index';
import { apiCaller, basicAuth } from './helpers/http-client';

let sandbox: PleoSandbox;
let close: () => Promise<void>;

beforeAll(async () => {
  sandbox = createPleoSandbox();
  ({ close } = await sandbox.listen());
});
afterAll(() => close());

describe('PUT /v3/export-jobs/{jobId}/items', () => {
  it('succeeds partially: known entries are updated, unknown ones reported as ACCOUNTING_ENTRY_DOES_NOT_EXIST', async () => {
    const { apiKey, jobId, items } = sandbox.seedCompany({ itemCount: 3 });
    const call = apiCaller(sandbox.baseUrl, basicAuth(apiKey));
    await call('POST', '/v3/export-job-events', { event: 'started', jobId });
    const unknown = '11111111-2222-4333-8444-555555555555';
    const response = await call('PUT', `/v3/export-jobs/${jobId}/items`, [
      {
        accountingEntryId: items[0]!.accountingEntryId,
        status: 'successful',
        externalId: 'GL-2025-0042',
        externalUrl: 'https://erp.example/vouchers/42',
        exportedAt: '2025-06-01T10:15:00Z',
      },
      { accountingEntryId: unknown, status: 'successful' },
      {
        accountingEntryId: items[2]!.accountingEntryId,
        status: 'failed',
        failureReasonType: 'vendor_unknown',
        failureReason:
          'Selected vendor cannot be processed because it does not exist or is currently blocked.',
      },
    ]);
    expect(response.status).toBe(200);
    expect(response.body.errors).toEqual([
      {
        accountingEntryId: unknown,
        type: 'ACCOUNTING_ENTRY_DOES_NOT_EXIST',
        message: 'Accounting entry does not exist',
      },
    ]);
    expect(response.body.data).toEqual([
      {
        accountingEntryId: items[0]!.accountingEntryId,
        exportJobId: jobId,
        status: 'successful',
        externalId: 'GL-2025-0042',
        externalUrl: 'https://erp.example/vouchers/42',
        exportedAt: '2025-06-01T10:15:00Z',
        failureReason: null,
      },
      {
        accountingEntryId: items[2]!.accountingEntryId,
        exportJobId: jobId,
        status: 'failed',
        exportedAt: null,
        externalId: null,
        externalUrl: null,
        failureReason:
          'Selected vendor cannot be processed because it does not exist or is currently blocked.',
        failureReasonType: 'vendor_unknown',
      },
    ]);
    expect(sandbox.getJobItems(jobId).map((item) => item.status)).toEqual([
      'successful',
      'pending',
      'failed',
    ]);
  });

  it('an update of an already-updated entry overwrites its outcome (idempotent per entry)', async () => {
    const { apiKey, jobId, items } = sandbox.seedCompany({ itemCount: 1 });
    const call = apiCaller(sandbox.baseUrl, basicAuth(apiKey));
    const id = items[0]!.accountingEntryId;
    await call('PUT', `/v3/export-jobs/${jobId}/items`, [
      { accountingEntryId: id, status: 'failed', failureReasonType: 'tag_unknown' },
    ]);
    await call('PUT', `/v3/export-jobs/${jobId}/items`, [
      { accountingEntryId: id, status: 'successful', externalId: 'X1' },
    ]);
    expect(sandbox.getJobItems(jobId)).toEqual([
      {
        accountingEntryId: id,
        exportJobId: jobId,
        status: 'successful',
        externalId: 'X1',
        exportedAt: null,
        externalUrl: null,
        failureReason: null,
      },
    ]);
  });

  it('GET …/items?status= filters, counts and pages by status', async () => {
    const { apiKey, jobId, items } = sandbox.seedCompany({ itemCount: 30 });
    const call = apiCaller(sandbox.baseUrl, basicAuth(apiKey));
    const successful = items.filter((_, i) => i % 3 === 0).map((item) => item.accountingEntryId);
    await call(
      'PUT',
      `/v3/export-jobs/${jobId}/items`,
      successful.map((accountingEntryId) => ({ accountingEntryId, status: 'successful' })),
    );
    const seen: string[] = [];
    let after = '';
    do {
      const page = await call(
        'GET',
        `/v3/export-jobs/${jobId}/items?status=successful&limit=4${after ? `&after=${after}` : ''}`,
      );
      expect(page.body.pagination.total).toBe(10);
      for (const item of page.body.data) {
        expect(item.status).toBe('successful');
        seen.push(item.accountingEntryId);
      }
      after = page.body.pagination.hasNextPage ? page.body.pagination.endCursor : '';
    } while (after);
    expect(seen).toEqual(successful);
    const pending = await call('GET', `/v3/export-jobs/${jobId}/items?status=pending&limit=1000`);
    expect(pending.body.data).toHaveLength(20);
    const none = await call('GET', `/v3/export-jobs/${jobId}/items?status=abandoned`);
    expect(none.body).toMatchObject({ data: [], pagination: { hasNextPage: false, total: 0 } });
  });
});
