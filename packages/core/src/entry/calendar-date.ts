import { ItemError } from '../errors/ledgerport-error';

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * The ISO 8601 calendar date (`YYYY-MM-DD`, UTC) of a Pleo date-time such as `2025-12-10T15:46:34Z`
 * (export-openapi.yml `ExportItemV3.date`). Pleo's invoice dates have pattern `YYYY-MM-DD` but are typed
 * date-time (pleo-export-api.md §4 "Dates"): both forms are accepted.
 *
 * @throws ItemError `validation_failure` naming `field` when the text is not a valid date.
 */
export function toCalendarDate(text: unknown, field: string): string {
  const time = typeof text === 'string' && /^\d{4}-\d{2}-\d{2}/.test(text) ? Date.parse(text) : Number.NaN;
  if (Number.isNaN(time)) {
    throw new ItemError(
      'validation_failure',
      `${field} is "${String(text).slice(0, 40)}", not an ISO 8601 date such as 2025-12-10T15:46:34Z.`,
      { field },
    );
  }
  return new Date(time).toISOString().slice(0, 10);
}

/** Whether `text` is a real calendar date in `YYYY-MM-DD` form. */
export function isCalendarDate(text: string): boolean {
  const match = ISO_DATE.exec(text);
  if (match === null) return false;
  const date = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === text;
}

/** The calendar day after `date` (`YYYY-MM-DD`), in UTC. */
export function nextCalendarDay(date: string): string {
  const next = new Date(`${date}T00:00:00Z`);
  next.setUTCDate(next.getUTCDate() + 1);
  return next.toISOString().slice(0, 10);
}
