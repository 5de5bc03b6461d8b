/**
 * Loading seed items from a JSON file: an array of `ExportItemV3` objects, each validated with the
 * `@ledgerport/pleo` schema (spec `components.schemas.ExportItemV3`).
 */
import { readFileSync } from 'node:fs';
import { exportItemV3Schema } from '@ledgerport/pleo';
import type { ExportItemV3 } from '../model/pleo-types';

/** Thrown when a seed file cannot be used; the message names the file, item index and field path. */
export class SeedFileError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SeedFileError';
  }
}

/**
 * Reads and validates a seed file.
 *
 * @param path file containing a JSON array of `ExportItemV3`.
 * @returns the parsed items (in file order).
 * @throws SeedFileError when the file is unreadable, not JSON, not an array, an item fails the
 *   schema (message: `items[3].accountingEntryLines[0].lineAmount.inWalletCurrency.value: …`), or
 *   two items share an `accountingEntryId`.
 */
export function loadSeedItemsFile(path: string): ExportItemV3[] {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new SeedFileError(
      `${path}: cannot read seed file (${(error as NodeJS.ErrnoException).code ?? error})`,
    );
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new SeedFileError(`${path}: not valid JSON (${(error as Error).message})`);
  }
  if (!Array.isArray(data)) {
    throw new SeedFileError(`${path}: must hold a JSON array of ExportItemV3 objects, got ${typeof data}`);
  }
  const seen = new Map<string, number>();
  return data.map((raw, index) => {
    const parsed = exportItemV3Schema.safeParse(raw);
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      const fieldPath = issue.path
        .map((key) => (typeof key === 'number' ? `[${key}]` : `.${String(key)}`))
        .join('');
      const more = parsed.error.issues.length > 1 ? ` (+${parsed.error.issues.length - 1} more issues)` : '';
      throw new SeedFileError(`${path}: items[${index}]${fieldPath}: ${issue.message}${more}`);
    }
    const previous = seen.get(parsed.data.accountingEntryId);
    if (previous !== undefined) {
      throw new SeedFileError(
        `${path}: items[${index}].accountingEntryId: duplicates items[${previous}]; every export item needs its own id`,
      );
    }
    seen.set(parsed.data.accountingEntryId, index);
    return parsed.data;
  });
}
