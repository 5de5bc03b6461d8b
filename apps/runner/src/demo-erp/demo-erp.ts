import type { Connector } from '@ledgerport/core';
import type { ExportItemV3 } from '@ledgerport/pleo';
import type { DemoCompanySettings } from '../cli/commands/demo-connector-configs';

/**
 * A fake ERP that `ledgerport demo --connector <api connector>` starts in-process on a loopback port,
 * seeded so that the sandbox's seed company can be exported into it.
 */
export interface DemoErp {
  /** What the demo prints about it, e.g. `Xero fake on http://127.0.0.1:4321 (tenant "…", base currency DKK)`. */
  readonly description: string;
  /** The company's connector settings pointing at this ERP (config, secrets, mapping). */
  readonly settings: DemoCompanySettings;
  /**
   * The connector instance to export with, registered in place of the installed one (e.g. with its rate
   * limiter compressed in time like the fake's limits).
   */
  readonly connector: Connector;
  /** Stops the ERP's server. */
  close(): Promise<void>;
}

/** Starts a demo ERP that accepts `items` (the sandbox seed company's items). */
export type StartDemoErp = (items: readonly ExportItemV3[]) => Promise<DemoErp>;

/** An API connector the demo can export with, and how to start its fake ERP. */
export interface DemoErpDefinition {
  /**
   * Wallet currencies the ERP can book (e.g. `['SEK']` for Fortnox, whose vouchers carry no currency):
   * the demo then seeds the company with items of those wallets only. Default: every wallet.
   */
  readonly walletCurrencies?: readonly string[];
  /** Loads the ERP's module lazily (its fake's dependencies load only when chosen). */
  load(): Promise<StartDemoErp>;
}
