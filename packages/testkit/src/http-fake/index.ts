/**
 * `@ledgerport/testkit/http-fake`: serve an ERP fake's msw handlers over real loopback HTTP (for a
 * connector in another process, a demo or a benchmark), holding answers until a fake's latency is over.
 * Needs `msw`; no test runner is loaded, so runtime code (the runner's demo) may import it.
 */
export {
  answerFakeRequest,
  FAKE_ANSWER_AT_HEADER,
  type FakeHttpAnswer,
  type FakeHttpRequest,
  flatHeaders,
  readRequestBody,
  writeFakeAnswer,
} from './answer-fake-request';
export { type ReceivedAt, type ServedHandlers, serveMswHandlers } from './serve-msw-handlers';
