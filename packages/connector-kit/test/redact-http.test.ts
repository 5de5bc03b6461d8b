import { describe, expect, it } from 'vitest';
import { describeRequestForLog, redactHeaders, redactUrl } from '../src/index';

describe('redaction for HTTP logging', () => {
  it('redacts secret query parameters, user info and secret values in URLs', () => {
    const url = redactUrl('https://user:pw@erp.test/a?code=abc123&page=2&x=tok-SECRET-1', ['tok-SECRET-1']);
    expect(url).not.toContain('abc123');
    expect(url).not.toContain('pw@');
    expect(url).not.toContain('tok-SECRET-1');
    expect(url).toContain('page=2');
  });

  it('redacts Authorization and secret-valued headers', () => {
    const headers = redactHeaders({ Authorization: 'Bearer abcd', 'x-custom': 'key-12345', accept: 'json' }, [
      'key-12345',
    ]);
    expect(headers).toEqual({ authorization: '[REDACTED]', 'x-custom': '[REDACTED]', accept: 'json' });
  });

  it('describes relative requests', () => {
    expect(describeRequestForLog('/ManualJournals?summarizeErrors=false', 'put')).toEqual({
      method: 'PUT',
      url: '/ManualJournals?summarizeErrors=false',
    });
  });
});
