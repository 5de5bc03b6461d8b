import { ItemError } from '../errors/ledgerport-error';
import type { MapOptions } from './map-options';
import type { AccountLike, TaxLike } from './mappable-item';

/** A GL account as the entry lines carry it. */
export interface ResolvedAccount {
  /** ERP GL account code (Pleo `code`, else the ERP `identifier`, else the configured fallback). */
  readonly account: string;
  readonly accountIdentifier: string | undefined;
}

const present = (text: string | null | undefined): string | undefined =>
  typeof text === 'string' && text.trim() !== '' ? text : undefined;

function fromPleo(account: AccountLike | null | undefined): ResolvedAccount | undefined {
  const code = present(account?.code) ?? present(account?.identifier);
  return code === undefined ? undefined : { account: code, accountIdentifier: present(account?.identifier) };
}

/**
 * The expense GL account of a Pleo line (`accountingEntryLines[i].account`, pleo-export-api.md §4 "Account").
 * @throws ItemError `missing_configuration` naming `accountingEntryLines[i].account` when it has no code.
 */
export function lineAccount(account: AccountLike | null | undefined, index: number): ResolvedAccount {
  const resolved = fromPleo(account);
  if (resolved === undefined) {
    const field = `accountingEntryLines[${index}].account`;
    throw new ItemError(
      'missing_configuration',
      `${field} has no GL account code: choose a category (account) for this expense in Pleo, or map the category to an account code.`,
      { field },
    );
  }
  return resolved;
}

/**
 * The contra (wallet / bank) account: `item.contraAccount` or `mapping.contraAccounts[walletCurrency]`
 * (pleo-export-api.md §4 "contraAccount", §6 "Accounts mapping").
 * @throws ItemError `missing_configuration` naming `mapping.contraAccounts.<currency>` when neither is set.
 */
export function contraAccount(
  account: AccountLike | null | undefined,
  walletCurrency: string,
  options: MapOptions,
): ResolvedAccount {
  const resolved = fromPleo(account);
  if (resolved !== undefined) return resolved;
  const fallback = present(options.contraAccounts?.[walletCurrency]);
  if (fallback !== undefined) return { account: fallback, accountIdentifier: undefined };
  throw new ItemError(
    'missing_configuration',
    `No contra account for wallet currency ${walletCurrency}: map it in Pleo or set mapping.contraAccounts.${walletCurrency}.`,
    { field: `mapping.contraAccounts.${walletCurrency}` },
  );
}

/**
 * The accounts-payable account for supplier invoices and their payments (`mapping.payablesAccount`,
 * pleo-export-api.md §6 "AP: vendor AP account else fallback AP account").
 * @throws ItemError `missing_configuration` naming `mapping.payablesAccount` when it is not set.
 */
export function payablesAccount(options: MapOptions): ResolvedAccount {
  const code = present(options.payablesAccount);
  if (code === undefined) {
    throw new ItemError(
      'missing_configuration',
      'Accounts payable account missing: set mapping.payablesAccount to the GL account for supplier invoices.',
      { field: 'mapping.payablesAccount' },
    );
  }
  return { account: code, accountIdentifier: undefined };
}

/**
 * The VAT account of a line's tax: `tax.ingoingTaxAccount` (input VAT) or `tax.outgoingTaxAccount` (output
 * VAT of reverse charge), else `mapping.inputVatAccount` / `mapping.outputVatAccount`
 * (export-openapi.yml `TaxV3`).
 * @throws ItemError `missing_configuration` naming the mapping option when neither is set.
 */
export function vatAccount(
  tax: TaxLike,
  direction: 'input' | 'output',
  index: number,
  options: MapOptions,
): ResolvedAccount {
  const fromTax = present(direction === 'input' ? tax.ingoingTaxAccount : tax.outgoingTaxAccount);
  if (fromTax !== undefined) return { account: fromTax, accountIdentifier: undefined };
  const option = direction === 'input' ? 'inputVatAccount' : 'outputVatAccount';
  const fallback = present(options[option]);
  if (fallback !== undefined) return { account: fallback, accountIdentifier: undefined };
  const taxField = direction === 'input' ? 'ingoingTaxAccount' : 'outgoingTaxAccount';
  throw new ItemError(
    'missing_configuration',
    `No ${direction} VAT account for tax code ${tax.code ?? '(none)'} on accountingEntryLines[${index}]: set ${taxField} on the tax code in Pleo or set mapping.${option}.`,
    { field: `mapping.${option}` },
  );
}
