import { createHmac } from 'node:crypto';
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { verifyPleoWebhook } from '@ledgerport/pleo';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPleoSandbox } from '../src/index';
import { apiCaller, basicAuth } from './helpers/http-client';

const SECRET = `whsec_${Buffer.from('sandbox-webhook-signing-key-0001').toString('base64')}`;
const received: { headers: IncomingHttpHeaders; body: string }[] = [];
const receiver = createServer((req, res) => {
  let body = '';
  req.setEncoding('utf8');
  req.on('data', (chunk: string) => {
    body += chunk;
  });
  req.on('end', () => {
    received.push({ headers: req.headers, body });
    res.writeHead(204).end();
  });
});
let receiverUrl = '';

beforeAll(async () => {
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
  receiverUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hooks/pleo`;
});
afterAll(() => new Promise<void>((resolve) => receiver.close(() => resolve())));

/** Independent Standard Webhooks verification: HMAC-SHA256(base64-decoded secret, `id.ts.body`). */
function expectedSignature(id: string, timestamp: string, body: string): string {
  const key = Buffer.from(SECRET.slice('whsec_'.length), 'base64');
  return `v1,${createHmac('sha256', key).update(`${id}.${timestamp}.${body}`).digest('base64')}`;
}

describe('v1.export-job.created webhook', () => {
  it('POSTs a signed delivery for jobs created programmatically and via POST /v3/export-jobs', async () => {
    const sandbox = createPleoSandbox({
      webhook: { url: receiverUrl, secret: SECRET },
      manualClock: true,
      now: () => new Date('2025-05-05T12:00:00Z'),
    });
    const seeded = sandbox.seedCompany({ itemCount: 2 });
    const server = await sandbox.listen();
    try {
      const call = apiCaller(server.url, basicAuth(seeded.apiKey));
      await call('POST', '/v3/export-job-events', {
        event: 'failed',
        jobId: seeded.jobId,
        failureReasonType: 'canceled_by_user',
      });
      const created = await call('POST', '/v3/export-jobs', {
        accountingEntryIds: seeded.items.map((item) => item.accountingEntryId),
        companyId: seeded.companyId,
      });
      expect(created.status).toBe(201);
      await sandbox.webhooksSettled();
    } finally {
      await server.close();
    }
    expect(sandbox.webhookDeliveries.map((d) => d.status)).toEqual([204, 204]);
    expect(received).toHaveLength(2);
    for (const delivery of received) {
      const id = delivery.headers['webhook-id'] as string;
      const timestamp = delivery.headers['webhook-timestamp'] as string;
      expect(id).toMatch(/^msg_/);
      expect(timestamp).toBe(String(Date.parse('2025-05-05T12:00:00Z') / 1000));
      expect(delivery.headers['webhook-signature']).toBe(expectedSignature(id, timestamp, delivery.body));
      const event = verifyPleoWebhook({
        secret: SECRET,
        headers: delivery.headers,
        body: delivery.body,
        now: new Date('2025-05-05T12:01:00Z'),
      });
      expect(event).toMatchObject({ kind: 'export-job.created', data: { companyId: seeded.companyId } });
      const payload = JSON.parse(delivery.body);
      expect(payload).toMatchObject({
        eventType: 'v1.export-job.created',
        eventId: expect.any(String),
        data: { companyId: seeded.companyId, status: 'pending', numberOfItems: 2, expiresIn: 3600 },
      });
    }
    expect(JSON.parse(received[0]!.body).data.id).toBe(seeded.jobId);
  });

  it('records a failed delivery (unreachable receiver or bad secret) instead of throwing', async () => {
    const badSecret = createPleoSandbox({ webhook: { url: receiverUrl, secret: 'not a secret' } });
    badSecret.seedCompany({ itemCount: 1 });
    await badSecret.webhooksSettled();
    expect(badSecret.webhookDeliveries[0]).toMatchObject({
      status: undefined,
      error: expect.stringContaining('whsec_'),
    });

    const sandbox = createPleoSandbox({ webhook: { url: 'http://127.0.0.1:9/unreachable', secret: SECRET } });
    sandbox.seedCompany({ itemCount: 1 });
    await sandbox.webhooksSettled();
    expect(sandbox.webhookDeliveries).toHaveLength(1);
    expect(sandbox.webhookDeliveries[0]!.status).toBeUndefined();
    expect(sandbox.webhookDeliveries[0]!.error).toEqual(expect.any(String));
  });
});
