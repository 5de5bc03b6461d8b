export {
  createFortnoxFake,
  type FakeFortnoxVoucher,
  type FortnoxFake,
  type FortnoxFakeOptions,
  type FortnoxRequestRecord,
} from './create-fortnox-fake';
export type { ErpDocument, ErpFake, ErpFault } from './erp-fake';
export {
  defaultFortnoxSeed,
  type FakeFinancialYear,
  type FakeFortnoxAccount,
  type FortnoxFakeSeed,
} from './fortnox-fake-seed';
export { FortnoxRateWindow } from './fortnox-rate-window';
export {
  FORTNOX_SHARED_QUERY_PARAMETERS,
  type FortnoxSpecValidator,
  loadFortnoxSpecValidator,
  type SpecCheck,
  type SpecRequest,
} from './fortnox-spec-validator';
