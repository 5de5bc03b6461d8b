export {
  createXeroFake,
  type FakeRequestRecord,
  type FakeXeroDocument,
  XERO_FAKE_ANSWER_AT_HEADER,
  type XeroFake,
  type XeroFakeOptions,
} from './create-xero-fake';
export type { ErpDocument, ErpFake, ErpFault } from './erp-fake';
export {
  answerFakeRequest,
  type FakeHttpAnswer,
  type FakeHttpRequest,
  flatHeaders,
  readRequestBody,
  startXeroFakeServer,
  writeFakeAnswer,
  type XeroFakeServer,
} from './serve-xero-fake';
export { defaultXeroSeed, type FakeAccount, type FakeTaxRate, type XeroFakeSeed } from './xero-fake-seed';
export { type FakeRateLimits, type RateProblem, type RateTicket, RateWindow } from './xero-rate-window';
export {
  loadXeroSpecValidator,
  type SpecCheck,
  type SpecRequest,
  type XeroSpecValidator,
} from './xero-spec-validator';
