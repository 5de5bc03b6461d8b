import type { DemoErpDefinition } from './demo-erp';

/**
 * The API connectors `ledgerport demo --connector <id>` can export with, by connector id: each starts
 * its spec-validating fake ERP in-process on a loopback port, seeded to accept the seed company.
 */
export const DEMO_ERPS: Readonly<Record<string, DemoErpDefinition>> = {
  xero: { load: async () => (await import('./start-xero-demo-erp')).startXeroDemoErp },
  fortnox: {
    walletCurrencies: ['SEK'],
    load: async () => (await import('./start-fortnox-demo-erp')).startFortnoxDemoErp,
  },
};
