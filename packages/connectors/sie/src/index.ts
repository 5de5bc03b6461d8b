export { nodeOutputFileSystem, type OutputFileSystem } from '@ledgerport/file-kit';
export {
  type SieConfig,
  type SieConfigInput,
  sieConfigSchema,
  sieDimensionMappingSchema,
} from './config/sie-config';
export { type CreateSieConnectorOptions, createSieConnector } from './connector/create-sie-connector';
export {
  sieExternalId,
  sieFileFormat,
  sieFileName,
  sieReceiptManifestName,
} from './connector/sie-file-format';
export type {
  ReceiptManifestEntry,
  SieJobStage,
  SieReceiptOwner,
  SieStagedVoucher,
  SieStageState,
} from './connector/sie-job-stage';
export { sieManifest } from './connector/sie-manifest';
export { readSieDocument, SieReadError, type SieReadResult } from './document/read-sie-document';
export type {
  SieDimension,
  SieDocument,
  SieObject,
  SieObjectRef,
  SieTransaction,
  SieVoucher,
} from './document/sie-document';
export { SIE_LINE_BREAK, writeSieDocument } from './document/write-sie-document';
export { decodeCp437, encodeCp437, isCp437Representable, SIE_ENCODING } from './format/cp437';
export { computeKsumma } from './format/ksumma';
export { type EntryVouchers, entryToVouchers, voucherKey } from './voucher/entry-to-vouchers';
