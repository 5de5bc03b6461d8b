import { describe, expect, test } from 'vitest';
import { z } from 'zod';
import {
  ItemError,
  JobError,
  LedgerportError,
  MAX_USER_MESSAGE_LENGTH,
} from '../../src/errors/ledgerport-error';
import { isRetryable, toLedgerportError } from '../../src/errors/to-ledgerport-error';

const SECRET = 'sk_live_9f8e7d6c5b4a';

describe('toLedgerportError', () => {
  test('an unknown throw becomes item unexpected_failure with redacted details', () => {
    const error = toLedgerportError(new TypeError(`cannot read x with key ${SECRET}`), 'item', {
      secrets: [SECRET],
    });
    expect(ItemError.isInstance(error)).toBe(true);
    expect([error.scope, error.reason, error.retryable]).toEqual(['item', 'unexpected_failure', false]);
    expect(error.message).toContain('cannot read x');
    expect(JSON.stringify({ m: error.message, d: error.details })).not.toContain(SECRET);
    expect(error.details).toMatchObject({ name: 'TypeError' });
  });

  test('the default scope is item', () => {
    expect(toLedgerportError('boom').scope).toBe('item');
  });

  test('an unknown throw in job scope becomes integration_unusable', () => {
    const error = toLedgerportError(new Error('db down'), 'job');
    expect(JobError.isInstance(error)).toBe(true);
    expect(error.reason).toBe('integration_unusable');
    expect(error.message).toMatch(/db down.*Retry the export/);
  });

  test('bearer tokens and credential query parameters are scrubbed even when not listed', () => {
    const error = toLedgerportError(
      new Error('GET https://erp/x?access_token=abc123&y=1 failed; Authorization: Bearer eyJhbGciOi.x.y'),
    );
    expect(error.message).not.toContain('abc123');
    expect(error.message).not.toContain('eyJhbGciOi');
    expect(error.message).toContain('access_token=[REDACTED]');
  });

  test('messages are at most 500 characters', () => {
    const error = toLedgerportError(new Error('x'.repeat(5000)));
    expect(error.message.length).toBeLessThanOrEqual(MAX_USER_MESSAGE_LENGTH);
    const typed = toLedgerportError(new ItemError('validation_failure', 'y'.repeat(900)), 'job');
    expect(typed.message.length).toBeLessThanOrEqual(MAX_USER_MESSAGE_LENGTH);
  });

  test('AbortError: job → canceled_by_user; item → retryable unexpected_failure', () => {
    const controller = new AbortController();
    controller.abort();
    expect(toLedgerportError(controller.signal.reason, 'job').reason).toBe('canceled_by_user');
    const item = toLedgerportError(controller.signal.reason, 'item');
    expect([item.reason, item.retryable]).toEqual(['unexpected_failure', true]);
  });

  test('TimeoutError: item → accounting_system_timeout, job → service_timeout, both retryable', async () => {
    const signal = AbortSignal.timeout(1);
    await new Promise((resolve) => signal.addEventListener('abort', resolve, { once: true }));
    const item = toLedgerportError(signal.reason, 'item');
    expect([item.reason, item.retryable]).toEqual(['accounting_system_timeout', true]);
    const job = toLedgerportError(signal.reason, 'job');
    expect([job.reason, job.retryable]).toEqual(['service_timeout', true]);
  });

  test('a zod error becomes validation_failure naming the field', () => {
    const parsed = z
      .object({ lines: z.array(z.object({ amount: z.number() })) })
      .safeParse({ lines: [{ amount: 1 }, { amount: 'x' }] });
    const error = toLedgerportError(parsed.error);
    expect([error.reason, error.field]).toEqual(['validation_failure', 'lines[1].amount']);
    expect(error.message).toContain('lines[1].amount');
  });

  test('same-scope Ledgerport errors pass through unchanged', () => {
    const item = new ItemError('account_unknown', 'Account 6010 does not exist');
    expect(toLedgerportError(item)).toBe(item);
    const job = new JobError('missing_configuration', 'Journal missing');
    expect(toLedgerportError(job, 'job')).toBe(job);
  });

  test('item → job: systemic reasons escalate, shared reasons stay, the rest become integration_unusable', () => {
    const rate = new ItemError('accounting_system_rate_limit', 'slow down', {
      retryable: true,
      retryAfterMs: 2000,
    });
    const escalated = toLedgerportError(rate, 'job');
    expect([escalated.reason, escalated.retryable, escalated.retryAfterMs, escalated.cause]).toEqual([
      'accounting_system_rate_limit',
      true,
      2000,
      rate,
    ]);
    expect(toLedgerportError(new ItemError('invalid_configuration', 'x'), 'job').reason).toBe(
      'invalid_configuration',
    );
    expect(toLedgerportError(new ItemError('vendor_unknown', 'x'), 'job').reason).toBe(
      'integration_unusable',
    );
  });

  test('job → item: shared reasons stay, job-only reasons become unexpected_failure', () => {
    const field = toLedgerportError(
      new JobError('missing_configuration', 'x', { field: 'mapping.a' }),
      'item',
    );
    expect([field.reason, field.field]).toEqual(['missing_configuration', 'mapping.a']);
    expect(toLedgerportError(new JobError('job_expired', 'x'), 'item').reason).toBe('unexpected_failure');
  });

  test('a Ledgerport error from another package copy is recognised by its Symbol.for marker', () => {
    const foreign = Object.assign(new Error('from a copy'), {
      [Symbol.for('ledgerport.error')]: true,
      scope: 'item',
      reason: 'tag_unknown',
      retryable: false,
    });
    expect(LedgerportError.isInstance(foreign)).toBe(true);
    expect(toLedgerportError(foreign)).toBe(foreign);
  });

  test.each([undefined, null, 42, { weird: true }])('odd throw %j still yields a typed error', (thrown) => {
    const error = toLedgerportError(thrown);
    expect(error.reason).toBe('unexpected_failure');
    expect(error.message.length).toBeGreaterThan(10);
  });
});

describe('isRetryable', () => {
  test('true only for Ledgerport errors marked retryable', () => {
    expect(isRetryable(new ItemError('accounting_system_unreachable', 'down', { retryable: true }))).toBe(
      true,
    );
    expect(isRetryable(new JobError('service_timeout', 'slow', { retryable: true }))).toBe(true);
    expect(isRetryable(new ItemError('accounting_system_validation_failure', 'bad'))).toBe(false);
    expect(isRetryable(new Error('ECONNRESET'))).toBe(false);
    expect(isRetryable({ retryable: true })).toBe(false);
  });
});
