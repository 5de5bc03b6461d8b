import { ItemError } from '../errors/ledgerport-error';
import { isCalendarDate, nextCalendarDay } from './calendar-date';
import type { MapOptions } from './map-options';

/**
 * The date to book on. Pleo assigns no periods and never alters dates, so the posting date is the item date
 * unless it falls in a locked period (pleo-export-api.md §6 "Accounting periods"): with
 * `periodStrategy: 'shift_to_next_open'` it moves to the day after `lockedThrough`; with `'fail'` (default)
 * the item fails.
 *
 * @param date - the entry date, `YYYY-MM-DD`.
 * @param field - the item field the date came from (named in errors).
 * @throws ItemError `validation_failure` naming the locked period when the strategy is `fail`;
 *   `invalid_configuration` when `options.lockedThrough` is not a `YYYY-MM-DD` date.
 */
export function resolvePostingDate(date: string, options: MapOptions, field = 'date'): string {
  const locked = options.lockedThrough;
  if (locked === undefined) return date;
  if (!isCalendarDate(locked)) {
    throw new ItemError(
      'invalid_configuration',
      `mapping.lockedThrough is "${locked.slice(0, 40)}", not a YYYY-MM-DD date: fix the locked-period setting.`,
      { field: 'mapping.lockedThrough' },
    );
  }
  if (date > locked) return date;
  if ((options.periodStrategy ?? 'fail') === 'shift_to_next_open') return nextCalendarDay(locked);
  throw new ItemError(
    'validation_failure',
    `${field} ${date} falls in a locked accounting period (locked through ${locked}): reopen the period in the accounting system, or set mapping.periodStrategy to 'shift_to_next_open' to book it on ${nextCalendarDay(locked)}.`,
    { field, details: { lockedThrough: locked, date } },
  );
}
