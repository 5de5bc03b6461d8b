export { compareGoldenFiles, type GoldenComparison } from './compare-golden-files';
export {
  type CreateFileErpFakeOptions,
  createFileErpFake,
  type FileDocument,
  type FileErpFake,
} from './create-file-erp-fake';
export { FIXED_CLOCK, type RunFileJobOptions, runFileJob } from './run-file-job';
