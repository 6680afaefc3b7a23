import { givenTargets, hubAnswerState, runnerPublicDetails, SpinOffProposalFacts, spinOffViolation } from './onboarding.rules';

const facts = (over: Partial<SpinOffProposalFacts> = {}): SpinOffProposalFacts => ({
  coopId: 'huddersfield',
  ownCoopId: 'colne-valley',
  proposedBefore: false,
  runner: { startedOn: '2022-04-01', leftOn: null },
  targets: { registeredBy: '2027-03-31', tradingBy: '2027-09-30' },
  today: '2026-06-15',
  ...over,
});

describe('proposing a spin-off', () => {
  it('takes another co-op, first proposed, with a runner working here today', () => {
    expect(spinOffViolation(facts())).toBeNull();
    expect(spinOffViolation(facts({ targets: {} }))).toBeNull();
    expect(spinOffViolation(facts({ targets: { tradingBy: '2026-01-01' } }))).toBeNull();
  });

  it("refuses the co-op's own id, naming coopId", () => {
    expect(spinOffViolation(facts({ coopId: 'colne-valley' }))).toEqual({
      code: 'ONBOARDING.OWN_COOP',
      message: "coopId colne-valley is this co-op's own id: a spin-off is a new co-op",
      kind: 'invalid',
    });
  });

  it('refuses a co-op proposed before from here', () => {
    expect(spinOffViolation(facts({ proposedBefore: true }))).toMatchObject({ code: 'ONBOARDING.ALREADY_PROPOSED', kind: 'conflict' });
  });

  it('refuses trading aimed before registration, and takes both on one day', () => {
    expect(spinOffViolation(facts({ targets: { registeredBy: '2027-03-31', tradingBy: '2027-03-30' } }))).toMatchObject({
      code: 'ONBOARDING.TARGETS_OUT_OF_ORDER',
      kind: 'invalid',
    });
    expect(spinOffViolation(facts({ targets: { registeredBy: '2027-03-31', tradingBy: '2027-03-31' } }))).toBeNull();
  });

  it('refuses a runner who left before today, and takes one whose last day is today or later', () => {
    expect(spinOffViolation(facts({ runner: { startedOn: '2022-04-01', leftOn: '2026-06-14' } }))).toEqual({
      code: 'ONBOARDING.RUNNER_NOT_CURRENT',
      message: 'runner.staffId: the runner left this co-op on 2026-06-14; a runner must work here now',
      kind: 'conflict',
    });
    expect(spinOffViolation(facts({ runner: { startedOn: '2022-04-01', leftOn: '2026-06-15' } }))).toBeNull();
    expect(spinOffViolation(facts({ runner: { startedOn: '2022-04-01', leftOn: '2026-08-31' } }))).toBeNull();
  });

  it('refuses a runner who has not started yet, and takes one starting today', () => {
    expect(spinOffViolation(facts({ runner: { startedOn: '2026-06-16', leftOn: null } }))?.code).toBe('ONBOARDING.RUNNER_NOT_CURRENT');
    expect(spinOffViolation(facts({ runner: { startedOn: '2026-06-15', leftOn: null } }))).toBeNull();
  });
});

describe("the runner's public details", () => {
  it('keeps only the details the runner agreed to show', () => {
    const request = {
      staffId: '5d1c4a8e-9b7f-4e21-a3c6-0f2e8d9b1a47',
      agreed: true,
      fullName: 'Bethany Anne Crowther',
      displayName: 'Beth Crowther',
      roleTitle: 'senior carer',
      publicEmail: 'runner@colne-valley.coop',
      publicPhone: '01484 000000',
    };
    expect(runnerPublicDetails(request)).toEqual({
      displayName: 'Beth Crowther',
      roleTitle: 'senior carer',
      publicEmail: 'runner@colne-valley.coop',
      publicPhone: '01484 000000',
    });
  });

  it('leaves out a detail not given rather than sending it empty', () => {
    expect(runnerPublicDetails({ displayName: 'Beth' })).toStrictEqual({ displayName: 'Beth' });
  });
});

describe('target dates', () => {
  it('keeps the dates given and leaves out the others', () => {
    expect(givenTargets({ registeredBy: '2027-03-31', tradingBy: '2027-09-30' })).toEqual({
      registeredBy: '2027-03-31',
      tradingBy: '2027-09-30',
    });
    expect(givenTargets({ tradingBy: '2027-09-30' })).toStrictEqual({ tradingBy: '2027-09-30' });
    expect(givenTargets({})).toStrictEqual({});
    expect(givenTargets(undefined)).toStrictEqual({});
  });
});

describe("the hub's answer to a message", () => {
  it.each([
    ['pending', 'sending'],
    ['published', 'sending'],
    ['confirmed', 'confirmed'],
    ['rejected', 'rejected'],
  ])('reads an outbox row %s as %s', (status, state) => {
    expect(hubAnswerState(status)).toBe(state);
  });
});
