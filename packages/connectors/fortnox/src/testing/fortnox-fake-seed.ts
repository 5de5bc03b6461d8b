/** An account of the fake's chart (`fortnox_AccountListItem`). */
export interface FakeFortnoxAccount {
  readonly Number: number;
  readonly Description: string;
  readonly Active?: boolean;
}

/** A financial year of the fake (`fortnox_FinancialYear`). */
export interface FakeFinancialYear {
  readonly Id: number;
  readonly FromDate: string;
  readonly ToDate: string;
}

/** What the fake Fortnox company holds at start. */
export interface FortnoxFakeSeed {
  /** The company's accounting currency (vouchers carry none). */
  readonly currency: string;
  /** The TenantId the service-account flow must send. */
  readonly tenantId: string;
  readonly financialYears: readonly FakeFinancialYear[];
  readonly voucherSeries: readonly { readonly Code: string; readonly Description: string }[];
  readonly accounts: readonly FakeFortnoxAccount[];
  /** `LockedPeriod.EndDate` (inclusive), or undefined when nothing is locked. */
  readonly lockedThrough?: string | undefined;
}

/**
 * A Swedish BAS-chart company: financial years 2025–2027 (Ids 1–3), voucher series A and B, the testkit's
 * canonical accounts (1930–1935 wallets, 1940 bank, 2440 payables, 2614/2641 VAT, 2890, 5410–6550, 8310)
 * and an inactive 6999.
 */
export const defaultFortnoxSeed: FortnoxFakeSeed = {
  currency: 'SEK',
  tenantId: '1234567',
  financialYears: [
    { Id: 1, FromDate: '2025-01-01', ToDate: '2025-12-31' },
    { Id: 2, FromDate: '2026-01-01', ToDate: '2026-12-31' },
    { Id: 3, FromDate: '2027-01-01', ToDate: '2027-12-31' },
  ],
  voucherSeries: [
    { Code: 'A', Description: 'Redovisningsverifikationer' },
    { Code: 'B', Description: 'Kundfakturor' },
  ],
  accounts: [
    { Number: 1930, Description: 'Företagskonto / Pleo SEK' },
    { Number: 1931, Description: 'Pleo EUR' },
    { Number: 1932, Description: 'Pleo JPY' },
    { Number: 1933, Description: 'Pleo KWD' },
    { Number: 1934, Description: 'Pleo DKK' },
    { Number: 1935, Description: 'Pleo USD' },
    { Number: 1940, Description: 'Bankkonto' },
    { Number: 2440, Description: 'Leverantörsskulder' },
    { Number: 2614, Description: 'Utgående moms omvänd skattskyldighet' },
    { Number: 2641, Description: 'Debiterad ingående moms' },
    { Number: 2890, Description: 'Övriga kortfristiga skulder' },
    { Number: 5410, Description: 'Förbrukningsinventarier' },
    { Number: 5420, Description: 'Programvaror' },
    { Number: 5800, Description: 'Resekostnader' },
    { Number: 6071, Description: 'Representation' },
    { Number: 6212, Description: 'Mobiltelefon' },
    { Number: 6540, Description: 'IT-tjänster' },
    { Number: 6550, Description: 'Konsultarvoden' },
    { Number: 8310, Description: 'Ränteintäkter' },
    { Number: 6999, Description: 'Gammalt konto', Active: false },
  ],
};
