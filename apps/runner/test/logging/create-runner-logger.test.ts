import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createRunnerLogger } from '../../src/logging/create-runner-logger';

function capture(): { stream: PassThrough; lines: () => Record<string, unknown>[]; text: () => string } {
  const stream = new PassThrough();
  let text = '';
  stream.on('data', (d: Buffer) => {
    text += d.toString();
  });
  return {
    stream,
    text: () => text,
    lines: () =>
      text
        .trim()
        .split('\n')
        .filter((l) => l !== '')
        .map((l) => JSON.parse(l) as Record<string, unknown>),
  };
}

const flush = () => new Promise((r) => setImmediate(r));

describe('createRunnerLogger', () => {
  it('writes JSON lines and never a secret, by value or by key', async () => {
    const out = capture();
    const logger = createRunnerLogger({
      pretty: false,
      destination: out.stream,
      secretValues: ['pleo-key-abc123', 'ledger-pw-999'],
    });
    logger.info('calling Pleo with pleo-key-abc123', { companyId: 'co-1' });
    logger.child({ jobId: 'job-1' }).warn('retrying', {
      headers: { authorization: 'Basic cGxlby1rZXktYWJjMTIzOg==' },
      config: { apiKey: 'something-else-1', password: 'x' },
      note: 'the password is ledger-pw-999',
      connectionString: 'postgres://u:p@h/db',
    });
    await flush();
    const [first, second] = out.lines();
    expect(first).toMatchObject({
      level: 30,
      msg: 'calling Pleo with [REDACTED]',
      companyId: 'co-1',
      name: 'ledgerport',
    });
    expect(second).toMatchObject({
      level: 40,
      msg: 'retrying',
      jobId: 'job-1',
      headers: { authorization: '[REDACTED]' },
      config: { apiKey: '[REDACTED]', password: '[REDACTED]' },
      note: 'the password is [REDACTED]',
      connectionString: '[REDACTED]',
    });
    for (const secret of [
      'pleo-key-abc123',
      'ledger-pw-999',
      'something-else-1',
      'postgres://u:p@h/db',
      'cGxlby1rZXktYWJjMTIzOg==',
    ]) {
      expect(out.text()).not.toContain(secret);
    }
  });

  it('honours the level', async () => {
    const out = capture();
    const logger = createRunnerLogger({ pretty: false, destination: out.stream, level: 'warn' });
    logger.info('hidden');
    logger.error('shown');
    await flush();
    expect(out.lines().map((l) => l.msg)).toEqual(['shown']);
  });
});
