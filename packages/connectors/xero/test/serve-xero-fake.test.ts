import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createXeroConnector } from '../src/index';
import { startXeroFakeServer, type XeroFakeServer } from '../src/testing/index';
import { contextFor, inclusiveVat } from './fixtures';

describe('startXeroFakeServer (real loopback HTTP)', () => {
  let served: XeroFakeServer;
  beforeAll(async () => {
    served = await startXeroFakeServer();
  });
  afterAll(() => served.close());

  it('serves the spec-validating fake to a connector over HTTP', async () => {
    const { ctx } = contextFor(served.fake);
    const connector = createXeroConnector();
    const result = await connector.postEntry(ctx, inclusiveVat());
    expect(served.fake.documents().map((d) => d.id)).toEqual([result.externalId]);
    served.fake.injectFault({ kind: 'network' });
    await expect(connector.postEntry(ctx, inclusiveVat())).rejects.toMatchObject({
      reason: 'accounting_system_unreachable',
    });
    served.fake.assertSpecCompliant();
  });
});
