/**
 * Deterministic seed data: realistic, spec-valid `ExportItemV3` entries for one company.
 *
 * Item `i` depends only on `(seed, companyId, i)`, so a job of 100,000 items can be served lazily
 * ({@link generatedItemSource}) without holding the items in memory. Coverage is built into the
 * index: the type cycles through every `ExportItemTypeV3` (17), the wallet currency through DKK,
 * SEK and EUR every 17 items, and the tax scenario through inclusive / exclusive / reverse /
 * zero-rated / no tax, so any 60+ consecutive items contain every combination the issue lists.
 *
 * Amount identities (all `value`s integer minor units, Pleo spec `MoneyModel`; all values positive,
 * the direction follows `type`):
 * - inclusive: `netAmount = lineAmount − tax.amount`
 * - exclusive: `lineAmount = netAmount + tax.amount`
 * - reverse:   `lineAmount = netAmount`, `tax.amount` is the self-assessed VAT (`netAmount × rate`)
 * - zero / none: `lineAmount = netAmount`, `tax.rate = 0` and `tax.amount = 0`, or `tax = null`
 * - `amount = Σ lineAmount` in both currencies.
 */

import type {
  BookkeepingMethod,
  CountryCode,
  ExportItemSubType,
  ExportItemType,
  TaxType,
} from '@ledgerport/pleo';
import { exportItemTypeSchema } from '@ledgerport/pleo';
import type {
  CurrencyCode,
  DualCurrencyAmount,
  ExportItemFile,
  ExportItemLineV3,
  ExportItemV3,
} from '../model/pleo-types';
import { RECEIPT_VARIANTS, receiptBytes, receiptFileId } from '../receipts/receipt-catalog';
import type { ItemSource } from '../store/item-source';
import { createRandom, hashLabel, indexedUuid } from './prng';
import {
  CONTRA_ACCOUNT_TYPES,
  EMPLOYEES,
  FOREIGN_CURRENCIES,
  GL_ACCOUNTS,
  type GlAccountSpec,
  NOTES,
  SUPPLIERS,
  TAGS,
  TAXABLE_TYPES,
  TEAMS,
  VENDOR_TYPES,
  VENDORS,
  WALLETS,
  type WalletSpec,
} from './seed-catalog';

/** Options of {@link generateSeedItems}. */
export interface GenerateSeedItemsOptions {
  /** Company the items belong to (`ExportItemV3.companyId`). */
  companyId: string;
  /** PRNG seed; the same seed and company give the same items. Default 1. */
  seed?: number | undefined;
  /** Number of items; default 64 (≥ 60 covers every type/tax/currency combination listed). */
  count?: number | undefined;
  /** Origin used in receipt URLs before the sandbox re-issues them; default `https://sandbox.pleo.test`. */
  fileBaseUrl?: string | undefined;
}

/** Tax scenarios the generator cycles through. */
export type SeedTaxScenario = TaxType | 'zero' | 'none';
const TAX_SCENARIOS: readonly SeedTaxScenario[] = ['inclusive', 'exclusive', 'reverse', 'zero', 'none'];
const ITEM_TYPES = exportItemTypeSchema.options;
const BOOKKEEPING_CYCLE: readonly (BookkeepingMethod | null)[] = [
  'journal',
  'accounts_payable',
  'journal',
  null,
];
const BASE_DATE_MS = Date.UTC(2025, 0, 2, 8, 0, 0);

/** Company-wide ids (accounts, tags, teams, …) derived once per seed. */
interface SeedContext {
  seed: number;
  companyId: string;
  fileBaseUrl: string;
  id: (label: string) => string;
  /**
   * A reference object (account, tag, vendor, …) for `key`: one shared instance per key when
   * serving lazily (`share`), a fresh copy otherwise so returned items never alias each other.
   */
  ref: <T>(key: string, build: () => T) => T;
}

function createContext(o: GenerateSeedItemsOptions, share: boolean): SeedContext {
  const seed = ((o.seed ?? 1) ^ hashLabel(o.companyId)) >>> 0;
  const cache = new Map<string, string>();
  const refs = new Map<string, unknown>();
  return {
    ref<T>(key: string, build: () => T): T {
      if (!share) return build();
      let value = refs.get(key) as T | undefined;
      if (value === undefined) {
        value = build();
        refs.set(key, value);
      }
      return value;
    },
    seed,
    companyId: o.companyId,
    fileBaseUrl: (o.fileBaseUrl ?? 'https://sandbox.pleo.test').replace(/\/+$/, ''),
    id(label) {
      let value = cache.get(label);
      if (value === undefined) {
        value = createRandom(seed, `id:${label}`).uuid();
        cache.set(label, value);
      }
      return value;
    },
  };
}

/** The `accountingEntryId` of item `index` (O(1)). */
function entryId(ctx: SeedContext, index: number): string {
  return indexedUuid(ctx.seed, 'entry', index);
}

function money(currency: string, value: number) {
  return { currency: currency as CurrencyCode, value };
}

function dual(
  supplierCurrency: string,
  supplierValue: number,
  walletCurrency: string,
  walletValue: number,
): DualCurrencyAmount {
  return {
    inSupplierCurrency: money(supplierCurrency, supplierValue),
    inWalletCurrency: money(walletCurrency, walletValue),
  };
}

interface LinePlan {
  account: GlAccountSpec;
  walletAmount: number;
  scenario: SeedTaxScenario;
  rate: number;
}

function accountFor(type: ExportItemType, supplierAccount: GlAccountSpec): GlAccountSpec {
  switch (type) {
    case 'mileage':
      return GL_ACCOUNTS.mileage;
    case 'per_diem':
      return GL_ACCOUNTS.perDiem;
    case 'fee':
      return GL_ACCOUNTS.bankFees;
    case 'atm_withdrawal':
      return GL_ACCOUNTS.cash;
    case 'wallet_topup':
    case 'wallet_unload':
      return GL_ACCOUNTS.transfer;
    case 'personal_spend':
    case 'direct_reimbursement':
    case 'external_reimbursement':
      return GL_ACCOUNTS.personal;
    case 'invoice_payment':
      return GL_ACCOUNTS.payables;
    case 'cashback':
      return GL_ACCOUNTS.cashbackIncome;
    default:
      return supplierAccount;
  }
}

function subTypeFor(type: ExportItemType, index: number): ExportItemSubType | undefined {
  if (type === 'direct_reimbursement')
    return index % 2 === 0 ? 'reimbursement_to_employee' : 'reimbursement_to_company';
  if (type === 'external_reimbursement') return 'reimbursement_to_employee';
  if (type === 'invoice_payment') return 'invoice_payment_sent';
  if (type === 'cashback') return 'interest';
  return undefined;
}

/**
 * Builds the lines of an item, converting each wallet amount to the supplier currency at `fx`
 * (wallet units per supplier unit) and keeping the tax identities exact in both currencies.
 */
function buildLines(
  ctx: SeedContext,
  index: number,
  plans: readonly LinePlan[],
  wallet: WalletSpec,
  supplierCurrency: string,
  fx: number,
): ExportItemLineV3[] {
  const toSupplier = (walletValue: number) => Math.round(walletValue / fx);
  return plans.map((plan, j) => {
    const { scenario, rate } = plan;
    const w = plan.walletAmount;
    let lineW = w;
    let netW = w;
    let taxW = 0;
    if (scenario === 'inclusive') {
      taxW = Math.round((w * rate) / (1 + rate));
      netW = w - taxW;
    } else if (scenario === 'exclusive') {
      taxW = Math.round(w * rate);
      lineW = w + taxW;
    } else if (scenario === 'reverse') {
      taxW = Math.round(w * rate);
    }
    let lineS = toSupplier(lineW);
    let netS = toSupplier(netW);
    const taxS = toSupplier(taxW);
    if (scenario === 'inclusive') netS = lineS - taxS;
    if (scenario === 'exclusive') lineS = netS + taxS;
    if (scenario === 'reverse' || scenario === 'zero' || scenario === 'none') netS = lineS;

    const tagCount = (index + j) % 3;
    const tags =
      tagCount === 0 && index % 2 === 0
        ? null
        : [TAGS[(index + j) % 3]!, TAGS[3 + ((index + 2 * j) % 3)]!]
            .slice(0, Math.max(tagCount, 1))
            .map((tag) =>
              ctx.ref(`tag:${tag.code}`, () => ({
                id: ctx.id(`tag:${tag.code}`),
                code: tag.code,
                groupCode: tag.groupCode,
              })),
            );

    const line: ExportItemLineV3 = {
      accountingEntryLineId: indexedUuid(ctx.seed, 'line', index * 4 + j),
      lineAmount: dual(supplierCurrency, lineS, wallet.currency, lineW),
      netAmount: dual(supplierCurrency, netS, wallet.currency, netW),
      account: ctx.ref(`account:${plan.account.code}`, () => ({
        id: ctx.id(`account:${plan.account.code}`),
        name: plan.account.name,
        code: plan.account.code,
        identifier: plan.account.identifier,
      })),
      tags,
      tax: null,
    };
    if (scenario !== 'none') {
      const code =
        scenario === 'reverse'
          ? `${wallet.country}-RC${Math.round(rate * 100)}`
          : scenario === 'zero'
            ? `${wallet.country}-I0`
            : `${wallet.country}-I${Math.round(rate * 100)}`;
      line.tax = {
        id: ctx.id(`tax:${code}`),
        code,
        rate: scenario === 'zero' ? 0 : rate,
        type: scenario === 'zero' ? 'inclusive' : scenario,
        amount: dual(supplierCurrency, taxS, wallet.currency, taxW),
        ...(scenario === 'reverse' ? { ingoingTaxAccount: '6902', outgoingTaxAccount: '6901' } : {}),
      };
    }
    return line;
  });
}

function buildFiles(
  ctx: SeedContext,
  id: string,
  type: ExportItemType,
  index: number,
): ExportItemFile[] | null {
  if (type === 'wallet_topup' || type === 'wallet_unload' || type === 'per_diem')
    return index % 2 === 0 ? null : [];
  const count = (index * 7 + Math.floor(index / 5)) % 4;
  const files: ExportItemFile[] = [];
  for (let n = 0; n < count; n++) {
    const variant = RECEIPT_VARIANTS[(index + n * 4) % RECEIPT_VARIANTS.length]!;
    files.push({
      url: `${ctx.fileBaseUrl}/files/${receiptFileId(variant.key, id, n)}`,
      type: variant.type,
      size: receiptBytes(variant.key).byteLength,
    });
  }
  return files;
}

/** Generates item `index` of the seed described by `ctx`. */
function generateItem(ctx: SeedContext, index: number): ExportItemV3 {
  const rnd = createRandom(ctx.seed, 'item', index);
  const type = ITEM_TYPES[index % ITEM_TYPES.length]!;
  const wallet = WALLETS[Math.floor(index / ITEM_TYPES.length) % WALLETS.length]!;
  const id = entryId(ctx, index);
  const hasMerchant = ![
    'mileage',
    'per_diem',
    'wallet_topup',
    'wallet_unload',
    'direct_reimbursement',
    'external_reimbursement',
  ].includes(type);
  const supplier = SUPPLIERS[(index * 5 + Math.floor(index / 3)) % SUPPLIERS.length]!;
  const foreign = hasMerchant && supplier.currency !== wallet.currency && type !== 'cashback';
  const supplierCurrency = foreign ? supplier.currency : wallet.currency;
  const fx = foreign ? FOREIGN_CURRENCIES[supplier.currency]![wallet.currency] : 1;

  const taxable = TAXABLE_TYPES.has(type);
  const scenarioOf = (k: number): SeedTaxScenario =>
    taxable ? TAX_SCENARIOS[(Math.floor(index / 2) + k) % TAX_SCENARIOS.length]! : 'none';
  const rateOf = (scenario: SeedTaxScenario) =>
    type === 'mileage' || type === 'per_diem' || scenario === 'zero' ? 0 : wallet.standardVatRate;
  const baseAccount = accountFor(type, GL_ACCOUNTS[supplier.account]);
  const splittable = ['card_purchase', 'out_of_pocket', 'invoice', 'card_invoice'].includes(type);
  const lineCount = splittable && index % 3 !== 0 ? 1 + (index % 3) : 1;
  const plans: LinePlan[] = [];
  for (let k = 0; k < lineCount; k++) {
    let scenario = scenarioOf(k);
    if ((type === 'mileage' || type === 'per_diem') && scenario !== 'none') scenario = 'zero';
    plans.push({
      account: k === 0 ? baseAccount : [GL_ACCOUNTS.office, GL_ACCOUNTS.meals, GL_ACCOUNTS.software][k % 3]!,
      walletAmount: rnd.int(1_500, 250_000),
      scenario,
      rate: rateOf(scenario),
    });
  }
  const lines = buildLines(ctx, index, plans, wallet, supplierCurrency, fx);
  const amount = dual(
    supplierCurrency,
    lines.reduce((sum, line) => sum + line.lineAmount.inSupplierCurrency.value, 0),
    wallet.currency,
    lines.reduce((sum, line) => sum + line.lineAmount.inWalletCurrency.value, 0),
  );

  const vendorTaggable = VENDOR_TYPES.has(type) && hasMerchant;
  let method: BookkeepingMethod | null =
    type === 'wallet_topup' || type === 'wallet_unload'
      ? 'none'
      : type === 'invoice' || type === 'invoice_payment'
        ? 'accounts_payable'
        : BOOKKEEPING_CYCLE[Math.floor(index / 17) % BOOKKEEPING_CYCLE.length]!;
  // Accounts payable needs a vendor (Pleo docs "Bookkeeping methods"): only for vendor-taggable types.
  if (method === 'accounts_payable' && !vendorTaggable) method = 'journal';
  const vendorIndex = SUPPLIERS.indexOf(supplier);
  const vendorSpec = VENDORS[vendorIndex]!;
  const withVendor =
    VENDOR_TYPES.has(type) &&
    hasMerchant &&
    (method === 'accounts_payable' || (method === 'journal' && index % 2 === 0));
  const employee = EMPLOYEES[index % EMPLOYEES.length]!;
  const team = TEAMS[index % TEAMS.length]!;
  const date = new Date(BASE_DATE_MS + index * 37 * 60 * 60 * 1000 + rnd.int(0, 3599) * 1000);
  const dateText = `${date.toISOString().slice(0, 19)}Z`;
  const reconciliationId = `BK-${String(100000 + (index % 900000))}-${id.slice(0, 4).toUpperCase()}`;

  const item: ExportItemV3 = {
    _links: {
      web: { exportItem: `https://app.pleo.io/export/${id}` },
      mobile: { exportItem: `pleo://export/${id}` },
      api: { exportItem: `https://external.pleo.io/v3/export-items/${id}` },
    },
    accountingEntryId: id,
    companyId: ctx.companyId,
    type,
    date: dateText,
    amount,
    note: index % 6 === 5 ? null : NOTES[index % NOTES.length]!,
    files: buildFiles(ctx, id, type, index),
    supplier: hasMerchant
      ? ctx.ref(`supplier:${supplier.name}`, () => ({
          name: supplier.name,
          code: `M${hashLabel(supplier.name) % 10_000_000}`,
          account: null,
          categoryCode: supplier.categoryCode,
          country: supplier.country as CountryCode,
          taxIdentifier: supplier.taxIdentifier,
        }))
      : null,
    vendor: withVendor
      ? ctx.ref(`vendor:${vendorSpec.code}`, () => ({
          id: ctx.id(`vendor:${vendorSpec.code}`),
          name: vendorSpec.name,
          code: vendorSpec.code,
          externalId: vendorSpec.externalId,
          country: vendorSpec.country as CountryCode,
          defaultCurrency: vendorSpec.defaultCurrency,
          registrationNumber: vendorSpec.registrationNumber,
          taxRegistrationNumber: vendorSpec.taxRegistrationNumber,
        }))
      : null,
    bookkeeping: method === null ? null : { method },
    contraAccount: CONTRA_ACCOUNT_TYPES.has(type)
      ? ctx.ref(`contra:${wallet.currency}`, () => ({
          id: ctx.id(`contra:${wallet.currency}`),
          name: wallet.contraAccount.name,
          code: wallet.contraAccount.code,
          identifier: wallet.contraAccount.identifier,
        }))
      : null,
    user:
      type === 'wallet_topup' || type === 'wallet_unload' || type === 'fee' || type === 'cashback'
        ? null
        : ctx.ref(`user:${employee.name}`, () => ({
            id: ctx.id(`user:${employee.name}`),
            name: employee.name,
            code: employee.code,
          })),
    team:
      index % 5 === 4
        ? null
        : ctx.ref(`team:${team.name}`, () => ({
            id: ctx.id(`team:${team.name}`),
            name: team.name,
            code: team.code,
          })),
    additionalInformation: {
      reconciliationId,
      attendees:
        type === 'card_purchase' && index % 2 === 0 ? ['Søren Ågård', 'Ingrid Næss', 'José Müller'] : null,
      reconciledEntries:
        type === 'direct_reimbursement' || type === 'external_reimbursement'
          ? [`BK-${String(100000 + ((index + 899_999) % 900000))}`]
          : null,
      invoiceInformation:
        type === 'invoice' || type === 'invoice_payment'
          ? {
              invoiceNumber: `INV-${2025}-${String(index).padStart(5, '0')}`,
              invoiceDate: dateText.slice(0, 10),
              dueDate: new Date(date.getTime() + 30 * 86_400_000).toISOString().slice(0, 10),
              paymentDate: type === 'invoice_payment' ? dateText.slice(0, 10) : null,
              status: 'paid',
              supplierBankAccount: {
                bankName: supplier.country === 'DK' ? 'Danske Bank' : 'Nordea',
                country: supplier.country as CountryCode,
                accountNumber: null,
                bankCode: null,
                bic: 'NDEADKKK',
                iban: `DK50${String(hashLabel(supplier.name)).padStart(14, '0').slice(0, 14)}`,
              },
            }
          : null,
    },
    accountingEntryLines: lines,
  };
  const subType = subTypeFor(type, index);
  if (subType !== undefined) item.subType = subType;
  if (type === 'invoice' && index % 2 === 0) {
    const from = dateText.slice(0, 8);
    item.servicePeriod = { from: `${from}01T00:00:00Z`, to: `${from}28T00:00:00Z` };
  }
  return item;
}

/**
 * Generates `count` (default 64) deterministic export items for `companyId`.
 *
 * @throws RangeError when `count` is not a non-negative integer.
 */
export function generateSeedItems(o: GenerateSeedItemsOptions): ExportItemV3[] {
  const count = o.count ?? 64;
  if (!Number.isInteger(count) || count < 0)
    throw new RangeError(`generateSeedItems: count must be an integer ≥ 0, got ${count}`);
  const ctx = createContext(o, false);
  const items: ExportItemV3[] = new Array(count);
  for (let i = 0; i < count; i++) items[i] = generateItem(ctx, i);
  return items;
}

/**
 * The same items as {@link generateSeedItems}, generated on demand: memory stays O(1) per item until
 * served, so a 100,000-item job is cheap to create.
 */
export function generatedItemSource(o: GenerateSeedItemsOptions): ItemSource {
  const count = o.count ?? 64;
  if (!Number.isInteger(count) || count < 0)
    throw new RangeError(`itemCount must be an integer ≥ 0, got ${count}`);
  const ctx = createContext(o, true);
  return { count, entryIdAt: (i) => entryId(ctx, i), itemAt: (i) => generateItem(ctx, i) };
}
