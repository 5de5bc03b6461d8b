import type { Connector } from '@ledgerport/core';
import type { ExportItemV3 } from '@ledgerport/pleo';
import type { DemoErp } from './demo-erp';
import { DEMO_XERO_TENANT_ID, xeroSeedForExportItems } from './xero-seed-for-export-items';

/**
 * Xero's per-tenant limits (60 calls/min, 5,000/day) are enforced by the fake and the connector alike,
 * with their windows divided by this factor (60 calls per 3 s), so a 64-item demo takes seconds.
 */
export const XERO_DEMO_TIME_SCALE = 20;

/**
 * The seed company's mapping for the Xero demo: a Danish company (base DKK) whose Pleo wallets are
 * Xero BANK accounts (the seed's contra accounts 5810/1940/1210), VAT and payables as current liabilities.
 */
export const XERO_DEMO_MAPPING = {
  inputVatAccount: '2641',
  outputVatAccount: '2614',
  payablesAccount: '2440',
  contraAccounts: { DKK: '5810', SEK: '1940', EUR: '1210' },
} as const;

/**
 * Starts `@ledgerport/connector-xero/testing`'s spec-validating Xero fake (accounting API, identity
 * token endpoint, `/Connections`) on a loopback port, seeded by {@link xeroSeedForExportItems} with an
 * organisation that accepts `items` (base currency DKK), and returns the company settings for it
 * (client id, tenant id, tracking categories for the seed's PROJECT and DEPARTMENT tags, the fake's
 * URLs; the client secret and first refresh token as secrets; posting mode `posted`) and a Xero connector whose limiter runs at
 * the fake's compressed time ({@link XERO_DEMO_TIME_SCALE}). Loaded lazily by `ledgerport demo
 * --connector xero`, so msw and openapi-backend load only then.
 */
export async function startXeroDemoErp(items: readonly ExportItemV3[]): Promise<DemoErp> {
  const [{ startXeroFakeServer }, { createXeroConnector }] = await Promise.all([
    import('@ledgerport/connector-xero/testing'),
    import('@ledgerport/connector-xero'),
  ]);
  const seed = xeroSeedForExportItems(items, { baseCurrency: 'DKK', mapping: XERO_DEMO_MAPPING });
  const server = await startXeroFakeServer({ seed, timeScale: XERO_DEMO_TIME_SCALE });
  const { clientId, clientSecret, refreshToken } = server.fake.options;
  // The registry holds connectors of any config type; the runner validates the config with the
  // connector's own schema before calling it.
  const connector = createXeroConnector({ rateLimitTimeScale: XERO_DEMO_TIME_SCALE }) as unknown as Connector;
  return {
    description: `Xero fake on ${server.url} (organisation "${seed.organisation.Name}", base currency ${seed.organisation.BaseCurrency}, rate limits ×${XERO_DEMO_TIME_SCALE} time-compressed)`,
    settings: {
      config: {
        clientId,
        tenantId: DEMO_XERO_TENANT_ID,
        trackingCategories: { PROJECT: 'Project', DEPARTMENT: 'Department' },
        ...server.urls,
      },
      secrets: { clientSecret, refreshToken },
      mapping: XERO_DEMO_MAPPING,
      // Xero has no draft bank transactions and pays only authorised bills: book everything as posted
      // rather than have the connector warn per foreign-currency or paid entry that draft was not possible.
      postingMode: 'posted',
    },
    connector,
    close: () => server.close(),
  };
}
