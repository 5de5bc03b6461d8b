import { ItemError } from '@ledgerport/core';
import { describe, expect, it } from 'vitest';
import { readErrorInformation } from '../src/index';
import { entryNamed } from './support/entries';
import { setupFortnoxTest } from './support/fortnox-test-setup';

const t = setupFortnoxTest({ lowercaseErrorKeys: true });

describe('ErrorInformation with capitalised and lowercase keys', () => {
  it('reads both spellings and numeric strings', () => {
    expect(
      readErrorInformation({
        ErrorInformation: { Error: 1, Message: 'Kunde inte hitta konto', Code: 2001304 },
      }),
    ).toEqual({
      error: 1,
      message: 'Kunde inte hitta konto',
      code: 2001304,
    });
    expect(readErrorInformation({ ErrorInformation: { error: '1', message: 'x', code: '2000588' } })).toEqual(
      {
        error: 1,
        message: 'x',
        code: 2000588,
      },
    );
    expect(readErrorInformation({ errorInformation: { message: 'y' } })?.message).toBe('y');
    expect(readErrorInformation('oops')).toBeUndefined();
  });

  it('maps a lowercase-keyed Fortnox answer (code 2001304) to account_unknown with Fortnox’s words', async () => {
    const connector = t.connector();
    const base = entryNamed('card-purchase-inclusive-vat-sek');
    const entry = { ...base, lines: base.lines.map((l, i) => (i === 0 ? { ...l, account: '4998' } : l)) };
    const error = await connector.postEntry(t.ctx(connector), entry).catch((e: unknown) => e);
    expect(ItemError.isInstance(error) && error.reason).toBe('account_unknown');
    expect((error as ItemError).message).toContain('Kunde inte hitta konto 4998');
  });

  it('maps a lowercase-keyed locked-period answer to validation_failure', async () => {
    t.fake.setLockedThrough('2026-12-31');
    const connector = t.connector();
    const error = await connector
      .postEntry(t.ctx(connector), entryNamed('refund-sek'))
      .catch((e: unknown) => e);
    expect(ItemError.isInstance(error) && error.reason).toBe('validation_failure');
    expect((error as ItemError).field).toBe('postingDate');
  });
});
