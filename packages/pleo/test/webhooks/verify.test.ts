import { createHmac, randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  type PleoWebhookRejection,
  PleoWebhookVerificationError,
  signPleoWebhook,
  verifyPleoWebhook,
} from '../../src/index';

/**
 * Standard Webhooks reference vector, from standard-webhooks/standard-webhooks,
 * libraries/javascript/src/webhook.test.ts ("sign function works").
 */
const VECTOR = {
  secret: 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw',
  id: 'msg_p5jXN8AQM9LWM0D4loKWxJek',
  timestamp: 1614265330,
  body: '{"test": 2432232314}',
  signature: 'v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=',
};

const SECRET = `whsec_${randomBytes(24).toString('base64')}`;
const NOW = new Date('2026-11-23T12:00:00Z');
const NOW_SECONDS = NOW.getTime() / 1000;
const JOB_ID = '3b241101-e2bb-4255-8caf-4136c566a962';
const COMPANY_ID = '6b0f5a8e-2f1c-4c1e-9a57-0f4b1f3c9d21';

const eventBody = (eventType = 'v1.export-job.created') =>
  JSON.stringify({
    data: {
      id: JOB_ID,
      companyId: COMPANY_ID,
      status: 'pending',
      createdAt: '2026-11-23T11:59:58Z',
      createdBy: null,
      expiresIn: 3600,
      numberOfItems: 42,
    },
    eventId: 'evt_01JD3Y8ZK6',
    eventType,
  });

/** Independent HMAC computation with node:crypto (not through the package's signer). */
function independentSignature(secret: string, id: string, timestamp: number, body: string): string {
  const key = Buffer.from(secret.slice('whsec_'.length), 'base64');
  return `v1,${createHmac('sha256', key).update(`${id}.${timestamp}.${body}`).digest('base64')}`;
}

function delivery(overrides: { body?: string; timestamp?: number; signature?: string; id?: string } = {}) {
  const body = overrides.body ?? eventBody();
  const timestamp = overrides.timestamp ?? NOW_SECONDS;
  const id = overrides.id ?? 'msg_2pY8uZ3cWb';
  const signature = overrides.signature ?? independentSignature(SECRET, id, timestamp, body);
  return {
    body,
    headers: { 'webhook-id': id, 'webhook-timestamp': String(timestamp), 'webhook-signature': signature },
  };
}

function rejection(run: () => unknown): PleoWebhookRejection {
  try {
    run();
  } catch (error) {
    if (error instanceof PleoWebhookVerificationError) return error.reason;
    throw error;
  }
  throw new Error('expected a PleoWebhookVerificationError');
}

describe('signPleoWebhook', () => {
  it('reproduces the Standard Webhooks reference vector', () => {
    expect(
      signPleoWebhook({
        secret: VECTOR.secret,
        id: VECTOR.id,
        timestamp: VECTOR.timestamp,
        body: VECTOR.body,
      }),
    ).toBe(VECTOR.signature);
    expect(
      signPleoWebhook({
        secret: VECTOR.secret,
        id: VECTOR.id,
        timestamp: new Date(VECTOR.timestamp * 1000),
        body: Buffer.from(VECTOR.body),
      }),
    ).toBe(VECTOR.signature);
  });

  it('matches an independent node:crypto HMAC', () => {
    const body = eventBody();
    expect(signPleoWebhook({ secret: SECRET, id: 'msg_1', timestamp: NOW, body })).toBe(
      independentSignature(SECRET, 'msg_1', NOW_SECONDS, body),
    );
  });
});

describe('verifyPleoWebhook', () => {
  it('accepts the reference vector signature (its body is not a Pleo event, so only the payload check fails)', () => {
    const verify = (signature: string) =>
      rejection(() =>
        verifyPleoWebhook({
          secret: VECTOR.secret,
          headers: {
            'webhook-id': VECTOR.id,
            'webhook-timestamp': String(VECTOR.timestamp),
            'webhook-signature': signature,
          },
          body: VECTOR.body,
          now: new Date(VECTOR.timestamp * 1000),
        }),
      );
    expect(verify(VECTOR.signature)).toBe('invalid_payload');
    expect(verify(VECTOR.signature.replace('g0hM', 'g1hM'))).toBe('invalid_signature');
  });

  it('parses a signed v1.export-job.created delivery into a typed event', () => {
    const { body, headers } = delivery();
    const event = verifyPleoWebhook({ secret: SECRET, headers, body, now: NOW });
    expect(event).toEqual({
      kind: 'export-job.created',
      eventType: 'v1.export-job.created',
      sentEventType: 'v1.export-job.created',
      webhookId: 'msg_2pY8uZ3cWb',
      timestamp: NOW,
      eventId: 'evt_01JD3Y8ZK6',
      data: {
        id: JOB_ID,
        companyId: COMPANY_ID,
        status: 'pending',
        createdAt: '2026-11-23T11:59:58Z',
        createdBy: null,
        expiresIn: 3600,
        numberOfItems: 42,
      },
    });
  });

  it('accepts the older event name v1.export.job-created', () => {
    const { body, headers } = delivery({ body: eventBody('v1.export.job-created') });
    const event = verifyPleoWebhook({ secret: SECRET, headers, body, now: NOW });
    expect(event).toMatchObject({
      kind: 'export-job.created',
      eventType: 'v1.export-job.created',
      sentEventType: 'v1.export.job-created',
    });
  });

  it('returns other authentic event types uninterpreted', () => {
    const body = JSON.stringify({ eventType: 'v1.vendor.created', eventId: 'evt_2', data: { id: 'v-1' } });
    const { headers } = delivery({ body });
    const event = verifyPleoWebhook({ secret: SECRET, headers, body, now: NOW });
    expect(event).toMatchObject({ kind: 'other', eventType: 'v1.vendor.created', payload: JSON.parse(body) });
  });

  it('accepts a delivery wrapped in { payload } as some Pleo docs show it', () => {
    const body = JSON.stringify({ payload: JSON.parse(eventBody()) });
    const { headers } = delivery({ body });
    expect(verifyPleoWebhook({ secret: SECRET, headers, body, now: NOW }).kind).toBe('export-job.created');
  });

  it('passes when any of several space-separated signatures matches (secret rotation)', () => {
    const { body, headers } = delivery();
    const rotated = {
      ...headers,
      'webhook-signature': `v1,${randomBytes(32).toString('base64')} v2,abc ${headers['webhook-signature']}`,
    };
    expect(verifyPleoWebhook({ secret: SECRET, headers: rotated, body, now: NOW }).kind).toBe(
      'export-job.created',
    );
  });

  it('reads Fetch Headers case-insensitively', () => {
    const { body, headers } = delivery();
    const fetchHeaders = new Headers({
      'Webhook-Id': headers['webhook-id'],
      'Webhook-Timestamp': headers['webhook-timestamp'],
      'Webhook-Signature': headers['webhook-signature'],
    });
    expect(verifyPleoWebhook({ secret: SECRET, headers: fetchHeaders, body, now: NOW }).kind).toBe(
      'export-job.created',
    );
  });

  it('rejects a tampered body', () => {
    const { body, headers } = delivery();
    const tampered = body.replace('"numberOfItems":42', '"numberOfItems":43');
    expect(tampered).not.toBe(body);
    expect(rejection(() => verifyPleoWebhook({ secret: SECRET, headers, body: tampered, now: NOW }))).toBe(
      'invalid_signature',
    );
  });

  it('rejects a signature made with another secret, with a clear message', () => {
    const other = `whsec_${randomBytes(24).toString('base64')}`;
    const body = eventBody();
    const { headers } = delivery({
      signature: independentSignature(other, 'msg_2pY8uZ3cWb', NOW_SECONDS, body),
    });
    expect(() => verifyPleoWebhook({ secret: SECRET, headers, body, now: NOW })).toThrow(
      /webhook-signature does not match/,
    );
  });

  it('rejects a truncated or empty signature', () => {
    const { body, headers } = delivery();
    for (const signature of [headers['webhook-signature'].slice(0, 10), 'v1,', 'v2,whatever']) {
      expect(
        rejection(() =>
          verifyPleoWebhook({
            secret: SECRET,
            headers: { ...headers, 'webhook-signature': signature },
            body,
            now: NOW,
          }),
        ),
      ).toBe('invalid_signature');
    }
  });

  it.each(['webhook-id', 'webhook-timestamp', 'webhook-signature'])(
    'rejects a delivery without %s',
    (name) => {
      const { body, headers } = delivery();
      const without: Record<string, string> = { ...headers };
      delete without[name];
      expect(() => verifyPleoWebhook({ secret: SECRET, headers: without, body, now: NOW })).toThrow(
        new RegExp(`${name} header is missing`),
      );
    },
  );

  it('rejects timestamps outside the 5-minute window in both directions, and accepts the edges', () => {
    for (const [offset, expected] of [
      [-301, 'stale_timestamp'],
      [301, 'stale_timestamp'],
    ] as const) {
      const { body, headers } = delivery({ timestamp: NOW_SECONDS + offset });
      expect(rejection(() => verifyPleoWebhook({ secret: SECRET, headers, body, now: NOW }))).toBe(expected);
    }
    for (const offset of [-300, 300]) {
      const { body, headers } = delivery({ timestamp: NOW_SECONDS + offset });
      expect(verifyPleoWebhook({ secret: SECRET, headers, body, now: NOW }).kind).toBe('export-job.created');
    }
  });

  it('rejects a non-numeric timestamp', () => {
    const { body, headers } = delivery();
    expect(
      rejection(() =>
        verifyPleoWebhook({
          secret: SECRET,
          headers: { ...headers, 'webhook-timestamp': '2026-11-23T12:00:00Z' },
          body,
          now: NOW,
        }),
      ),
    ).toBe('invalid_timestamp');
  });

  it('rejects an unusable secret without echoing it', () => {
    const { body, headers } = delivery();
    const error = (() => {
      try {
        verifyPleoWebhook({ secret: 'whsec_not base64!', headers, body, now: NOW });
      } catch (e) {
        return e as PleoWebhookVerificationError;
      }
    })();
    expect(error?.reason).toBe('invalid_secret');
    expect(error?.message).not.toContain('not base64!');
  });

  it('rejects a signed body that is not a valid export-job event', () => {
    const body = JSON.stringify({ eventType: 'v1.export-job.created', data: { id: 'nope' } });
    const { headers } = delivery({ body });
    expect(() => verifyPleoWebhook({ secret: SECRET, headers, body, now: NOW })).toThrow(/data\.id/);
  });
});
