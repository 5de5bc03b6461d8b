/**
 * Reference data for the seed company: wallets and their contra accounts, GL accounts, VAT codes,
 * dimensions (tags), teams, employees, suppliers and vendors. Names include Nordic and German
 * characters on purpose (å, ø, æ, ö, ü, é) to exercise encodings end to end.
 */
import type { ExportItemType } from '@ledgerport/pleo';

/** A wallet of the company: its currency, the country whose VAT applies and the contra (bank) GL account. */
export interface WalletSpec {
  currency: 'DKK' | 'SEK' | 'EUR';
  country: 'DK' | 'SE' | 'DE';
  standardVatRate: number;
  contraAccount: { name: string; code: string; identifier: string };
}

/** The three wallets (multi-currency company). */
export const WALLETS: readonly WalletSpec[] = [
  {
    currency: 'DKK',
    country: 'DK',
    standardVatRate: 0.25,
    contraAccount: { name: 'Pleo DKK konto', code: '5810', identifier: 'BANK-DKK' },
  },
  {
    currency: 'SEK',
    country: 'SE',
    standardVatRate: 0.25,
    contraAccount: { name: 'Pleo SEK-konto', code: '1940', identifier: 'BANK-SEK' },
  },
  {
    currency: 'EUR',
    country: 'DE',
    standardVatRate: 0.19,
    contraAccount: { name: 'Pleo EUR Konto', code: '1210', identifier: 'BANK-EUR' },
  },
];

/** Foreign currencies suppliers charge in, with units of wallet currency per unit (≈ 2025 rates, fixed for determinism). */
export const FOREIGN_CURRENCIES: Readonly<Record<string, Readonly<Record<WalletSpec['currency'], number>>>> =
  {
    USD: { DKK: 6.9, SEK: 10.6, EUR: 0.92 },
    GBP: { DKK: 8.7, SEK: 13.4, EUR: 1.17 },
    NOK: { DKK: 0.64, SEK: 0.98, EUR: 0.086 },
    EUR: { DKK: 7.46, SEK: 11.5, EUR: 1 },
    DKK: { DKK: 1, SEK: 1.54, EUR: 0.134 },
    SEK: { DKK: 0.65, SEK: 1, EUR: 0.087 },
  };

/** A GL (expense) account. */
export interface GlAccountSpec {
  name: string;
  code: string;
  identifier: string;
}

/** Expense GL accounts. */
export const GL_ACCOUNTS = {
  meals: { name: 'Repræsentation', code: '6010', identifier: 'GL-6010' },
  travel: { name: 'Rejseudgifter', code: '6020', identifier: 'GL-6020' },
  software: { name: 'Software og abonnementer', code: '6030', identifier: 'GL-6030' },
  office: { name: 'Kontorartikler', code: '6040', identifier: 'GL-6040' },
  mileage: { name: 'Kørselsgodtgørelse', code: '6050', identifier: 'GL-6050' },
  perDiem: { name: 'Diæter', code: '6060', identifier: 'GL-6060' },
  bankFees: { name: 'Gebyrer', code: '6070', identifier: 'GL-6070' },
  marketing: { name: 'Markedsføring', code: '6100', identifier: 'GL-6100' },
  cash: { name: 'Kasse', code: '5800', identifier: 'GL-5800' },
  transfer: { name: 'Bank overførsel', code: '5820', identifier: 'GL-5820' },
  personal: { name: 'Mellemregning personale', code: '7300', identifier: 'GL-7300' },
  payables: { name: 'Kreditorer', code: '7100', identifier: 'GL-7100' },
  cashbackIncome: { name: 'Cashback indtægter', code: '3900', identifier: 'GL-3900' },
} satisfies Record<string, GlAccountSpec>;

/** Dimension values (tags): `groupCode` is the dimension. */
export const TAGS = [
  { code: 'P-1001', groupCode: 'PROJECT' },
  { code: 'P-1002', groupCode: 'PROJECT' },
  { code: 'P-2040', groupCode: 'PROJECT' },
  { code: 'SALG', groupCode: 'DEPARTMENT' },
  { code: 'UDV', groupCode: 'DEPARTMENT' },
  { code: 'ØKO', groupCode: 'DEPARTMENT' },
] as const;

/** Teams. */
export const TEAMS = [
  { name: 'Engineering', code: '5678' },
  { name: 'Salg & Marketing', code: '5100' },
  { name: 'Økonomi', code: null },
] as const;

/** Employees (users). */
export const EMPLOYEES = [
  { name: 'Søren Ågård', code: 'E-001' },
  { name: 'Jürgen Müller', code: 'E-002' },
  { name: 'Zoë Lefèvre', code: null },
  { name: 'Åsa Öberg', code: 'E-004' },
] as const;

/** A merchant. */
export interface SupplierSpec {
  name: string;
  country: string;
  categoryCode: string;
  currency: string;
  account: keyof typeof GL_ACCOUNTS;
  taxIdentifier: string | null;
}

/** Merchants for card purchases and invoices. */
export const SUPPLIERS: readonly SupplierSpec[] = [
  {
    name: 'Café Møllen',
    country: 'DK',
    categoryCode: '5812',
    currency: 'DKK',
    account: 'meals',
    taxIdentifier: 'DK12345678',
  },
  {
    name: 'SAS Scandinavian Airlines',
    country: 'SE',
    categoryCode: '3058',
    currency: 'SEK',
    account: 'travel',
    taxIdentifier: 'SE556042722001',
  },
  {
    name: 'Atlassian',
    country: 'AU',
    categoryCode: '5734',
    currency: 'USD',
    account: 'software',
    taxIdentifier: null,
  },
  {
    name: 'Bäckerei Schäfer',
    country: 'DE',
    categoryCode: '5462',
    currency: 'EUR',
    account: 'meals',
    taxIdentifier: 'DE811569869',
  },
  {
    name: 'Staples UK',
    country: 'GB',
    categoryCode: '5111',
    currency: 'GBP',
    account: 'office',
    taxIdentifier: 'GB123456789',
  },
  {
    name: 'Google Ireland',
    country: 'IE',
    categoryCode: '7311',
    currency: 'EUR',
    account: 'marketing',
    taxIdentifier: 'IE6388047V',
  },
  {
    name: 'Hotel Bristol Oslo',
    country: 'NO',
    categoryCode: '7011',
    currency: 'NOK',
    account: 'travel',
    taxIdentifier: null,
  },
];

/** ERP vendors (for vendor-based bookkeeping), keyed to suppliers by index. */
export const VENDORS = SUPPLIERS.map((supplier, i) => ({
  name: supplier.name,
  code: `V${String(20001 + i)}`,
  externalId: `vendor-${20001 + i}`,
  country: supplier.country,
  defaultCurrency: supplier.currency,
  registrationNumber: `REG-${31000000 + i * 1111}`,
  taxRegistrationNumber: supplier.taxIdentifier ?? `TAX-${90000 + i}`,
}));

/**
 * Notes with non-ASCII text. All within Latin-1 on purpose: V8 then keeps the strings one-byte,
 * which makes serving large pages about twice as fast as with characters above U+00FF.
 */
export const NOTES = [
  'Frokost med kunde på Nørrebro, 3 deltagere',
  'Flybillet København-Malmö, kundebesøg',
  'Årligt abonnement, fornyet',
  'Büromaterial für das Team',
  'Kaffe og wienerbrød til møde',
  'Hôtel, nuitée pendant la conférence',
  'Résumé printing for the recruiting fair',
  'Taxi från Arlanda till kontoret',
] as const;

/** Types whose entries move a wallet balance and so carry a `contraAccount` (Pleo docs "Accounts mapping"). */
export const CONTRA_ACCOUNT_TYPES: ReadonlySet<ExportItemType> = new Set<ExportItemType>([
  'card_purchase',
  'fee',
  'cashback',
  'refund',
  'chargeback',
  'direct_reimbursement',
  'invoice_payment',
  'card_invoice',
  'atm_withdrawal',
  'personal_spend',
  'wallet_topup',
  'wallet_unload',
]);

/** Types that carry VAT on their lines in the seed. */
export const TAXABLE_TYPES: ReadonlySet<ExportItemType> = new Set<ExportItemType>([
  'card_purchase',
  'out_of_pocket',
  'invoice',
  'refund',
  'chargeback',
  'fee',
  'card_invoice',
  'mileage',
  'per_diem',
]);

/** Types that can be tagged with an ERP vendor (Pleo docs "Vendor tagging in export items"). */
export const VENDOR_TYPES: ReadonlySet<ExportItemType> = new Set<ExportItemType>([
  'card_purchase',
  'fee',
  'chargeback',
  'refund',
  'cashback',
  'invoice',
  'invoice_payment',
]);
