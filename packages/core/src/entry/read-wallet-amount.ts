import { ItemError } from '../errors/ledgerport-error';
import type { AmountLike, MoneyLike } from './mappable-item';

/**
 * Reads `<path>.inWalletCurrency` of a Pleo amount (`ExportItemAmountV3` and friends) as an unsigned
 * integer number of minor units of the wallet currency. The sign is dropped on purpose: sides come from the
 * item type (pleo-export-api.md §4, "Sign convention … undocumented").
 *
 * @param path - field path of the amount object, e.g. `accountingEntryLines[1].tax.amount`.
 * @throws ItemError `validation_failure` naming `<path>.inWalletCurrency.value` / `.currency` when the value
 *   is missing, not a safe integer, or in a currency other than `walletCurrency`.
 */
export function readWalletAmount(
  amount: AmountLike | null | undefined,
  path: string,
  walletCurrency: string,
): number {
  const money: MoneyLike | undefined = amount?.inWalletCurrency;
  const valuePath = `${path}.inWalletCurrency.value`;
  if (money === undefined || money === null || typeof money !== 'object') {
    throw new ItemError('validation_failure', `${path}.inWalletCurrency is missing: Pleo must send it.`, {
      field: `${path}.inWalletCurrency`,
    });
  }
  if (money.currency !== walletCurrency) {
    throw new ItemError(
      'validation_failure',
      `${path}.inWalletCurrency.currency is "${String(money.currency).slice(0, 20)}" but the item's wallet currency is ${walletCurrency}: every wallet amount of an item must use the same currency.`,
      { field: `${path}.inWalletCurrency.currency` },
    );
  }
  if (typeof money.value !== 'number' || !Number.isSafeInteger(money.value)) {
    throw new ItemError(
      'validation_failure',
      `${valuePath} is ${String(money.value).slice(0, 30)}, not an integer number of minor units (e.g. 89696 for 896.96 SEK).`,
      { field: valuePath },
    );
  }
  return Math.abs(money.value);
}

/**
 * The supplier-currency amount of a Pleo amount as unsigned minor units, when it is a usable integer in a
 * currency other than the wallet's; `undefined` otherwise (it is informational only).
 */
export function readSupplierAmount(
  amount: AmountLike | null | undefined,
  walletCurrency: string,
  isKnownCurrency: (code: string) => boolean,
): { amount: number; currency: string } | undefined {
  const money = amount?.inSupplierCurrency;
  if (money == null || money.currency === walletCurrency || !isKnownCurrency(money.currency))
    return undefined;
  if (typeof money.value !== 'number' || !Number.isSafeInteger(money.value)) return undefined;
  return { amount: Math.abs(money.value), currency: money.currency };
}
