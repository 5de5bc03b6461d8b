import type { Connector } from '@ledgerport/core';
import type { ExportItemV3 } from '@ledgerport/pleo';
import { serveMswHandlers } from '@ledgerport/testkit/http-fake';
import type { DemoErp } from './demo-erp';
import { fortnoxSeedForExportItems } from './fortnox-seed-for-export-items';

/**
 * Fortnox's limit (25 requests per 5 s per token) is enforced by the fake and the connector alike, with
 * the window divided by this factor (25 per 0.5 s), so a 64-item demo takes seconds.
 */
export const FORTNOX_DEMO_TIME_SCALE = 10;

/**
 * The seed company's mapping on the Swedish BAS chart for the Fortnox demo: input VAT 2641, output VAT
 * (reverse charge) 2614, supplier payables 2440, the seed's wallet accounts per currency.
 */
export const FORTNOX_DEMO_MAPPING = {
  inputVatAccount: '2641',
  outputVatAccount: '2614',
  payablesAccount: '2440',
  contraAccounts: { DKK: '5810', SEK: '1940', EUR: '1210' },
} as const;

/**
 * Starts `@ledgerport/connector-fortnox/testing`'s spec-validating Fortnox fake (API v3 and the OAuth
 * token endpoint) over loopback HTTP ({@link serveMswHandlers}), seeded by
 * {@link fortnoxSeedForExportItems} with a SEK company that accepts `items` (Fortnox vouchers carry no
 * currency, so the demo exports the seed company's SEK wallet), and returns the company settings for it
 * (client id, the fake's URLs, seed tag group `DEPARTMENT` as Fortnox cost centre; client secret and first
 * refresh token as secrets) and a Fortnox connector whose limiter runs at the fake's compressed time
 * ({@link FORTNOX_DEMO_TIME_SCALE}). The fake needs Fortnox's spec at `shared/specs/fortnox/openapi.json`
 * beside the repository (or `LEDGERPORT_FORTNOX_SPEC`).
 */
export async function startFortnoxDemoErp(items: readonly ExportItemV3[]): Promise<DemoErp> {
  const [{ createFortnoxFake }, { createFortnoxConnector }] = await Promise.all([
    import('@ledgerport/connector-fortnox/testing'),
    import('@ledgerport/connector-fortnox'),
  ]);
  const seed = fortnoxSeedForExportItems(items, {
    mapping: FORTNOX_DEMO_MAPPING,
    today: new Date().toISOString().slice(0, 10),
  });
  let fake: ReturnType<typeof createFortnoxFake> | undefined;
  const served = await serveMswHandlers((url) => {
    fake = createFortnoxFake({
      apiBaseUrl: `${url}/api`,
      tokenBaseUrl: `${url}/auth`,
      seed,
      timeScale: FORTNOX_DEMO_TIME_SCALE,
    });
    return fake.handlers;
  });
  if (fake === undefined) throw new Error('the Fortnox fake was not created');
  try {
    await fake.ready();
  } catch (error) {
    await served.close();
    throw error;
  }
  const { clientId, clientSecret, refreshToken, apiBaseUrl, tokenBaseUrl } = fake.options;
  // The registry holds connectors of any config type; the runner validates the config with the
  // connector's own schema before calling it.
  const connector = createFortnoxConnector({
    rateLimitTimeScale: FORTNOX_DEMO_TIME_SCALE,
  }) as unknown as Connector;
  return {
    description: `Fortnox fake on ${served.url} (SEK company, voucher series A, rate limit ×${FORTNOX_DEMO_TIME_SCALE} time-compressed)`,
    settings: {
      config: { clientId, apiBaseUrl, tokenBaseUrl, costCenterDimension: 'DEPARTMENT' },
      secrets: { clientSecret, refreshToken },
      mapping: FORTNOX_DEMO_MAPPING,
    },
    connector,
    close: () => served.close(),
  };
}
