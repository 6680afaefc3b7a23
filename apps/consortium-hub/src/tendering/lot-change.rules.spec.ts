import {
  changedTerms,
  compareReferences,
  coopsToInvite,
  isLocal,
  lotChangeRefusal,
  lotClosedRefusal,
  lotDeadline,
  lotDeadlineProblem,
  lotTermsProblem,
  splitLot,
} from './lot-change.rules';
import { TENDER_STAGES } from './tender-stage.rules';

const lot = { reference: '2', title: 'Home care, Marsden', hoursPerWeek: 120, status: 'open' as const };

describe('splitting a lot', () => {
  it('numbers the parts under the lot and keeps their hours', () => {
    expect(splitLot(lot, [{ hoursPerWeek: 70 }, { hoursPerWeek: 50, title: 'Home care, Marsden (evenings)' }])).toEqual([
      { reference: '2.1', title: 'Home care, Marsden (part 1 of 2)', hoursPerWeek: 70 },
      { reference: '2.2', title: 'Home care, Marsden (evenings)', hoursPerWeek: 50 },
    ]);
  });

  it('refuses parts that do not add up to the lot, saying both totals', () => {
    expect(splitLot(lot, [{ hoursPerWeek: 70 }, { hoursPerWeek: 40 }])).toEqual({
      rule: 'TENDERING.SPLIT_HOURS',
      kind: 'invalid',
      message: 'the parts add up to 110 hours a week, but lot 2 has 120: they must add up exactly',
    });
  });

  it('refuses a single part, an empty part, and a lot already split', () => {
    expect(splitLot(lot, [{ hoursPerWeek: 120 }])).toMatchObject({ rule: 'TENDERING.SPLIT_PARTS' });
    expect(splitLot(lot, [{ hoursPerWeek: 120 }, { hoursPerWeek: 0 }])).toMatchObject({
      rule: 'TENDERING.SPLIT_PARTS',
      message: expect.stringContaining('parts.1.hoursPerWeek'),
    });
    expect(splitLot({ ...lot, status: 'split' }, [{ hoursPerWeek: 60 }, { hoursPerWeek: 60 }])).toMatchObject({
      rule: 'TENDERING.LOT_ALREADY_SPLIT',
      kind: 'conflict',
    });
  });
});

describe('when lots may change', () => {
  const deadline = new Date('2027-01-15T12:00:00Z');
  const before = new Date('2027-01-10T12:00:00Z');

  it('lets a draft change, and an inviting tender before its deadline', () => {
    expect(lotChangeRefusal('draft', deadline, before)).toBeNull();
    expect(lotChangeRefusal('inviting', deadline, before)).toBeNull();
  });

  it('refuses a change once offers have closed, by date or by stage', () => {
    expect(lotChangeRefusal('inviting', deadline, deadline)).toEqual({
      rule: 'TENDERING.LOTS_FIXED',
      kind: 'conflict',
      message: 'the tender is inviting but offers closed at 2027-01-15T12:00:00.000Z: the lots can no longer change',
      currentStage: 'inviting',
    });
    for (const stage of TENDER_STAGES.filter((s) => s !== 'draft' && s !== 'inviting')) {
      expect(lotChangeRefusal(stage, deadline, before)).toMatchObject({
        rule: 'TENDERING.LOTS_FIXED',
        message: `the lots of a tender that is ${stage} can no longer change`,
        currentStage: stage,
      });
    }
  });

  it('counts only the terms a patch really changes', () => {
    const terms = {
      title: 't',
      locality: 'Marsden',
      serviceType: 'personal-care' as const,
      hoursPerWeek: 10,
      ceilingPencePerHour: 2500,
      startsOn: '2027-04-01',
      endsOn: '2028-03-31',
    };
    expect(changedTerms(terms, { hoursPerWeek: 10, locality: 'Marsden' })).toEqual([]);
    expect(changedTerms(terms, { hoursPerWeek: 12, ceilingPencePerHour: undefined })).toEqual(['hoursPerWeek']);
  });

  it('refuses a lot that ends before it starts', () => {
    expect(lotTermsProblem({ startsOn: '2027-04-01', endsOn: '2027-03-31' })).toMatchObject({ rule: 'TENDERING.LOT_DATES' });
    expect(lotTermsProblem({ startsOn: '2027-04-01', endsOn: '2027-04-01' })).toBeNull();
  });
});

describe('who is invited', () => {
  const coops = [
    { id: 'colne', status: 'trading', localities: ['Marsden', 'Slaithwaite'], servicesOffered: ['personal-care', 'befriending'] },
    { id: 'holme', status: 'registered', localities: ['Holmfirth'], servicesOffered: ['personal-care'] },
    { id: 'gone', status: 'suspended', localities: ['Marsden'], servicesOffered: ['personal-care'] },
    { id: 'gardens', status: 'trading', localities: ['Marsden'], servicesOffered: ['gardening'] },
  ];

  it('invites the co-ops that serve the locality and offer the service, and are registered or trading', () => {
    expect(coopsToInvite({ locality: 'Marsden', serviceType: 'personal-care' }, coops)).toEqual(['colne']);
  });

  it('matches localities whatever their case or stray spaces, as purchasing does', () => {
    expect(coopsToInvite({ locality: ' marsden ', serviceType: 'personal-care' }, coops)).toEqual(['colne']);
    expect(isLocal({ localities: ['Holme  Valley'] }, { locality: 'holme valley' })).toBe(true);
    expect(isLocal({ localities: ['Holmfirth'] }, { locality: 'Holme Valley' })).toBe(false);
  });

  it('adds a co-op staff named if it offers the service, wherever it is', () => {
    expect(coopsToInvite({ locality: 'Marsden', serviceType: 'personal-care' }, coops, ['holme', 'gardens'])).toEqual(['colne', 'holme']);
  });
});

it('orders lot references as people read them', () => {
  expect(['10', '2.2', '2', '1', '2.10', '2.1', 'A'].sort(compareReferences)).toEqual(['1', '2', '2.1', '2.2', '2.10', '10', 'A']);
});

describe("a lot's own deadline", () => {
  const tenderDeadline = new Date('2027-01-15T12:00:00Z');
  const now = new Date('2027-01-01T09:00:00Z');

  it('is in the future and at or before the tender deadline, and none is fine', () => {
    expect(lotDeadlineProblem('1', null, tenderDeadline, now)).toBeNull();
    expect(lotDeadlineProblem('1', tenderDeadline, tenderDeadline, now)).toBeNull();
    expect(lotDeadlineProblem('1', new Date('2027-01-15T12:00:01Z'), tenderDeadline, now)).toEqual({
      rule: 'TENDERING.LOT_DEADLINE',
      kind: 'invalid',
      message: "lot 1: deadline 2027-01-15T12:00:01.000Z is after the tender's deadline 2027-01-15T12:00:00.000Z",
    });
    expect(lotDeadlineProblem('1', now, tenderDeadline, now)?.message).toBe('lot 1: deadline must be in the future');
  });

  it("closes offers on the lot at the earlier of its own deadline and the tender's", () => {
    const own = new Date('2027-01-10T12:00:00Z');
    expect(lotDeadline({ deadline: own }, tenderDeadline)).toEqual(own);
    expect(lotDeadline({ deadline: null }, tenderDeadline)).toEqual(tenderDeadline);
    expect(lotDeadline({ deadline: new Date('2027-02-01T00:00:00Z') }, tenderDeadline)).toEqual(tenderDeadline);
  });

  it('fixes the lot once it has passed', () => {
    const own = new Date('2027-01-10T12:00:00Z');
    expect(lotClosedRefusal({ reference: '2', deadline: own }, new Date('2027-01-10T11:59:59Z'))).toBeNull();
    expect(lotClosedRefusal({ reference: '2', deadline: null }, new Date('2030-01-01T00:00:00Z'))).toBeNull();
    expect(lotClosedRefusal({ reference: '2', deadline: own }, own)).toEqual({
      rule: 'TENDERING.LOT_CLOSED',
      kind: 'conflict',
      message: 'lot 2 closed for offers at its deadline 2027-01-10T12:00:00.000Z: it can no longer change',
    });
  });
});
