/**
 * The proof of faithfulness: every response body the sandbox produces validates against the spec's
 * `components.schemas` (converted from OpenAPI 3.0 to JSON Schema, objects closed).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPleoSandbox, generateSeedItems, type PleoSandbox } from '../src/index';
import { type ApiCall, apiCaller, basicAuth } from './helpers/http-client';
import { specErrors } from './helpers/spec-validator';

let sandbox: PleoSandbox;
let close: () => Promise<void>;
let call: ApiCall;
let jobId: string;
let companyId: string;

beforeAll(async () => {
  sandbox = createPleoSandbox();
  ({ close } = await sandbox.listen());
  const seeded = sandbox.seedCompany({ seed: 7, itemCount: 120 });
  ({ jobId, companyId } = seeded);
  call = apiCaller(sandbox.baseUrl, basicAuth(seeded.apiKey));
});
afterAll(() => close());

describe('response bodies validate against the spec', () => {
  it('GET /v3/export-jobs → CursorPaginatedResponseExportJobV3', async () => {
    const response = await call(
      'GET',
      `/v3/export-jobs?company_id=${companyId}&statuses=pending&statuses=in_progress`,
    );
    expect(response.status).toBe(200);
    expect(response.body.data).toHaveLength(1);
    expect(specErrors('CursorPaginatedResponseExportJobV3', response.body)).toEqual([]);
  });

  it('GET /v3/export-jobs/{jobId} → DataResponseExportJobV3', async () => {
    const response = await call('GET', `/v3/export-jobs/${jobId}`);
    expect(specErrors('DataResponseExportJobV3', response.body)).toEqual([]);
  });

  it('GET /v3/export-items → CursorPaginatedResponseExportItemV3, every generated item', async () => {
    let after = '';
    let pages = 0;
    do {
      const response = await call(
        'GET',
        `/v3/export-items?job_id=${jobId}&limit=50${after ? `&after=${after}` : ''}`,
      );
      expect(response.status).toBe(200);
      expect(specErrors('CursorPaginatedResponseExportItemV3', response.body)).toEqual([]);
      after = response.body.pagination.hasNextPage ? response.body.pagination.endCursor : '';
      pages++;
    } while (after);
    expect(pages).toBe(3);
  });

  it('generateSeedItems output validates item by item (ExportItemV3) for several seeds', () => {
    for (const seed of [1, 2, 3]) {
      for (const item of generateSeedItems({ companyId, seed, count: 80 })) {
        expect(specErrors('ExportItemV3', item), item.accountingEntryId).toEqual([]);
      }
    }
  });

  it('GET/PUT /v3/export-jobs/{jobId}/items → CursorPaginatedResponseExportJobItemV3 / ExportJobItemUpdateV3', async () => {
    const list = await call('GET', `/v3/export-jobs/${jobId}/items?limit=5`);
    expect(specErrors('CursorPaginatedResponseExportJobItemV3', list.body)).toEqual([]);
    const [first, second] = list.body.data;
    const put = await call('PUT', `/v3/export-jobs/${jobId}/items`, [
      {
        accountingEntryId: first.accountingEntryId,
        status: 'successful',
        exportedAt: '2025-02-01T12:00:00Z',
        externalId: 'JE-1001',
        externalUrl: 'https://erp.example/je/1001',
      },
      {
        accountingEntryId: second.accountingEntryId,
        status: 'failed',
        failureReason: 'Account No. 6010 does not exist in the Accounting System. Check Category.',
        failureReasonType: 'account_unknown',
      },
      { accountingEntryId: '00000000-0000-4000-8000-000000000000', status: 'successful' },
    ]);
    expect(put.status).toBe(200);
    expect(put.body.errors).toHaveLength(1);
    expect(specErrors('ExportJobItemUpdateV3', put.body)).toEqual([]);
    const updated = await call('GET', `/v3/export-jobs/${jobId}/items?limit=2`);
    expect(specErrors('CursorPaginatedResponseExportJobItemV3', updated.body)).toEqual([]);
    expect(updated.body.data[1].failureReasonType).toBe('account_unknown');
  });

  it('POST /v3/export-jobs (201) → DataResponseExportJobV3; 409 → ExceptionInfo', async () => {
    const other = sandbox.seedCompany({ itemCount: 3 });
    const otherCall = apiCaller(sandbox.baseUrl, basicAuth(other.apiKey));
    const ids = other.items.map((item) => item.accountingEntryId);
    const conflict = await otherCall('POST', '/v3/export-jobs', {
      accountingEntryIds: ids,
      companyId: other.companyId,
    });
    expect(conflict.status).toBe(409);
    expect(specErrors('ExceptionInfo', conflict.body)).toEqual([]);
    await otherCall('POST', '/v3/export-job-events', {
      event: 'failed',
      jobId: other.jobId,
      failureReasonType: 'canceled_by_user',
    });
    const created = await otherCall('POST', '/v3/export-jobs', {
      accountingEntryIds: ids,
      companyId: other.companyId,
      options: { vendorBasedBookkeeping: true },
    });
    expect(created.status).toBe(201);
    expect(created.body.data).toMatchObject({
      status: 'pending',
      numberOfItems: 3,
      vendorBasedBookkeeping: true,
    });
    expect(specErrors('DataResponseExportJobV3', created.body)).toEqual([]);
  });

  it('error bodies (401, 404, 413, 422, 400) → ExceptionInfo', async () => {
    const bodies = [
      (await apiCaller(sandbox.baseUrl, undefined)('GET', '/v3/export-jobs')).body,
      (await call('GET', '/v3/export-jobs/00000000-0000-4000-8000-000000000000')).body,
      (
        await call(
          'PUT',
          `/v3/export-jobs/${jobId}/items`,
          Array.from({ length: 101 }, () => ({ accountingEntryId: jobId, status: 'successful' })),
        )
      ).body,
      (await call('POST', '/v3/export-job-events', { event: 'completed', jobId })).body,
      (await call('GET', '/v3/export-items?job_id=nope')).body,
    ];
    expect(bodies.map((body) => body.type)).toEqual([
      'UNAUTHORIZED',
      'EXPORT_NOT_FOUND',
      'EXPORT_JOB_ITEMS_UPDATE_LIMIT',
      'INVALID_EXPORT_JOB_STATUS_CHANGE',
      'BAD_REQUEST',
    ]);
    for (const body of bodies) expect(specErrors('ExceptionInfo', body)).toEqual([]);
  });

  it('the validator is not vacuous: a misspelt or mistyped field fails', () => {
    const [item] = generateSeedItems({ companyId, count: 1 });
    expect(
      specErrors('ExportItemV3', { ...item, amount: { inWalletCurrency: { currency: 'DKK', value: '1' } } }),
    ).not.toEqual([]);
    expect(specErrors('ExportItemV3', { ...item, notes: 'typo' })).not.toEqual([]);
    expect(specErrors('ExportJobV3', { ...sandbox.getJob(jobId), startedAt: 'yesterday' })).not.toEqual([]);
  });
});
