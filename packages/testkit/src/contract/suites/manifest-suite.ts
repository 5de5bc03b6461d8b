import { expect, it } from 'vitest';
import type { Harness } from '../harness';

const KEBAB_CASE = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/**
 * Manifest sanity (connector-manifest.ts): `specificationVersion` 'v1', kebab-case id, http(s) docs URL,
 * positive integer concurrency and batch size, capability flags consistent with the methods present.
 */
export function manifestSuite<Config>(h: Harness<Config>): void {
  it('declares specificationVersion v1, a kebab-case id and a display name', () => {
    const c = h.connector();
    expect(c.specificationVersion).toBe('v1');
    expect(c.id, 'id must be kebab-case, e.g. "fortnox" or "business-central"').toMatch(KEBAB_CASE);
    expect(c.manifest.displayName.trim().length).toBeGreaterThan(0);
  });

  it('links to the ERP documentation with an http(s) URL', () => {
    const { docsUrl } = h.connector().manifest;
    expect(() => new URL(docsUrl), `docsUrl "${docsUrl}" is not a URL`).not.toThrow();
    expect(new URL(docsUrl).protocol).toMatch(/^https?:$/);
  });

  it('has integer maxConcurrency ≥ 1 and batchSize ≥ 1', () => {
    const { maxConcurrency, batchSize } = h.connector().manifest;
    expect(Number.isInteger(maxConcurrency) && maxConcurrency >= 1, `maxConcurrency ${maxConcurrency}`).toBe(
      true,
    );
    expect(Number.isInteger(batchSize) && batchSize >= 1, `batchSize ${batchSize}`).toBe(true);
  });

  it('supports at least one entry type and bookkeeping method', () => {
    const { entryTypes, bookkeepingMethods } = h.connector().manifest;
    expect(entryTypes.length).toBeGreaterThan(0);
    expect(bookkeepingMethods.length).toBeGreaterThan(0);
  });

  it('has attach exactly when attachments are supported, with positive limits', () => {
    const c = h.connector();
    const limits = c.manifest.attachments;
    expect(typeof c.attach === 'function', 'attach present ⇔ manifest.attachments.supported').toBe(
      limits.supported,
    );
    if (limits.supported) {
      expect(limits.maxBytes).toBeGreaterThan(0);
      expect(limits.maxFiles).toBeGreaterThanOrEqual(1);
      expect(limits.mimeTypes.length).toBeGreaterThan(0);
      for (const type of limits.mimeTypes) expect(type).toMatch(/^[a-z]+\/[a-z0-9.+-]+$/);
    }
  });

  it('has postEntries when batchSize > 1', () => {
    const c = h.connector();
    if (c.manifest.batchSize > 1) {
      expect(typeof c.postEntries, 'batchSize > 1 needs postEntries').toBe('function');
    } else {
      expect(c.manifest.batchSize).toBe(1);
    }
  });

  it('has commitJob exactly when delivery is per_job', () => {
    const c = h.connector();
    expect(['per_entry', 'per_job']).toContain(c.manifest.delivery);
    expect(typeof c.commitJob === 'function', 'commitJob present ⇔ delivery per_job').toBe(
      c.manifest.delivery === 'per_job',
    );
  });

  it('declares positive rate limits and a known idempotency mode', () => {
    const { rateLimits, idempotency } = h.connector().manifest;
    expect(['native', 'lookup', 'none']).toContain(idempotency);
    if (rateLimits !== undefined) {
      expect(rateLimits.requests).toBeGreaterThan(0);
      expect(rateLimits.windowMs).toBeGreaterThan(0);
      if (rateLimits.maxConcurrent !== undefined) expect(rateLimits.maxConcurrent).toBeGreaterThanOrEqual(1);
      if (rateLimits.perDay !== undefined) expect(rateLimits.perDay).toBeGreaterThan(0);
    }
  });

  it('names its secret config fields as dot paths', () => {
    for (const field of h.connector().secretFields)
      expect(field).toMatch(/^[A-Za-z_$][\w$]*(?:\.[A-Za-z_$][\w$]*)*$/);
  });
}
