import { setupServer } from 'msw/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { canonicalReceipts, RECEIPT_HOST, receiptHandlers } from '../src/index';

describe('receiptHandlers', () => {
  const server = setupServer(...receiptHandlers());
  beforeAll(() => server.listen({ onUnhandledFrame: 'error' }));
  afterAll(() => server.close());

  it('serves the fixtures receipts byte for byte over HTTP', async () => {
    for (const receipt of Object.values(canonicalReceipts())) {
      const response = await fetch(receipt.url);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe(receipt.mimeType);
      expect(new Uint8Array(await response.arrayBuffer())).toEqual(receipt.bytes);
    }
  });

  it('answers 404 for an unknown file', async () => {
    const response = await fetch(`${RECEIPT_HOST}/files/nope.pdf`);
    expect(response.status).toBe(404);
  });
});
