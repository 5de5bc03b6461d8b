import type { Connector } from '@ledgerport/core';
import { describe, expect, it } from 'vitest';
import { createConnectorRegistry, isConnector } from '../../src/registry/connector-registry';
import { createFileLedgerConnector } from '../crash/file-ledger-connector';

const connectorWithId = (id: string): Connector => ({ ...createFileLedgerConnector(), id }) as Connector;

describe('createConnectorRegistry', () => {
  it('finds connector objects and create…Connector factories, and explains packages it cannot use', async () => {
    const registry = await createConnectorRegistry({
      packages: [
        { packageName: '@x/object', load: async () => ({ alpha: connectorWithId('alpha'), version: '1.0' }) },
        {
          packageName: '@x/factory',
          load: async () => ({ createBetaConnector: () => connectorWithId('beta') }),
        },
        { packageName: '@x/empty', load: async () => ({ helper: () => 1 }) },
        {
          packageName: '@x/broken',
          load: async () => Promise.reject(new Error('Cannot find module "@x/broken"\nstack…')),
        },
        {
          packageName: '@x/needs-options',
          load: async () => ({
            createGammaConnector: () => {
              throw new Error('tenantId is required');
            },
          }),
        },
      ],
    });
    expect(registry.list().map((c) => [c.id, c.packageName])).toEqual([
      ['alpha', '@x/object'],
      ['beta', '@x/factory'],
    ]);
    expect(registry.get('beta')?.connector.manifest.displayName).toBe('File ledger (crash test)');
    expect(registry.get('gamma')).toBeUndefined();
    expect(registry.unavailable).toEqual([
      {
        packageName: '@x/empty',
        reason: 'exports no connector (no v1 connector object or create…Connector factory)',
      },
      { packageName: '@x/broken', reason: 'cannot be loaded: Cannot find module "@x/broken"' },
      {
        packageName: '@x/needs-options',
        reason: 'createGammaConnector() failed without options: tenantId is required',
      },
    ]);
  });

  it('lets programmatic connectors override installed ones with the same id', async () => {
    const inline = connectorWithId('alpha');
    const registry = await createConnectorRegistry({
      packages: [{ packageName: '@x/object', load: async () => ({ alpha: connectorWithId('alpha') }) }],
      connectors: [inline],
    });
    expect(registry.get('alpha')).toEqual({ id: 'alpha', packageName: 'inline', connector: inline });
  });

  it('loads the installed @ledgerport/connector-* packages', async () => {
    const registry = await createConnectorRegistry();
    const ids = registry.list().map((c) => c.id);
    expect(ids).toContain('memory');
    expect(ids).toContain('sie');
    for (const { connector } of registry.list()) expect(isConnector(connector)).toBe(true);
  });

  it('isConnector rejects look-alikes', () => {
    expect(isConnector({ specificationVersion: 'v2', id: 'x' })).toBe(false);
    expect(isConnector(null)).toBe(false);
    expect(isConnector(createFileLedgerConnector())).toBe(true);
  });
});
