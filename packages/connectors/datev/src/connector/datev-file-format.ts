import { type PerJobFileFormat, receiptManifestName } from '@ledgerport/file-kit';
import type { DatevBooking } from '../booking/datev-booking';
import { entryToBookings } from '../booking/entry-to-bookings';
import type { DatevConfig } from '../config/datev-config';
import { readBuchungsstapel } from '../document/read-buchungsstapel';
import { buchungsstapelFileName, writeBuchungsstapel } from '../document/write-buchungsstapel';
import { COLUMN } from '../format/buchungsstapel-columns';
import type { DatevReceiptOwner } from './datev-job-stage';
import { datevManifest } from './datev-manifest';
import { receiptFileName } from './receipt-file-name';

/** File name of a job's receipt manifest: `<job id>.receipts.json`. */
export const datevReceiptManifestName: (jobId: string) => string = receiptManifestName;

const jobFilePattern = (jobId: string) => new RegExp(`^EXTF_Buchungsstapel_(\\d{6})_${jobId}\\.csv$`);

/**
 * The DATEV half of the connector for `@ledgerport/file-kit`'s per-job sink (DATEV-Format EXTF
 * Buchungsstapel, format version 13; erp-apis.md §8): entries staged by reference (Belegfeld 1 = the
 * externalId) as bookings checked against DATEV's field rules, one Windows-1252 file per booking period
 * `EXTF_Buchungsstapel_<YYYYMM>_<job>.csv`, receipts named `<Belegfeld 1>_<n>.<ext>`; existing job files
 * are read back with {@link readBuchungsstapel} and their rows found by Belegfeld 1.
 */
export const datevFileFormat: PerJobFileFormat<DatevConfig, DatevBooking, undefined, DatevReceiptOwner> = {
  documentName: 'Buchungsstapel',
  receiptTarget: 'DATEV',
  attachments: datevManifest.attachments,
  jobFilePattern,
  createState: () => undefined,

  readJobFile(file, stage) {
    const period = jobFilePattern(stage.jobId).exec(file.name)?.[1] ?? '';
    return readBuchungsstapel(file.bytes).rows.map((fields) => {
      const belegfeld1 = fields[COLUMN.belegfeld1] ?? '';
      return { key: belegfeld1, externalId: belegfeld1, records: [{ key: belegfeld1, period, fields }] };
    });
  },

  entryKey: (entry) => entry.reference,

  stageEntry: (ctx, entry) => ({ externalId: entry.reference, records: entryToBookings(entry, ctx.config) }),

  receiptFileName: (staged, file) =>
    receiptFileName(staged.externalId, file.index, file.mimeType, file.fileName),

  manifestOwner: (staged) => ({ belegfeld1: staged.externalId }),

  render(ctx, stage) {
    const byPeriod = new Map<string, DatevBooking[]>();
    for (const staged of stage.entries.values()) {
      for (const booking of staged.records) {
        const list = byPeriod.get(booking.period) ?? [];
        list.push(booking);
        byPeriod.set(booking.period, list);
      }
    }
    return [...byPeriod.entries()]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([period, bookings]) => ({
        fileName: buchungsstapelFileName(period, stage.jobId),
        bytes: writeBuchungsstapel(ctx.config, period, bookings, ctx.clock.now()).bytes,
      }));
  },
};
