import { exportItemV3Schema } from '@ledgerport/pleo';
import { formatFieldPath } from '../errors/field-path';
import { ItemError } from '../errors/ledgerport-error';
import { type MapResult, mapExportItem } from './map-export-item';
import type { MapOptions } from './map-options';

/**
 * Validates raw JSON against `@ledgerport/pleo`'s `exportItemV3Schema` (export-openapi.yml `ExportItemV3`)
 * with `safeParse`, then maps it with {@link mapExportItem}. Never throws.
 *
 * @returns the mapped entry, or `{ ok: false, error }` with ItemError `validation_failure` whose message and
 *   `field` name the first failing path, e.g. `accountingEntryLines[1].tax.amount.inWalletCurrency.value`.
 */
export function mapUnknownExportItem(raw: unknown, options: MapOptions = {}): MapResult {
  const parsed = exportItemV3Schema.safeParse(raw);
  if (parsed.success) return mapExportItem(parsed.data, options);
  const issues = parsed.error.issues;
  const first = issues[0];
  const field = first === undefined ? '' : formatFieldPath(first.path);
  const more =
    issues.length > 1 ? ` (and ${issues.length - 1} more problem${issues.length > 2 ? 's' : ''})` : '';
  const message = `The export item does not match Pleo's ExportItemV3 schema at ${field === '' ? 'the top level' : field}: ${first?.message ?? 'invalid'}${more}.`;
  return {
    ok: false,
    error: new ItemError('validation_failure', message, {
      field,
      details: {
        issues: issues.slice(0, 10).map((issue) => ({ path: formatFieldPath(issue.path), code: issue.code })),
      },
    }),
  };
}
