import { CANONICAL_ACCOUNTS as A } from '@ledgerport/testkit';
import { defaultXeroSeed, type XeroFakeSeed } from '../src/testing/index';

/**
 * The fake Xero organisation for the testkit's canonical fixtures: a Swedish company (base SEK) whose
 * chart of accounts holds every canonical account (Pleo wallets per currency as BANK accounts) and
 * whose tax rates carry the canonical tax codes as Xero TaxTypes.
 */
export const canonicalXeroSeed: XeroFakeSeed = {
  ...defaultXeroSeed,
  organisation: { Name: 'Ledgerport Testkit AB', ShortCode: '!Tk42x', BaseCurrency: 'SEK' },
  accounts: [
    { Code: A.walletSek, Name: 'Pleo SEK', Type: 'BANK' },
    { Code: A.walletEur, Name: 'Pleo EUR', Type: 'BANK' },
    { Code: A.walletJpy, Name: 'Pleo JPY', Type: 'BANK' },
    { Code: A.walletKwd, Name: 'Pleo KWD', Type: 'BANK' },
    { Code: A.walletDkk, Name: 'Pleo DKK', Type: 'BANK' },
    { Code: A.walletUsd, Name: 'Pleo USD', Type: 'BANK' },
    { Code: A.bank, Name: 'Company bank', Type: 'BANK' },
    { Code: A.employeePayable, Name: 'Employee reimbursements', Type: 'CURRLIAB' },
    { Code: A.payables, Name: 'Accounts Payable', Type: 'CURRLIAB' },
    { Code: A.inputVat, Name: 'VAT', Type: 'CURRLIAB' },
    { Code: A.outputVatReverse, Name: 'Output VAT reverse charge', Type: 'CURRLIAB' },
    { Code: A.officeSupplies, Name: 'Office supplies', Type: 'EXPENSE' },
    { Code: A.software, Name: 'Software', Type: 'EXPENSE' },
    { Code: A.travel, Name: 'Travel', Type: 'EXPENSE' },
    { Code: A.meals, Name: 'Meals', Type: 'EXPENSE' },
    { Code: A.telecom, Name: 'Telecom', Type: 'EXPENSE' },
    { Code: A.itServices, Name: 'IT services', Type: 'EXPENSE' },
    { Code: A.consulting, Name: 'Consulting', Type: 'EXPENSE' },
    { Code: A.financialIncome, Name: 'Financial income', Type: 'OTHERINCOME' },
  ],
  taxRates: [
    { TaxType: 'MP1', Name: 'Moms 25 %', rate: 0.25 },
    { TaxType: 'MP2', Name: 'Moms 12 %', rate: 0.12 },
    { TaxType: 'E0', Name: 'Exempt', rate: 0 },
    { TaxType: 'DE19', Name: 'Vorsteuer 19 %', rate: 0.19 },
    { TaxType: 'DK25', Name: 'Moms 25 % (DK)', rate: 0.25 },
    { TaxType: 'S25', Name: 'Services 25 %', rate: 0.25 },
    { TaxType: 'JP10', Name: 'Consumption tax 10 %', rate: 0.1 },
    { TaxType: 'RC25', Name: 'Reverse charge 25 %', rate: 0.25, reverseCharge: true },
    { TaxType: 'NONE', Name: 'No VAT', rate: 0 },
  ],
  contacts: [{ ContactID: '0c1b2a39-4d5e-4f60-8172-83940a5b6c7d', Name: 'Nordic Audit ApS' }],
};
