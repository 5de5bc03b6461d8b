import { ItemError } from '@ledgerport/core';
import { describe, expect, it } from 'vitest';
import { isAbortError } from '../src/index';
import { errorText } from '../src/inspect/error-text';
import { secretForms } from '../src/inspect/secret-forms';

describe('secretForms', () => {
  it('includes the raw, URL-encoded, base64 and Basic forms', () => {
    const forms = secretForms(['s3cr3t/key', 'user-name']).map((f) => f.form);
    expect(forms).toContain('s3cr3t/key');
    expect(forms).toContain('s3cr3t%2Fkey');
    expect(forms).toContain(Buffer.from('s3cr3t/key:').toString('base64'));
    expect(forms).toContain(Buffer.from('user-name:s3cr3t/key').toString('base64'));
  });

  it('ignores values too short to search for', () => {
    expect(secretForms(['abc'])).toEqual([]);
  });
});

describe('errorText', () => {
  it('shows details, headers and the cause chain', () => {
    const cause = Object.assign(new Error('fetch failed'), {
      options: { headers: new Headers({ authorization: 'Bearer tok-123456' }) },
    });
    const error = new ItemError('accounting_system_unreachable', 'ERP down', {
      cause,
      details: { body: 'x-ray' },
    });
    const text = errorText(error);
    expect(text).toContain('ERP down');
    expect(text).toContain('x-ray');
    expect(text).toContain('Bearer tok-123456');
    expect(text).toContain('fetch failed');
  });

  it('survives cycles', () => {
    const a: Record<string, unknown> = { name: 'E', message: 'cyclic' };
    a.self = a;
    expect(errorText(a)).toContain('cyclic');
  });
});

describe('isAbortError', () => {
  it('recognises the signal reason, AbortError and wrapped aborts', () => {
    const controller = new AbortController();
    controller.abort();
    expect(isAbortError(controller.signal.reason, controller.signal)).toBe(true);
    expect(isAbortError(new DOMException('stop', 'AbortError'), controller.signal)).toBe(true);
    expect(isAbortError(new Error('wrapped', { cause: controller.signal.reason }), controller.signal)).toBe(
      true,
    );
    expect(isAbortError(new ItemError('accounting_system_timeout', 'timeout'), controller.signal)).toBe(
      false,
    );
  });
});
