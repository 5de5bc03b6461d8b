import { minorUnitsToDecimal } from '@ledgerport/connector-kit';
import type { AccountingEntry, Dimension, JournalLine } from '@ledgerport/core';
import { ItemError } from '@ledgerport/core';
import { type FoldedLine, foldVatLines } from './fold-vat-lines';
import type { XeroJournalLine, XeroManualJournal, XeroTracking } from './xero-documents';

/** Xero allows at most 2 tracking categories per line (`ManualJournalLine.Tracking`). */
export const XERO_MAX_TRACKING_PER_LINE = 2;

/** Options shared by the entry → Xero document translators. */
export interface XeroTranslationOptions {
  /** TaxType for lines without VAT (config `noTaxType`). */
  readonly noTaxType: string;
  /** Dimension → Xero tracking category (config `trackingCategories`); empty = every dimension by name. */
  readonly trackingCategories?: Readonly<Record<string, string>>;
}

/**
 * Translates a balanced entry into a Xero `ManualJournal` (spec `components.schemas.ManualJournal`):
 * `Narration` = description + Pleo reference, `Date` = posting date, `Status` DRAFT/POSTED from
 * `entry.postingMode`, `Url` = `entry.pleoUrl`, lines signed (debit positive, credit negative) in
 * decimals of the entry currency, VAT folded per {@link foldVatLines} with `LineAmountTypes: Inclusive`,
 * `Tracking` from dimensions (at most 2).
 * @throws ItemError(`validation_failure`) naming the line field when a line has more than 2 dimensions.
 */
export function toManualJournal(entry: AccountingEntry, options: XeroTranslationOptions): XeroManualJournal {
  const folded = foldVatLines(entry.lines);
  const hasTax = folded.some((f) => f.taxType !== undefined);
  return {
    Narration: narrationOf(entry),
    Date: entry.postingDate,
    LineAmountTypes: hasTax ? 'Inclusive' : 'NoTax',
    Status: entry.postingMode === 'posted' ? 'POSTED' : 'DRAFT',
    ...(entry.pleoUrl === undefined ? {} : { Url: entry.pleoUrl }),
    JournalLines: folded.map((f) => toJournalLine(entry, f, hasTax, options)),
  };
}

function toJournalLine(
  entry: AccountingEntry,
  f: FoldedLine,
  hasTax: boolean,
  options: XeroTranslationOptions,
): XeroJournalLine {
  const sign = f.line.side === 'debit' ? 1 : -1;
  const tracking = trackingOf(f.line, f.index, options.trackingCategories);
  return {
    LineAmount: minorUnitsToDecimal(sign * f.grossAmount, entry.currency),
    AccountCode: f.line.account,
    Description: f.line.description ?? entry.description,
    ...(hasTax ? { TaxType: f.taxType ?? options.noTaxType } : {}),
    ...(f.taxAmount === undefined || f.taxType === undefined
      ? {}
      : { TaxAmount: minorUnitsToDecimal(sign * f.taxAmount, entry.currency) }),
    ...(tracking.length === 0 ? {} : { Tracking: tracking }),
  };
}

/** `Narration`: the entry description and the Pleo reference (`accountingEntryId`), so users can find it. */
export function narrationOf(entry: AccountingEntry): string {
  const ref =
    entry.reconciliationId === undefined ? entry.reference : `${entry.reference} / ${entry.reconciliationId}`;
  return `${entry.description} (Pleo ${ref})`;
}

/**
 * Dimensions → Xero tracking (`Name` = category, `Option` = the dimension value). With a mapping, only
 * mapped dimensions are sent, renamed; without one, every dimension is sent under its own name.
 * @throws ItemError(`validation_failure`, field `lines[i].dimensions`) when more than 2 would be sent.
 */
export function trackingOf(
  line: JournalLine,
  index: number,
  mapping: Readonly<Record<string, string>> = {},
): XeroTracking[] {
  const mapped = Object.keys(mapping).length > 0;
  const tracking = line.dimensions
    .filter((d: Dimension) => !mapped || mapping[d.dimension] !== undefined)
    .map((d: Dimension) => ({
      Name: mapped ? (mapping[d.dimension] ?? d.dimension) : d.dimension,
      Option: d.value,
    }));
  if (tracking.length > XERO_MAX_TRACKING_PER_LINE) {
    throw new ItemError(
      'validation_failure',
      `Line ${index + 1} has ${tracking.length} dimensions, but Xero allows at most ${XERO_MAX_TRACKING_PER_LINE} tracking categories per line. Map at most 2 dimensions in the Xero setting trackingCategories.`,
      { field: `lines[${index}].dimensions` },
    );
  }
  return tracking;
}
