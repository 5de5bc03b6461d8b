/** The contract over real (msw-intercepted) HTTP: the example Voucher API connector and its fake. */
import { testConnector } from '../src/index';
import { createVoucherApiConnector } from './example-http/voucher-api-connector';
import { createVoucherApiFake } from './example-http/voucher-api-fake';

const apiKey = 'vapi_live_7f3e9a2c41d8';

testConnector({
  connector: () => createVoucherApiConnector({ timeoutMs: 200 }),
  erp: createVoucherApiFake(apiKey),
  config: {
    valid: { organisation: 'acme', apiKey },
    missing: { organisation: 'acme' },
    invalid: { organisation: 'acme', apiKey: 42 },
  },
});
