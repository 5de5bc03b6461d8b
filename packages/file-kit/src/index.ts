export { defineFileConnector, type FileConnectorDefinition } from './connector/define-file-connector';
export { perJobFileManifest } from './connector/per-job-file-manifest';
export { checkJobFileId } from './job/check-job-file-id';
export { outputDirectoryError } from './job/output-directory-error';
export { nodeOutputFileSystem, type OutputFileSystem } from './output/output-file-system';
export { checkReceiptLimits } from './receipts/check-receipt-limits';
export { receiptExtension } from './receipts/receipt-extension';
export {
  decodeReceiptManifest,
  encodeReceiptManifest,
  type ReceiptManifestEntry,
  receiptManifestName,
} from './receipts/receipt-manifest';
export {
  createPerJobFileSink,
  type PerJobFileSink,
  type PerJobFileSinkOptions,
} from './stage/create-per-job-file-sink';
export type {
  FileJobStage,
  ReadBackRecords,
  RenderedFile,
  StagedEntry,
  StagedReceipt,
} from './stage/file-job-stage';
export type { FileSinkConfig, PerJobFileFormat } from './stage/per-job-file-format';
export { collectEntryIssues } from './validate/collect-entry-issues';
