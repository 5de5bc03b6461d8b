import { type AccountingEntry, ItemError, type JournalLine } from '@ledgerport/core';
import type { DatevConfig } from '../config/datev-config';
import { BUCHUNGSSTAPEL_COLUMNS, COLUMN } from '../format/buchungsstapel-columns';
import { cleanDatevText } from '../format/cp1252';
import { formatDatevAmount, parseDatevRate, toBaseCents } from '../format/datev-amount';
import { checkDatevField } from '../format/datev-field-rules';
import type { DatevBooking } from './datev-booking';

/** Longest Buchungstext (field 14), in characters: 60 (DATEV EXTF Buchungsstapel field list; erp-apis.md §8). Longer descriptions are cut. */
export const MAX_BUCHUNGSTEXT = 60;

interface LineGroup {
  readonly lines: readonly JournalLine[];
  readonly date: string;
  readonly path: string;
}

/** The line the others are booked against: the contra (wallet) line, else the payable, else the largest. */
function pivotOf(lines: readonly JournalLine[]): JournalLine | undefined {
  return (
    lines.find((line) => line.role === 'contra') ??
    lines.find((line) => line.role === 'payable') ??
    [...lines].sort((a, b) => b.amount - a.amount)[0]
  );
}

/**
 * Translates one balanced entry into Buchungsstapel bookings (DATEV-Format, format version 13;
 * erp-apis.md §8). Each booking is one debit/credit pair: every line not on the contra account is booked
 * against it (Konto = the line's account, Soll/Haben from the line's side, Gegenkonto = the contra
 * account), which is a format translation, not a new accounting rule. A paid supplier invoice books
 * its payment lines the same way, dated on the payment.
 *
 * VAT (`config.vat.mode`):
 * - `bu_schluessel`: an expense line whose Pleo tax code has a BU-Schlüssel, or whose account is an
 *   Automatikkonto, is booked gross (net + VAT; net for reverse charge) with that key (none on
 *   Automatikkonten), and its VAT lines are left to DATEV;
 * - `explicit_lines`: VAT lines are booked on their own accounts, without BU-Schlüssel.
 *
 * Every field is checked against DATEV's rule before anything is written.
 *
 * @throws ItemError `missing_configuration` naming the config key (an account, a BU-Schlüssel for a tax
 *   code, an exchange rate); `validation_failure` naming the DATEV field a value cannot be written to.
 */
export function entryToBookings(entry: AccountingEntry, config: DatevConfig): DatevBooking[] {
  const belegfeld1 = checkDatevField(
    'Belegfeld 1',
    entry.reference,
    'the entry reference becomes Belegfeld 1 (at most 36 of A–Z a–z 0–9 $ & % * + - /)',
  );
  const currency = checkDatevField('WKZ Umsatz', entry.currency);
  let rate: ReturnType<typeof parseDatevRate> | undefined;
  if (currency !== 'EUR') {
    const configured = config.exchangeRates[currency];
    if (configured === undefined) {
      throw new ItemError(
        'missing_configuration',
        `The entry is in ${currency}; DATEV needs a Kurs (1–9999 ${currency} per EUR) for it: set exchangeRates.${currency} in the DATEV configuration (a currency worth more than 1 EUR, e.g. KWD, cannot be given a DATEV Kurs).`,
        { field: `exchangeRates.${currency}` },
      );
    }
    rate = parseDatevRate(configured, currency);
  }
  const groups: LineGroup[] = [{ lines: entry.lines, date: entry.postingDate, path: 'lines' }];
  if (entry.kind === 'supplier_invoice' && entry.payment !== undefined) {
    groups.push({ lines: entry.payment.lines, date: entry.payment.date, path: 'payment.lines' });
  }
  const bookings: DatevBooking[] = [];
  for (const group of groups) {
    group.lines.forEach((line, index) => {
      if (line.account === '') {
        const key =
          line.role === 'contra'
            ? `contraAccounts.${currency}`
            : line.role === 'input_vat'
              ? 'vat.accounts.input'
              : line.role === 'output_vat'
                ? 'vat.accounts.reverseChargeOutput'
                : `${group.path}[${index}].account`;
        throw new ItemError(
          'missing_configuration',
          `${group.path}[${index}] (${line.role}) has no account: set ${key} in the DATEV configuration or the account in Pleo.`,
          { field: key },
        );
      }
    });
    const pivot = pivotOf(group.lines);
    if (pivot === undefined) continue;
    const gegenkonto = checkAccount(pivot.account, 'Gegenkonto', config);
    const consumed = new Set<number>();
    const folded = new Map<number, { umsatz: number; bu: string }>();
    if (config.vat.mode === 'bu_schluessel') {
      group.lines.forEach((line, index) => {
        if (line.role !== 'expense' || line.tax === undefined) return;
        const { tax } = line;
        const automatic = config.vat.automaticAccounts.includes(line.account);
        const bu = tax.code === null ? undefined : config.vat.buSchluessel[tax.code];
        if (tax.amount === 0 && bu === undefined) return;
        if (!automatic && bu === undefined) {
          throw new ItemError(
            'missing_configuration',
            `Pleo tax code "${tax.code ?? '(none)'}" on ${group.path}[${index}] has no BU-Schlüssel: add vat.buSchluessel["${tax.code ?? ''}"], list account ${line.account} in vat.automaticAccounts, or set vat.mode to "explicit_lines".`,
            { field: `vat.buSchluessel.${tax.code ?? ''}` },
          );
        }
        const roles = tax.type === 'reverse' ? ['input_vat', 'output_vat'] : ['input_vat'];
        const matches: number[] = [];
        for (const role of roles) {
          const match = group.lines.findIndex(
            (candidate, i) =>
              !consumed.has(i) &&
              !matches.includes(i) &&
              candidate.role === role &&
              candidate.amount === tax.amount &&
              (candidate.tax?.code ?? null) === tax.code,
          );
          if (match >= 0) matches.push(match);
        }
        if (tax.amount !== 0 && matches.length !== roles.length) return;
        for (const match of matches) consumed.add(match);
        folded.set(index, {
          umsatz: line.amount + (tax.type === 'reverse' ? 0 : tax.amount),
          bu: automatic ? '' : (bu ?? '').padStart(4, '0'),
        });
      });
    }
    group.lines.forEach((line, index) => {
      if (consumed.has(index) || line.account === pivot.account) return;
      const fold = folded.get(index);
      const amount = fold?.umsatz ?? line.amount;
      if (amount === 0) return;
      const fields = new Array<string>(BUCHUNGSSTAPEL_COLUMNS.length).fill('');
      fields[COLUMN.umsatz] = formatDatevAmount(amount, currency, 'Umsatz');
      fields[COLUMN.sollHaben] = line.side === 'debit' ? 'S' : 'H';
      fields[COLUMN.wkzUmsatz] = currency;
      if (rate !== undefined) {
        fields[COLUMN.kurs] = rate.text;
        fields[COLUMN.basisUmsatz] = formatDatevAmount(
          toBaseCents(amount, currency, rate),
          'EUR',
          'Basis-Umsatz',
        );
        fields[COLUMN.wkzBasisUmsatz] = 'EUR';
      }
      fields[COLUMN.konto] = checkAccount(line.account, 'Konto', config);
      fields[COLUMN.gegenkonto] = gegenkonto;
      if (fold !== undefined && fold.bu !== '')
        fields[COLUMN.buSchluessel] = checkDatevField('BU-Schlüssel', fold.bu);
      fields[COLUMN.belegdatum] = checkDatevField(
        'Belegdatum',
        `${group.date.slice(8, 10)}${group.date.slice(5, 7)}`,
      );
      fields[COLUMN.belegfeld1] = belegfeld1;
      fields[COLUMN.buchungstext] = checkDatevField(
        'Buchungstext',
        cleanDatevText(line.description ?? entry.description)
          .slice(0, MAX_BUCHUNGSTEXT)
          .trimEnd(),
        'use Windows-1252 characters in the description',
      );
      if (config.beleglink && entry.pleoUrl !== undefined) {
        fields[COLUMN.beleglink] = checkDatevField('Beleglink', entry.pleoUrl);
      }
      for (const [column, dimension, field] of [
        [COLUMN.kost1, config.costCenters.kost1, 'KOST1 - Kostenstelle'],
        [COLUMN.kost2, config.costCenters.kost2, 'KOST2 - Kostenstelle'],
      ] as const) {
        const value =
          dimension === undefined ? undefined : line.dimensions.find((d) => d.dimension === dimension)?.value;
        if (value !== undefined) fields[column] = checkDatevField(field, value);
      }
      bookings.push({
        key: entry.idempotencyKey,
        period: `${group.date.slice(0, 4)}${group.date.slice(5, 7)}`,
        fields,
      });
    });
  }
  return bookings;
}

function checkAccount(account: string, field: 'Konto' | 'Gegenkonto', config: DatevConfig): string {
  checkDatevField(field, account);
  if (account.length > config.accountLength + 1) {
    throw new ItemError(
      'validation_failure',
      `DATEV field "${field}" cannot hold account ${account}: with Sachkontenlänge ${config.accountLength}, GL accounts have at most ${config.accountLength} digits and personal accounts ${config.accountLength + 1}; fix the account or accountLength.`,
      { field },
    );
  }
  return account;
}
