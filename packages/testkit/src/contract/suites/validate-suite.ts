import { expect, it } from 'vitest';
import type { Harness } from '../harness';

/** `validate` job-level and entry-level; it never writes to the ERP. */
export function validateSuite<Config>(h: Harness<Config>): void {
  it('passes job-level validation (no entries) without writing', async () => {
    const ctx = h.ctx();
    const before = await h.options.erp.writeCount();
    const report = await h.connector().validate(ctx, ctx.job, []);
    expect(report.jobIssues).toEqual([]);
    expect(report.entryIssues).toEqual([]);
    expect(await h.options.erp.writeCount()).toBe(before);
  });

  it('passes entry-level validation of every supported canonical entry without writing', async () => {
    const ctx = h.ctx();
    const entries = h.supportedEntries();
    expect(entries.length, 'the manifest supports none of the canonical entries').toBeGreaterThan(0);
    const before = await h.options.erp.writeCount();
    const report = await h.connector().validate(ctx, ctx.job, entries);
    expect(report.jobIssues).toEqual([]);
    expect(report.entryIssues).toEqual([]);
    expect(await h.options.erp.writeCount()).toBe(before);
    expect(await h.options.erp.listDocuments()).toEqual([]);
  });

  it('handles a job with vendor-based bookkeeping as the manifest declares', async () => {
    const c = h.connector();
    const ctx = h.ctx({ vendorBasedBookkeeping: true });
    const report = await c.validate(ctx, ctx.job, []);
    if (c.manifest.vendorBasedBookkeeping) {
      expect(report.jobIssues, 'the manifest supports vendor-based bookkeeping').toEqual([]);
    } else {
      expect(
        report.jobIssues.map((i) => i.reason),
        'unsupported vendor bookkeeping must fail the job early',
      ).toContain('invalid_configuration');
    }
    expect(await h.options.erp.writeCount()).toBe(0);
  });
}
