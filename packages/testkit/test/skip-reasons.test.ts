import { describe, expect, it } from 'vitest';
import { checkRefusals, checkSkipReasons } from '../src/contract/skip-reasons';
import { CONTRACT_SUITES } from '../src/index';

describe('checkSkipReasons', () => {
  it('accepts a written reason per known suite', () => {
    expect(checkSkipReasons({ attachments: ' The ERP has no document archive. ' })).toEqual(
      new Map([['attachments', 'The ERP has no document archive.']]),
    );
    expect(checkSkipReasons(undefined).size).toBe(0);
  });

  it('refuses an empty or blank reason, naming the suite', () => {
    expect(() => checkSkipReasons({ errors: '' })).toThrow(/skip needs a reason.*"errors"/);
    expect(() => checkSkipReasons({ secrets: '   ' })).toThrow(/skip needs a reason.*"secrets"/);
  });

  it('refuses an unknown suite, listing the valid ones', () => {
    expect(() => checkSkipReasons({ atachments: 'typo' })).toThrow(
      `unknown suite "atachments" in skip; valid suites: ${CONTRACT_SUITES.join(', ')}`,
    );
  });
});

describe('checkRefusals', () => {
  it('accepts a written reason per canonical fixture', () => {
    expect(checkRefusals({ 'card-purchase-kwd': 'KWD has 3 decimals' })).toEqual(
      new Map([['card-purchase-kwd', 'KWD has 3 decimals']]),
    );
  });

  it('refuses a blank reason and an unknown fixture', () => {
    expect(() => checkRefusals({ 'card-purchase-kwd': ' ' })).toThrow(
      /a refusal needs a reason.*card-purchase-kwd/,
    );
    expect(() => checkRefusals({ 'card-purchase-xyz': 'x' })).toThrow(/unknown fixture "card-purchase-xyz"/);
  });
});
