import { answerProblem, nodeRequestStatus } from './brokerage.rules';

const REQUEST = { timesOfDay: ['morning' as const, 'teatime' as const], daysPerWeek: 5 };

describe("a request's status on the node", () => {
  it('is placed, else gone, else answered, else open', () => {
    expect(nodeRequestStatus({ placed: true, gone: true, answered: true })).toBe('placed');
    expect(nodeRequestStatus({ placed: false, gone: true, answered: true })).toBe('gone');
    expect(nodeRequestStatus({ placed: false, gone: false, answered: true })).toBe('answered');
    expect(nodeRequestStatus({ placed: false, gone: false, answered: false })).toBe('open');
  });
});

describe('answering a request', () => {
  const offer = { answer: 'offer' as const, canStartOn: '2027-03-02', timesOfDayCovered: ['morning' as const], daysPerWeekCovered: 5 };

  it('lets an open request be answered with an offer of some of its visits, or a decline', () => {
    expect(answerProblem('open', REQUEST, offer)).toBeNull();
    expect(answerProblem('open', REQUEST, { answer: 'decline' })).toBeNull();
  });

  it('refuses a second answer, and any answer once the request is gone or placed', () => {
    expect(answerProblem('answered', REQUEST, offer)).toMatchObject({ rule: 'BROKERAGE.ALREADY_ANSWERED', kind: 'conflict' });
    expect(answerProblem('gone', REQUEST, { answer: 'decline' })).toMatchObject({ rule: 'BROKERAGE.REQUEST_GONE', kind: 'conflict' });
    expect(answerProblem('placed', REQUEST, offer)).toMatchObject({ rule: 'BROKERAGE.ALREADY_PLACED' });
  });

  it('refuses an offer of visits or days the request does not ask for', () => {
    expect(answerProblem('open', REQUEST, { ...offer, timesOfDayCovered: ['morning', 'night'] })).toEqual({
      rule: 'BROKERAGE.OFFER_OUTSIDE_REQUEST',
      kind: 'invalid',
      message: 'timesOfDayCovered names night, which the request does not ask for',
    });
    expect(answerProblem('open', REQUEST, { ...offer, daysPerWeekCovered: 6 })).toMatchObject({
      message: 'daysPerWeekCovered 6 is more than the 5 days a week asked for',
    });
  });
});
