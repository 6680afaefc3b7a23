import { challengeRefusal, outcomeRefusal, STANDSTILL_WORKING_DAYS, standstillOf } from './standstill.rules';

describe('the standstill', () => {
  it('is eight working days beginning with the day of the decision, ending at UK midnight', () => {
    expect(STANDSTILL_WORKING_DAYS).toBe(8);
    // Monday 1 March 2027: to the end of Wednesday 10 March, GMT.
    expect(standstillOf(new Date('2027-03-01T15:00:00Z'))).toEqual({ lastDay: '2027-03-10', endsAt: new Date('2027-03-11T00:00:00Z') });
    // Over Easter 2027 (Good Friday 26 March, Easter Monday 29 March), ending in BST.
    expect(standstillOf(new Date('2027-03-24T10:00:00Z'))).toEqual({ lastDay: '2027-04-06', endsAt: new Date('2027-04-06T23:00:00Z') });
    // Decided on a Saturday: the period begins on Monday; St Patrick's Day (a bank holiday in Northern
    // Ireland) is no working day.
    expect(standstillOf(new Date('2027-03-06T10:00:00Z')).lastDay).toBe('2027-03-18');
  });
});

describe('a challenge', () => {
  const decidedAt = new Date('2027-03-24T10:00:00Z');
  const standstill = { stage: 'standstill', decidedAt, standstillEndsAt: new Date('2027-04-06T23:00:00Z') };
  const now = new Date('2027-03-30T12:00:00Z');

  it('is recorded during the standstill, made between the decision and now', () => {
    expect(challengeRefusal(standstill, new Date('2027-03-29T09:00:00Z'), now)).toBeNull();
  });

  it('is refused outside the standstill, before the decision, in the future or after the standstill', () => {
    expect(challengeRefusal({ ...standstill, stage: 'awarded' }, now, now)?.rule).toBe('TENDERING.NOT_IN_STANDSTILL');
    expect(challengeRefusal(standstill, new Date('2027-03-23T09:00:00Z'), now)?.message).toBe(
      `madeAt 2027-03-23T09:00:00.000Z is before the award decision at ${decidedAt.toISOString()}`,
    );
    expect(challengeRefusal(standstill, new Date('2027-03-31T00:00:00Z'), now)?.rule).toBe('TENDERING.CHALLENGE_DATE');
    const later = new Date('2027-04-07T09:00:00Z');
    expect(challengeRefusal(standstill, later, later)?.rule).toBe('TENDERING.STANDSTILL_OVER');
  });

  it('has its outcome recorded once', () => {
    expect(outcomeRefusal({ outcome: null })).toBeNull();
    expect(outcomeRefusal({ outcome: 'dismissed' })?.rule).toBe('TENDERING.CHALLENGE_DECIDED');
  });
});
