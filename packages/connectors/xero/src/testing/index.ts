export {
  createXeroFake,
  type FakeRequestRecord,
  type FakeXeroDocument,
  type XeroFake,
  type XeroFakeOptions,
} from './create-xero-fake';
export type { ErpDocument, ErpFake, ErpFault } from './erp-fake';
export { startXeroFakeServer, type XeroFakeServer } from './serve-xero-fake';
export { defaultXeroSeed, type FakeAccount, type FakeTaxRate, type XeroFakeSeed } from './xero-fake-seed';
export { type FakeRateLimits, type RateProblem, type RateTicket, RateWindow } from './xero-rate-window';
export {
  loadXeroSpecValidator,
  type SpecCheck,
  type SpecRequest,
  type XeroSpecValidator,
} from './xero-spec-validator';
