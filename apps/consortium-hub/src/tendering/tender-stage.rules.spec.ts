import {
  allowedTenderActions,
  datedSteps,
  DatedTender,
  dueForAssembly,
  isFinal,
  stageAfterAward,
  stageByDate,
  TENDER_ACTIONS,
  TENDER_STAGES,
  TenderAction,
  TenderStage,
  tenderTransition,
} from './tender-stage.rules';

const ALLOWED: [TenderStage, TenderAction, TenderStage][] = [
  ['draft', 'change-lots', 'draft'],
  ['draft', 'invite', 'inviting'],
  ['draft', 'cancel', 'cancelled'],
  ['inviting', 'change-lots', 'inviting'],
  ['inviting', 'close-offers', 'assembling'],
  ['inviting', 'cancel', 'cancelled'],
  ['assembling', 'assemble', 'assembling'],
  ['assembling', 'submit', 'submitted'],
  ['assembling', 'cancel', 'cancelled'],
  ['submitted', 'award', 'standstill'],
  ['submitted', 'lose', 'lost'],
  ['submitted', 'cancel', 'cancelled'],
  ['standstill', 'finalise', 'awarded'],
  ['standstill', 'set-aside', 'submitted'],
];

/** One refused step for each stage, the one a user is most likely to try. */
const REFUSED: [TenderStage, TenderAction][] = [
  ['draft', 'submit'],
  ['inviting', 'submit'],
  ['assembling', 'change-lots'],
  ['submitted', 'assemble'],
  ['standstill', 'cancel'],
  ['awarded', 'cancel'],
  ['lost', 'award'],
  ['cancelled', 'invite'],
];

describe('the tender stage machine', () => {
  it.each(ALLOWED)('lets a %s tender %s, and it becomes %s', (stage, action, next) => {
    expect(tenderTransition(stage, action)).toEqual({ next });
  });

  it.each(REFUSED)('refuses a %s tender the step %s, naming the stage and what it allows', (stage, action) => {
    const step = tenderTransition(stage, action);
    expect(step).toEqual({
      violation: expect.objectContaining({
        rule: 'TENDERING.STAGE_TRANSITION_REFUSED',
        stage,
        allowedActions: allowedTenderActions(stage),
      }),
    });
    expect('violation' in step && step.violation.message).toContain(`a tender that is ${stage} cannot`);
  });

  it('allows nothing but the listed steps, from any stage', () => {
    for (const stage of TENDER_STAGES) {
      for (const action of TENDER_ACTIONS) {
        const listed = ALLOWED.some(([s, a]) => s === stage && a === action);
        expect({ stage, action, allowed: 'next' in tenderTransition(stage, action) }).toEqual({ stage, action, allowed: listed });
      }
    }
  });

  it('has awarded, lost and cancelled as its final stages', () => {
    expect(TENDER_STAGES.filter(isFinal)).toEqual(['awarded', 'lost', 'cancelled']);
  });
});

describe('moves by date', () => {
  const deadline = new Date('2027-01-15T12:00:00Z');

  it('closes an inviting tender for offers at its deadline, not a moment before', () => {
    expect(stageByDate('inviting', { deadline }, new Date('2027-01-15T11:59:59.999Z'))).toBe('inviting');
    expect(stageByDate('inviting', { deadline }, deadline)).toBe('assembling');
  });

  it('makes an award final when its standstill ends with no challenge open, and not while one is', () => {
    const standstillEndsAt = new Date('2027-04-06T23:00:00Z');
    expect(stageByDate('standstill', { deadline, standstillEndsAt }, new Date('2027-04-06T22:59:59.999Z'))).toBe('standstill');
    expect(stageByDate('standstill', { deadline, standstillEndsAt }, standstillEndsAt)).toBe('awarded');
    expect(stageByDate('standstill', { deadline, standstillEndsAt, openChallenges: 1 }, new Date('2030-01-01T00:00:00Z'))).toBe(
      'standstill',
    );
  });

  it('moves no other stage by date', () => {
    for (const stage of TENDER_STAGES.filter((s) => s !== 'inviting' && s !== 'standstill'))
      expect(stageByDate(stage, { deadline, standstillEndsAt: deadline }, new Date('2030-01-01T00:00:00Z'))).toBe(stage);
  });

  it('gives the deadline job an inviting tender past its deadline, and an assembling one left without a bid', () => {
    const later = new Date('2027-01-15T12:00:01Z');
    expect(dueForAssembly({ stage: 'inviting', deadline, assembledAt: null }, later)).toBe(true);
    expect(dueForAssembly({ stage: 'inviting', deadline, assembledAt: null }, new Date('2027-01-15T11:59:59Z'))).toBe(false);
    expect(dueForAssembly({ stage: 'assembling', deadline, assembledAt: null }, later)).toBe(true);
    expect(dueForAssembly({ stage: 'assembling', deadline, assembledAt: later }, later)).toBe(false);
    for (const stage of TENDER_STAGES.filter((s) => s !== 'inviting' && s !== 'assembling'))
      expect(dueForAssembly({ stage, deadline, assembledAt: null }, later)).toBe(false);
  });
});

describe('dated steps', () => {
  const deadline = new Date('2027-01-15T12:00:00Z');
  const tender = (overrides: Partial<DatedTender> = {}): DatedTender => ({
    stage: 'inviting',
    deadline,
    enquiryEndsAt: new Date('2027-01-08T12:00:00Z'),
    enquiriesClosedAt: null,
    standstillEndsAt: null,
    openChallenges: 0,
    lots: [
      { id: 'l1', status: 'open', deadline: new Date('2027-01-10T12:00:00Z'), offersClosedAt: null },
      { id: 'l2', status: 'open', deadline: null, offersClosedAt: null },
      { id: 'l0', status: 'split', deadline: new Date('2027-01-09T12:00:00Z'), offersClosedAt: null },
    ],
    ...overrides,
  });
  const NOTHING = { closeEnquiries: false, closeLots: [], finalise: false };

  it('takes nothing before the first date', () => {
    expect(datedSteps(tender(), new Date('2027-01-08T11:59:59Z'))).toEqual(NOTHING);
  });

  it('ends the enquiry period at its end, once', () => {
    const at = new Date('2027-01-08T12:00:00Z');
    expect(datedSteps(tender(), at)).toEqual({ ...NOTHING, closeEnquiries: true });
    expect(datedSteps(tender({ enquiriesClosedAt: at }), at)).toEqual(NOTHING);
    expect(datedSteps(tender({ enquiryEndsAt: null }), at)).toEqual(NOTHING);
    expect(datedSteps(tender({ stage: 'cancelled' }), at)).toEqual(NOTHING);
  });

  it("closes an open lot at its own deadline, once, while the tender takes offers; a split lot's parts are the lots", () => {
    const at = new Date('2027-01-10T12:00:00Z');
    expect(datedSteps(tender({ enquiriesClosedAt: at }), at)).toEqual({ ...NOTHING, closeLots: ['l1'] });
    const closed = tender({ enquiriesClosedAt: at });
    closed.lots[0].offersClosedAt = at;
    expect(datedSteps(closed, at)).toEqual(NOTHING);
    expect(datedSteps(tender({ stage: 'assembling', enquiriesClosedAt: at }), at).closeLots).toEqual([]);
  });

  it('makes the award final at the end of its standstill unless a challenge is open', () => {
    const standstillEndsAt = new Date('2027-04-06T23:00:00Z');
    const decided = { stage: 'standstill' as const, enquiriesClosedAt: deadline, standstillEndsAt };
    expect(datedSteps(tender(decided), new Date('2027-04-06T22:00:00Z'))).toEqual(NOTHING);
    expect(datedSteps(tender(decided), standstillEndsAt)).toEqual({ ...NOTHING, finalise: true });
    expect(datedSteps(tender({ ...decided, openChallenges: 2 }), standstillEndsAt)).toEqual(NOTHING);
  });
});

describe('after the award', () => {
  it('goes to its standstill when any lot is won, whole or in part, and is lost when every lot is lost', () => {
    expect(stageAfterAward(['lost', 'partial'])).toBe('award');
    expect(stageAfterAward(['whole'])).toBe('award');
    expect(stageAfterAward(['lost', 'lost'])).toBe('lose');
  });
});
