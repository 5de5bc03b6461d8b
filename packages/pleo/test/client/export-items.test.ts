import { describe, expect, it } from 'vitest';
import { type ExportItemEnvelope, exportItemV3Schema, isPleoErrorType } from '../../src/index';
import { makeExportItem } from '../support/fixtures';
import { collect, useFakePleo } from '../support/msw-server';

const { fake, client } = useFakePleo({ defaultPageSize: 2 });

describe('listExportItems', () => {
  it('streams typed export items of the job across pages, with job_id on every request', async () => {
    const job = fake().seedJob({ status: 'in_progress' }, 5, makeExportItem);
    const envelopes = await collect(client().listExportItems({ jobId: job.id }));

    expect(envelopes).toHaveLength(5);
    expect(envelopes.every((envelope) => envelope.valid)).toBe(true);
    const seeded = fake().exportItems.get(job.id) ?? [];
    expect(envelopes.map((envelope) => (envelope.valid ? envelope.item : undefined))).toEqual(
      seeded.map((item) => exportItemV3Schema.parse(item)),
    );
    expect(fake().requests).toHaveLength(3);
    expect(fake().requests.every((request) => request.query.get('job_id') === job.id)).toBe(true);
  });

  it('yields an invalid item as { valid: false } with field paths and keeps going', async () => {
    const job = fake().seedJob({ status: 'in_progress' }, 0);
    const good = makeExportItem();
    const broken = makeExportItem();
    const brokenRaw = JSON.parse(JSON.stringify(broken)) as Record<string, unknown> & {
      accountingEntryLines: { tax: { type: string } }[];
      amount: { inWalletCurrency: { value: unknown } };
    };
    const line = brokenRaw.accountingEntryLines[0];
    if (line) line.tax.type = 'zero_rated';
    brokenRaw.amount.inWalletCurrency.value = 1250.5;
    const last = makeExportItem({ type: 'refund' });
    fake().exportItems.set(job.id, [good, brokenRaw, last, { note: 'no id at all' }]);

    const envelopes: ExportItemEnvelope[] = await collect(client().listExportItems({ jobId: job.id }));

    expect(envelopes.map((envelope) => envelope.valid)).toEqual([true, false, true, false]);
    const invalid = envelopes[1];
    if (invalid?.valid !== false) throw new Error('expected an invalid envelope');
    expect(invalid.accountingEntryId).toBe(broken.accountingEntryId);
    expect(invalid.raw).toEqual(brokenRaw);
    expect(invalid.issues.map((issue) => issue.path).sort()).toEqual([
      'accountingEntryLines[0].tax.type',
      'amount.inWalletCurrency.value',
    ]);
    const anonymous = envelopes[3];
    expect(anonymous).toMatchObject({ valid: false, accountingEntryId: undefined });
  });

  it('yields one page of envelopes at a time from listExportItemPages', async () => {
    const job = fake().seedJob({ status: 'pending' }, 3, makeExportItem);
    const pages = await collect(client().listExportItemPages({ jobId: job.id, limit: 2 }));
    expect(pages.map((page) => page.items.length)).toEqual([2, 1]);
    expect(pages.at(-1)?.pageInfo.hasNextPage).toBe(false);
  });

  it('maps 422 EXPORT_JOB_STATUS_UNPROCESSABLE for a finished job', async () => {
    const job = fake().seedJob({ status: 'failed' }, 1, makeExportItem);
    const error = await collect(client().listExportItems({ jobId: job.id })).catch((e: unknown) => e);
    expect(isPleoErrorType(error, 'export_job_status_unprocessable')).toBe(true);
  });
});
