import { ONBOARDING_STAGES, OnboardingStage } from '@app/contracts';

import {
  closedStages,
  closeViolation,
  consortiumDay,
  evidenceDateProblem,
  firstOpenStage,
  isStalled,
  latestClosedStage,
  previousStage,
  reopenViolation,
  StageEvent,
  stageStates,
  statusToFollow,
} from './journey.rules';

const closed = (...stages: OnboardingStage[]) => new Set<OnboardingStage>(stages);
const firstN = (n: number) => new Set<OnboardingStage>(ONBOARDING_STAGES.slice(0, n));

describe('journey rules', () => {
  describe('the state of a stage', () => {
    it('is open until its first event', () => {
      expect([...stageStates([]).values()]).toEqual(ONBOARDING_STAGES.map(() => 'open'));
    });

    it('is what its latest event says, whatever came before', () => {
      const events: StageEvent[] = [
        { stage: 'community-meetings', action: 'closed' },
        { stage: 'steering-group', action: 'closed' },
        { stage: 'steering-group', action: 'reopened' },
        { stage: 'steering-group', action: 'closed' },
        { stage: 'model-rules-adopted', action: 'closed' },
        { stage: 'model-rules-adopted', action: 'reopened' },
      ];
      const states = stageStates(events);
      expect(states.get('community-meetings')).toBe('closed');
      expect(states.get('steering-group')).toBe('closed');
      expect(states.get('model-rules-adopted')).toBe('open');
      expect([...closedStages(events)]).toEqual(['community-meetings', 'steering-group']);
    });
  });

  describe('the stage a journey is at', () => {
    it('is the first stage not closed, and none once trading is closed', () => {
      expect(firstOpenStage(closed())).toBe('community-meetings');
      expect(firstOpenStage(firstN(3))).toBe('registered');
      expect(firstOpenStage(firstN(10))).toBeNull();
    });

    it('knows the latest closed stage and each stage before another', () => {
      expect(latestClosedStage(closed())).toBeNull();
      expect(latestClosedStage(firstN(4))).toBe('registered');
      expect(previousStage('community-meetings')).toBeNull();
      expect(previousStage('trading')).toBe('first-person-supported');
    });
  });

  describe('closing', () => {
    it('closes the first open stage', () => {
      expect(closeViolation('community-meetings', closed())).toBeNull();
      expect(closeViolation('registered', firstN(3))).toBeNull();
      expect(closeViolation('trading', firstN(9))).toBeNull();
    });

    it('refuses a later stage while an earlier one is open, naming the first open stage', () => {
      expect(closeViolation('registered', firstN(1))).toEqual({
        rule: 'ONBOARDING.STAGE_OUT_OF_ORDER',
        message: expect.stringContaining('steering-group'),
        openStage: 'steering-group',
      });
      expect(closeViolation('trading', closed())).toMatchObject({ openStage: 'community-meetings' });
    });

    it('refuses a stage that is closed already', () => {
      expect(closeViolation('community-meetings', firstN(2))).toMatchObject({ rule: 'ONBOARDING.STAGE_ALREADY_CLOSED' });
      expect(closeViolation('trading', firstN(10))).toMatchObject({ rule: 'ONBOARDING.STAGE_ALREADY_CLOSED' });
    });
  });

  describe('reopening', () => {
    it('reopens the latest closed stage', () => {
      expect(reopenViolation('model-rules-adopted', firstN(3))).toBeNull();
      expect(reopenViolation('trading', firstN(10))).toBeNull();
    });

    it('refuses a stage that is not closed', () => {
      expect(reopenViolation('registered', firstN(3))).toMatchObject({ rule: 'ONBOARDING.STAGE_NOT_CLOSED' });
      expect(reopenViolation('community-meetings', closed())).toMatchObject({ rule: 'ONBOARDING.STAGE_NOT_CLOSED' });
    });

    it('refuses an earlier stage while a later one is closed, naming the latest closed', () => {
      expect(reopenViolation('steering-group', firstN(4))).toEqual({
        rule: 'ONBOARDING.LATER_STAGE_CLOSED',
        message: expect.stringContaining('registered'),
        closedStage: 'registered',
      });
    });
  });

  describe("evidence's date", () => {
    const facts = { today: '2027-05-10', startedOn: '2027-01-15', previous: { stage: 'steering-group' as const, date: '2027-03-01' } };

    it('may be any day from the previous stage (or the start) to today, both included', () => {
      for (const date of ['2027-03-01', '2027-04-30', '2027-05-10']) expect(evidenceDateProblem(date, facts)).toBeNull();
      expect(evidenceDateProblem('2027-01-15', { ...facts, previous: null })).toBeNull();
    });

    it('refuses a day after today', () => {
      expect(evidenceDateProblem('2027-05-11', facts)).toMatchObject({ rule: 'ONBOARDING.EVIDENCE_IN_FUTURE' });
    });

    it('refuses a day before the journey started', () => {
      expect(evidenceDateProblem('2027-01-14', { ...facts, previous: null })).toMatchObject({ rule: 'ONBOARDING.EVIDENCE_BEFORE_START' });
    });

    it("refuses a day before the previous stage's evidence, naming that stage", () => {
      expect(evidenceDateProblem('2027-02-28', facts)).toMatchObject({
        rule: 'ONBOARDING.EVIDENCE_BEFORE_PREVIOUS',
        previousStage: 'steering-group',
      });
    });
  });

  describe('the registry status the journey gives', () => {
    it('follows the closed stages from proposed to trading, and back when a stage reopens', () => {
      expect(statusToFollow('proposed', firstN(1))).toBe('forming');
      expect(statusToFollow('forming', firstN(3))).toBeNull();
      expect(statusToFollow('forming', firstN(4))).toBe('registered');
      expect(statusToFollow('registered', firstN(10))).toBe('trading');
      expect(statusToFollow('trading', firstN(9))).toBe('registered');
      expect(statusToFollow('forming', closed())).toBe('proposed');
    });

    it('leaves a suspended co-op, or one that left, as staff put it', () => {
      expect(statusToFollow('suspended', firstN(4))).toBeNull();
      expect(statusToFollow('left', firstN(10))).toBeNull();
    });
  });

  describe('a stalled journey', () => {
    const now = new Date('2027-06-01T12:00:00Z');
    it('has had no progress for more than the stall days, and has not reached trading', () => {
      expect(isStalled(new Date('2027-03-01T12:00:00Z'), false, now, 90)).toBe(true);
      expect(isStalled(new Date('2027-03-03T12:00:00Z'), false, now, 90)).toBe(false);
      expect(isStalled(new Date('2026-01-01T12:00:00Z'), true, now, 90)).toBe(false);
    });
  });

  it("counts days on the consortium's calendar, Europe/London", () => {
    expect(consortiumDay(new Date('2027-06-30T23:30:00Z'))).toBe('2027-07-01');
    expect(consortiumDay(new Date('2027-12-31T23:30:00Z'))).toBe('2027-12-31');
  });
});
