import {
  allowedTenderActions,
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
  ['submitted', 'award', 'awarded'],
  ['submitted', 'lose', 'lost'],
  ['submitted', 'cancel', 'cancelled'],
];

/** One refused step for each stage, the one a user is most likely to try. */
const REFUSED: [TenderStage, TenderAction][] = [
  ['draft', 'submit'],
  ['inviting', 'submit'],
  ['assembling', 'change-lots'],
  ['submitted', 'assemble'],
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
    expect(stageByDate('inviting', deadline, new Date('2027-01-15T11:59:59.999Z'))).toBe('inviting');
    expect(stageByDate('inviting', deadline, deadline)).toBe('assembling');
  });

  it('moves no other stage by date', () => {
    for (const stage of TENDER_STAGES.filter((s) => s !== 'inviting'))
      expect(stageByDate(stage, deadline, new Date('2030-01-01T00:00:00Z'))).toBe(stage);
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

describe('after the award', () => {
  it('is awarded when any lot is won, whole or in part, and lost when every lot is lost', () => {
    expect(stageAfterAward(['lost', 'partial'])).toBe('award');
    expect(stageAfterAward(['whole'])).toBe('award');
    expect(stageAfterAward(['lost', 'lost'])).toBe('lose');
  });
});
