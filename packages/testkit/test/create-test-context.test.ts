import { defineConnector, JobError } from '@ledgerport/core';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { CANONICAL_COMPANY_ID, createTestContext } from '../src/index';

const connector = defineConnector({
  specificationVersion: 'v1',
  id: 'probe',
  manifest: {
    displayName: 'Probe',
    docsUrl: 'https://example.com/docs',
    authMode: 'api_key',
    attachments: { supported: false },
    entryTypes: ['card_purchase'],
    bookkeepingMethods: ['journal'],
    vendorBasedBookkeeping: false,
    idempotency: 'native',
    maxConcurrency: 1,
    batchSize: 1,
    delivery: 'per_entry',
  },
  configSchema: z.object({ tenant: z.string(), auth: z.object({ clientSecret: z.string() }) }),
  secretFields: ['auth.clientSecret'],
  async authenticate() {},
  async validate() {
    return { jobIssues: [], entryIssues: [] };
  },
  async postEntry() {
    return { externalId: '1', exportedAt: new Date(0).toISOString() };
  },
});

describe('createTestContext', () => {
  const config = { tenant: 't-1', auth: { clientSecret: 'cs-very-secret-1' } };

  it('parses the config and binds the canonical job', () => {
    const ctx = createTestContext(connector, config);
    expect(ctx.config).toEqual(config);
    expect(ctx.companyId).toBe(CANONICAL_COMPANY_ID);
    expect(ctx.signal.aborted).toBe(false);
  });

  it('captures log lines with secrets and secret config fields redacted', () => {
    const ctx = createTestContext(connector, config, { secrets: { token: 'tok-abcdef-123' } });
    ctx.logger.info('calling with tok-abcdef-123', { config: ctx.config, header: 'Bearer tok-abcdef-123' });
    ctx.logger.child({ clientSecret: 'cs-very-secret-1' }).warn('child line');
    const text = JSON.stringify(ctx.logger.lines);
    expect(ctx.logger.lines).toHaveLength(2);
    expect(text).not.toContain('tok-abcdef-123');
    expect(text).not.toContain('cs-very-secret-1');
    expect(text).toContain('[REDACTED]');
  });

  it('exposes secrets through ctx.secrets and fails require() naming the secret', () => {
    const ctx = createTestContext(connector, config, { secrets: { token: 'tok-abcdef-123' } });
    expect(ctx.secrets.get('token')).toBe('tok-abcdef-123');
    expect(() => ctx.secrets.require('missing')).toThrow(JobError);
  });

  it('names the field when the config does not parse', () => {
    expect(() => createTestContext(connector, { tenant: 't-1', auth: {} })).toThrow(/auth\.clientSecret/);
  });
});
