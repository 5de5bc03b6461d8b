import { describe, expect, it } from 'vitest';
import { countFailure, createJobTally, decideFinalEvent } from '../../src/lifecycle/job-tally';

describe('decideFinalEvent', () => {
  it('is completed with no items, or with every item successful (this run and before)', () => {
    expect(decideFinalEvent(createJobTally())).toEqual({ event: 'completed' });
    const tally = createJobTally();
    tally.successful = 3;
    tally.previouslySuccessful = 2;
    expect(decideFinalEvent(tally)).toEqual({ event: 'completed' });
  });

  it('is completed_with_errors when some failed, also when the failures came from an earlier run', () => {
    const tally = createJobTally();
    tally.successful = 4;
    tally.previouslyFailed = 1;
    expect(decideFinalEvent(tally)).toEqual({ event: 'completed_with_errors' });
  });

  it('is failed when none succeeded, naming the dominant reason and an example message', () => {
    const tally = createJobTally();
    countFailure(tally, 'tax_code_unknown', 'Tax Code X does not exist in the Accounting System');
    countFailure(tally, 'account_unknown', 'Account 6010 does not exist');
    countFailure(tally, 'account_unknown', 'Account 6020 does not exist');
    const final = decideFinalEvent(tally);
    expect(final).toMatchObject({ event: 'failed', failureReasonType: 'validation_failure' });
    expect(final.failureReason).toBe(
      'All 3 items failed (2 with account_unknown), e.g.: Account 6010 does not exist',
    );
  });

  it('maps configuration and systemic item reasons to the same job reason', () => {
    const config = createJobTally();
    countFailure(config, 'missing_configuration', 'Journal PLEO missing');
    expect(decideFinalEvent(config).failureReasonType).toBe('missing_configuration');
    const systemic = createJobTally();
    countFailure(systemic, 'accounting_system_unreachable', 'Failed to reach the Accounting System.');
    expect(decideFinalEvent(systemic).failureReasonType).toBe('accounting_system_unreachable');
  });

  it('keeps the failure message within 500 characters', () => {
    const tally = createJobTally();
    countFailure(tally, 'accounting_system_validation_failure', 'x'.repeat(2_000));
    expect(decideFinalEvent(tally).failureReason?.length).toBe(500);
  });
});
