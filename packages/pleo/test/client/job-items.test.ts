import { HttpResponse, http } from 'msw';
import { describe, expect, it } from 'vitest';
import { isPleoErrorType, type UpdateExportJobItemV3 } from '../../src/index';
import { BASE_URL } from '../support/fake-pleo';
import { makeExportItem } from '../support/fixtures';
import { collect, server, useFakePleo } from '../support/msw-server';

const { fake, client } = useFakePleo({ defaultPageSize: 3 });

describe('listJobItems', () => {
  it('streams every item across pages', async () => {
    const job = fake().seedJob({ status: 'in_progress' }, 8, makeExportItem);
    const items = await collect(client().listJobItems(job.id));
    expect(items.map((item) => item.accountingEntryId)).toEqual(
      fake()
        .jobItems.get(job.id)
        ?.map((item) => item.accountingEntryId),
    );
    expect(fake().requests).toHaveLength(3);
  });

  it('sends the status filter and yields whole pages from listJobItemPages', async () => {
    const job = fake().seedJob({ status: 'in_progress' }, 5, makeExportItem);
    const [first] = fake().jobItems.get(job.id) ?? [];
    if (first) first.status = 'failed';
    const pages = await collect(client().listJobItemPages(job.id, { status: 'pending', limit: 2 }));
    expect(pages.map((page) => page.items.length)).toEqual([2, 2]);
    expect(fake().requests.every((request) => request.query.get('status') === 'pending')).toBe(true);
    expect(pages[0]?.pageInfo).toMatchObject({ hasNextPage: true, total: 4 });
  });

  it('maps 404 for an unknown job', async () => {
    const error = await collect(client().listJobItems('8c0f3a2e-5b6d-4e7f-8a9b-0c1d2e3f4a5b')).catch(
      (e: unknown) => e,
    );
    expect(isPleoErrorType(error, 'EXPORT_NOT_FOUND')).toBe(true);
  });
});

describe('updateJobItems', () => {
  it('splits 250 updates into PUTs of 100, 100 and 50 and merges data and errors', async () => {
    const job = fake().seedJob({ status: 'in_progress' }, 247, makeExportItem);
    const known = fake().jobItems.get(job.id) ?? [];
    const unknownIds = [
      'a0000000-0000-4000-8000-000000000001',
      'a0000000-0000-4000-8000-000000000002',
      'a0000000-0000-4000-8000-000000000003',
    ];
    const updates: UpdateExportJobItemV3[] = [
      ...known.slice(0, 120).map((item) => ({
        accountingEntryId: item.accountingEntryId,
        status: 'successful' as const,
        externalId: `V-${item.accountingEntryId.slice(0, 4)}`,
        exportedAt: '2026-11-23T10:00:00Z',
      })),
      { accountingEntryId: unknownIds[0] ?? '', status: 'successful' },
      ...known
        .slice(120, 200)
        .map((item) => ({ accountingEntryId: item.accountingEntryId, status: 'successful' as const })),
      { accountingEntryId: unknownIds[1] ?? '', status: 'failed', failureReasonType: 'account_unknown' },
      ...known.slice(200).map((item) => ({
        accountingEntryId: item.accountingEntryId,
        status: 'failed' as const,
        failureReasonType: 'vendor_unknown' as const,
        failureReason:
          'Selected vendor cannot be processed because it does not exist or is currently blocked.',
      })),
      { accountingEntryId: unknownIds[2] ?? '', status: 'successful' },
    ];
    expect(updates).toHaveLength(250);

    const result = await client().updateJobItems(job.id, updates);

    const puts = fake().requests.filter((request) => request.method === 'PUT');
    expect(puts.map((request) => (request.body as unknown[]).length)).toEqual([100, 100, 50]);
    expect(puts.flatMap((request) => request.body as UpdateExportJobItemV3[])).toEqual(updates);
    expect(result.data).toHaveLength(247);
    expect(result.errors.map((error) => error.accountingEntryId)).toEqual(unknownIds);
    expect(result.errors.every((error) => error.type === 'ACCOUNTING_ENTRY_DOES_NOT_EXIST')).toBe(true);
    expect(result.data.find((item) => item.accountingEntryId === known[0]?.accountingEntryId)).toMatchObject({
      status: 'successful',
      exportedAt: '2026-11-23T10:00:00Z',
    });
  });

  it('sends nothing for an empty list', async () => {
    const job = fake().seedJob({ status: 'in_progress' });
    await expect(client().updateJobItems(job.id, [])).resolves.toEqual({ data: [], errors: [] });
    expect(fake().requests).toHaveLength(0);
  });

  it('maps 413 EXPORT_JOB_ITEMS_UPDATE_LIMIT from a server with a lower limit', async () => {
    const job = fake().seedJob({ status: 'in_progress' }, 3, makeExportItem);
    server.use(
      http.put(`${BASE_URL}/v3/export-jobs/:jobId/items`, () =>
        HttpResponse.json(
          { type: 'EXPORT_JOB_ITEMS_UPDATE_LIMIT', message: 'Number of items to update is more than 100.' },
          { status: 413 },
        ),
      ),
    );
    const updates = (fake().jobItems.get(job.id) ?? []).map((item) => ({
      accountingEntryId: item.accountingEntryId,
      status: 'successful' as const,
    }));
    const error = await client()
      .updateJobItems(job.id, updates)
      .catch((e: unknown) => e);
    expect(isPleoErrorType(error, 'export_job_items_update_limit')).toBe(true);
    expect(error).toMatchObject({ status: 413, retryable: false });
  });

  it('maps 422 EXPORT_JOB_STATUS_UNPROCESSABLE on a finished job', async () => {
    const job = fake().seedJob({ status: 'completed' }, 1, makeExportItem);
    const [item] = fake().jobItems.get(job.id) ?? [];
    const error = await client()
      .updateJobItems(job.id, [{ accountingEntryId: item?.accountingEntryId ?? '', status: 'successful' }])
      .catch((e: unknown) => e);
    expect(isPleoErrorType(error, 'EXPORT_JOB_STATUS_UNPROCESSABLE')).toBe(true);
    expect(error).toMatchObject({ status: 422 });
  });

  it('rejects an invalid update with its index and field before sending anything', async () => {
    const job = fake().seedJob({ status: 'in_progress' }, 1, makeExportItem);
    const [item] = fake().jobItems.get(job.id) ?? [];
    const updates = [
      { accountingEntryId: item?.accountingEntryId ?? '', status: 'successful' as const },
      { accountingEntryId: item?.accountingEntryId ?? '', status: 'done' as never },
    ];
    await expect(client().updateJobItems(job.id, updates)).rejects.toThrow(/updates\[1\]\.status/);
    expect(fake().requests).toHaveLength(0);
  });
});
