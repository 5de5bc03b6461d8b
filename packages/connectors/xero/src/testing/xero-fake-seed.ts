/** An account of the fake organisation (`Account`). */
export interface FakeAccount {
  readonly Code: string;
  readonly Name: string;
  readonly Type: string;
  readonly Status?: 'ACTIVE' | 'ARCHIVED';
}

/** A tax rate of the fake organisation: `rate` is a decimal fraction; `reverseCharge` self-assesses. */
export interface FakeTaxRate {
  readonly TaxType: string;
  readonly Name: string;
  readonly rate: number;
  readonly reverseCharge?: boolean;
  readonly Status?: 'ACTIVE' | 'DELETED' | 'ARCHIVED';
}

/** The seed data of the fake organisation. */
export interface XeroFakeSeed {
  readonly tenants: readonly { readonly tenantId: string; readonly tenantName: string }[];
  readonly organisation: {
    readonly Name: string;
    readonly ShortCode: string;
    readonly BaseCurrency: string;
    /** `YYYY-MM-DD`, inclusive. */
    readonly PeriodLockDate?: string;
    readonly EndOfYearLockDate?: string;
  };
  readonly accounts: readonly FakeAccount[];
  readonly taxRates: readonly FakeTaxRate[];
  readonly contacts: readonly { readonly ContactID: string; readonly Name: string }[];
}

/** Default seed: a UK demo company (GBP) with a Pleo wallet bank account and UK VAT rates. */
export const defaultXeroSeed: XeroFakeSeed = {
  tenants: [{ tenantId: 'a3c3b5e5-6a57-4d1e-9c4e-8f1f1d2f7a10', tenantName: 'Demo Company (UK)' }],
  organisation: { Name: 'Demo Company (UK)', ShortCode: '!xkq7T', BaseCurrency: 'GBP' },
  accounts: [
    { Code: '090', Name: 'Pleo wallet', Type: 'BANK' },
    { Code: '091', Name: 'Pleo wallet EUR', Type: 'BANK' },
    { Code: '800', Name: 'Accounts Payable', Type: 'CURRLIAB' },
    { Code: '820', Name: 'VAT', Type: 'CURRLIAB' },
    { Code: '400', Name: 'Advertising', Type: 'EXPENSE' },
    { Code: '420', Name: 'Entertainment', Type: 'EXPENSE' },
    { Code: '429', Name: 'General Expenses', Type: 'EXPENSE' },
    { Code: '493', Name: 'Travel - National', Type: 'EXPENSE' },
    { Code: '494', Name: 'Travel - International', Type: 'EXPENSE' },
    { Code: '463', Name: 'IT Software', Type: 'EXPENSE' },
    { Code: '404', Name: 'Bank Fees', Type: 'EXPENSE' },
    { Code: '610', Name: 'Accounts Receivable', Type: 'CURRENT' },
    { Code: '477', Name: 'Old Salaries', Type: 'EXPENSE', Status: 'ARCHIVED' },
  ],
  taxRates: [
    { TaxType: 'INPUT2', Name: '20% (VAT on Expenses)', rate: 0.2 },
    { TaxType: 'RRINPUT', Name: '5% (VAT on Expenses)', rate: 0.05 },
    { TaxType: 'ZERORATEDINPUT', Name: 'Zero Rated Expenses', rate: 0 },
    {
      TaxType: 'ECACQUISITIONS',
      Name: '20% EC Acquisitions (reverse charge)',
      rate: 0.2,
      reverseCharge: true,
    },
    { TaxType: 'REVERSECHARGES', Name: 'Reverse Charge Expenses (20%)', rate: 0.2, reverseCharge: true },
    { TaxType: 'NONE', Name: 'No VAT', rate: 0 },
    { TaxType: 'EXEMPTINPUT', Name: 'Exempt Expenses (old)', rate: 0, Status: 'DELETED' },
  ],
  contacts: [{ ContactID: '5b9a1f0c-2d3e-4f50-8a6b-7c8d9e0f1a2b', Name: 'Acme Supplies Ltd' }],
};
