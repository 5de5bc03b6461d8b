import { describe, expect, it } from 'vitest';
import { createConnectorContext, secretFieldValues } from '../../src/connector/create-connector-context';
import { createMemoryLogger } from '../../src/security/loggers';

const job = { id: 'job-1', companyId: 'company-1' } as Parameters<typeof createConnectorContext>[0]['job'];

describe('createConnectorContext — log redaction', () => {
  it('scrubs the values of config secretFields (nested too) from messages and fields', () => {
    const logger = createMemoryLogger();
    const config = { tenant: 'acme', oauth: { clientSecret: 'cs_live_abcdef123' }, apiKey: 'ak_live_987654' };
    const ctx = createConnectorContext({
      job,
      config,
      secretFields: ['apiKey', 'oauth.clientSecret'],
      logger,
    });
    ctx.logger.error('call failed with ak_live_987654', { body: 'secret=cs_live_abcdef123', tenant: 'acme' });
    const line = JSON.stringify(logger.lines);
    expect(line).not.toContain('ak_live_987654');
    expect(line).not.toContain('cs_live_abcdef123');
    expect(line).toContain('acme');
  });

  it('reads string values at dot paths and ignores absent or non-string ones', () => {
    expect(secretFieldValues({ a: { b: 'x1234' }, c: 5 }, ['a.b', 'c', 'missing.path'])).toEqual(['x1234']);
    expect(secretFieldValues(undefined, ['a'])).toEqual([]);
  });
});
