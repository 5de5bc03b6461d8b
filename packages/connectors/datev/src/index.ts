export { nodeOutputFileSystem, type OutputFileSystem } from '@ledgerport/file-kit';
export type { DatevBooking } from './booking/datev-booking';
export { entryToBookings, MAX_BUCHUNGSTEXT } from './booking/entry-to-bookings';
export {
  type DatevConfig,
  type DatevConfigInput,
  datevConfigSchema,
  SKR_VAT_ACCOUNTS,
} from './config/datev-config';
export { type CreateDatevConnectorOptions, createDatevConnector } from './connector/create-datev-connector';
export { datevFileFormat, datevReceiptManifestName } from './connector/datev-file-format';
export type { DatevJobStage, DatevReceiptOwner, ReceiptManifestEntry } from './connector/datev-job-stage';
export { datevManifest } from './connector/datev-manifest';
export { buchungsstapelHeader, fiscalYearStart, lastDayOfPeriod } from './document/buchungsstapel-header';
export {
  BuchungsstapelReadError,
  type ReadBuchungsstapel,
  readBuchungsstapel,
} from './document/read-buchungsstapel';
export {
  buchungsstapelFileName,
  DATEV_LINE_BREAK,
  formatDatevField,
  writeBuchungsstapel,
} from './document/write-buchungsstapel';
export { BUCHUNGSSTAPEL_COLUMNS, COLUMN } from './format/buchungsstapel-columns';
export { DATEV_ENCODING, decodeCp1252, encodeCp1252, isCp1252Representable } from './format/cp1252';
export { formatDatevAmount, parseDatevRate, toBaseCents } from './format/datev-amount';
export { checkDatevField, DATEV_FIELD_RULES } from './format/datev-field-rules';
