import { answerRefusal, enquiryPeriodProblem, EnquirySituation, judgeEnquiry } from './enquiry.rules';

const INVITED = new Date('2027-01-02T09:00:00Z');
const ENDS = new Date('2027-01-08T12:00:00Z');
const DEADLINE = new Date('2027-01-15T12:00:00Z');

const situation = (overrides: Partial<EnquirySituation> = {}, tender: Partial<EnquirySituation['tender']> = {}): EnquirySituation => ({
  tender: { stage: 'inviting', enquiryStartsAt: null, enquiryEndsAt: ENDS, invitedAt: INVITED, ...tender },
  invited: true,
  coopId: 'colne-valley',
  receivedAt: new Date('2027-01-05T10:00:00Z'),
  ...overrides,
});

describe('the enquiry period', () => {
  const now = new Date('2027-01-01T00:00:00Z');

  it('must end in the future and before the deadline, and start before it ends', () => {
    expect(enquiryPeriodProblem(null, DEADLINE, now)).toBeNull();
    expect(enquiryPeriodProblem({ startDate: null, endDate: ENDS }, DEADLINE, now)).toBeNull();
    expect(enquiryPeriodProblem({ startDate: null, endDate: DEADLINE }, DEADLINE, now)?.message).toBe(
      `enquiryPeriod.endDate ${DEADLINE.toISOString()} must be before the deadline ${DEADLINE.toISOString()}`,
    );
    expect(enquiryPeriodProblem({ startDate: null, endDate: now }, DEADLINE, now)?.rule).toBe('TENDERING.ENQUIRY_PERIOD');
    expect(enquiryPeriodProblem({ startDate: ENDS, endDate: ENDS }, DEADLINE, now)?.message).toBe(
      'enquiryPeriod.startDate must be before its endDate',
    );
  });
});

describe('a question from a co-op', () => {
  it("is taken during the period, as asked at the node's signed time", () => {
    const asked = new Date('2027-01-05T09:59:00Z');
    expect(judgeEnquiry(situation(), asked)).toEqual({ accepted: true, askedAt: asked });
  });

  it('is refused once the period has ended, naming its end; one asked in time that arrives late still counts', () => {
    const late = judgeEnquiry(situation({ receivedAt: ENDS }), ENDS);
    expect(late).toEqual({
      accepted: false,
      refusal: {
        rule: 'TENDERING.ENQUIRY_PERIOD_OVER',
        kind: 'conflict',
        message: `the question was asked at ${ENDS.toISOString()}, after the enquiry period ended at ${ENDS.toISOString()}`,
      },
    });
    const delayed = judgeEnquiry(situation({ receivedAt: new Date('2027-01-09T08:00:00Z') }), new Date('2027-01-08T11:00:00Z'));
    expect(delayed).toMatchObject({ accepted: true });
  });

  it('is refused before the period opens, from a co-op not invited, on a tender with no period or cancelled', () => {
    const opens = new Date('2027-01-04T00:00:00Z');
    expect(judgeEnquiry(situation({}, { enquiryStartsAt: opens }), new Date('2027-01-03T00:00:00Z'))).toMatchObject({
      refusal: { rule: 'TENDERING.ENQUIRY_PERIOD_NOT_OPEN' },
    });
    expect(judgeEnquiry(situation({ invited: false }), new Date('2027-01-05T00:00:00Z'))).toMatchObject({
      refusal: { rule: 'TENDERING.NOT_INVITED', kind: 'forbidden' },
    });
    expect(judgeEnquiry(situation({}, { enquiryEndsAt: null }), new Date('2027-01-05T00:00:00Z'))).toMatchObject({
      refusal: { rule: 'TENDERING.NO_ENQUIRY_PERIOD' },
    });
    expect(judgeEnquiry(situation({}, { stage: 'cancelled' }), new Date('2027-01-05T00:00:00Z'))).toMatchObject({
      refusal: { rule: 'TENDERING.TENDER_CANCELLED' },
    });
  });

  it("is refused when the node's clock runs far ahead", () => {
    expect(judgeEnquiry(situation(), new Date('2027-01-05T11:00:00Z'))).toMatchObject({ refusal: { rule: 'TENDERING.CLOCK_SKEW' } });
  });
});

describe('an answer', () => {
  it('is given once, until the council decides', () => {
    expect(answerRefusal('inviting', false)).toBeNull();
    expect(answerRefusal('submitted', false)).toBeNull();
    expect(answerRefusal('inviting', true)?.rule).toBe('TENDERING.ALREADY_ANSWERED');
    expect(answerRefusal('standstill', false)?.rule).toBe('TENDERING.ENQUIRY_CLOSED');
  });
});
