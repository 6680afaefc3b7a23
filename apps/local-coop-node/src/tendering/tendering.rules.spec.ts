import {
  capacityOf,
  compareReferences,
  contractedHours,
  defaultTotalHoursPerWeek,
  enquiryProblem,
  offeredElsewhere,
  offeredHoursByTender,
  offerProblem,
  overlapDays,
  suggestOffers,
  totalProblem,
} from './tendering.rules';

const load = {
  contractedMinutesPerWeek: 300 * 60,
  plannedMinutesLastFourWeeks: 4 * 200 * 60,
  plannedMinutesNextFourWeeks: 4 * 180 * 60,
  contractHoursPerWeek: 30,
  offeredElsewhereHoursPerWeek: 0,
  meanCarerPayPence: 1400,
};

describe('spare capacity', () => {
  it('is contracted hours less the busier four weeks of visits less contract hours, in whole hours', () => {
    expect(capacityOf(load)).toEqual({
      contractedHoursPerWeek: 300,
      plannedVisitHoursPerWeek: 200,
      contractHoursPerWeek: 30,
      offeredElsewhereHoursPerWeek: 0,
      spareHoursPerWeek: 70,
      estimatedCostPencePerHour: 2240,
    });
    expect(capacityOf({ ...load, plannedMinutesNextFourWeeks: 4 * 250 * 60 }).spareHoursPerWeek).toBe(20);
  });

  it('is never below nothing, and rounds part hours down', () => {
    expect(capacityOf({ ...load, contractHoursPerWeek: 500 }).spareHoursPerWeek).toBe(0);
    expect(capacityOf({ ...load, contractedMinutesPerWeek: 300 * 60 + 59, contractHoursPerWeek: 0 }).spareHoursPerWeek).toBe(100);
  });
});

describe('hours on offer elsewhere', () => {
  it('are taken off the spare hours, so two open tenders cannot both be promised the same carers', () => {
    expect(capacityOf({ ...load, offeredElsewhereHoursPerWeek: 45 }).spareHoursPerWeek).toBe(25);
    expect(capacityOf({ ...load, offeredElsewhereHoursPerWeek: 500 }).spareHoursPerWeek).toBe(0);
  });

  it('count per tender the standing lot offers, capped by the total stated on that tender', () => {
    const byTender = offeredHoursByTender([
      { tenderId: 'kirklees', hoursPerWeek: 35, tenderTotalHoursPerWeek: 40 },
      { tenderId: 'kirklees', hoursPerWeek: 25, tenderTotalHoursPerWeek: 40 },
      { tenderId: 'calderdale', hoursPerWeek: 10, tenderTotalHoursPerWeek: null },
      { tenderId: 'calderdale', hoursPerWeek: 5, tenderTotalHoursPerWeek: null },
    ]);
    expect(byTender).toEqual(
      new Map([
        ['kirklees', 40],
        ['calderdale', 15],
      ]),
    );
    expect(offeredElsewhere(byTender, 'kirklees')).toBe(15);
    expect(offeredElsewhere(byTender, 'calderdale')).toBe(40);
    expect(offeredElsewhere(byTender, 'another')).toBe(55);
    expect(offeredElsewhere(byTender, null)).toBe(55);
  });
});

describe('the total the node states when the admin gives none', () => {
  it('is the spare hours, and never more than a total stated on the tender before', () => {
    expect(defaultTotalHoursPerWeek(70, null)).toBe(70);
    expect(defaultTotalHoursPerWeek(70, 40)).toBe(40);
    expect(defaultTotalHoursPerWeek(0, 40)).toBe(40);
  });

  it('refuses, rather than cut, an offer on one lot above the default total', () => {
    expect(totalProblem([{ hoursPerWeek: 20 }, { hoursPerWeek: 30 }], 30)).toBeNull();
    expect(totalProblem([{ hoursPerWeek: 20 }], 0)).toMatch(/totalHoursPerWeek is needed: an offer of 20 hours a week is more than the 0/);
  });

  it('keeps the suggestion from over-committing: every lot suggested in full, but the total is the spare hours', () => {
    const capacity = capacityOf(load);
    const suggestion = suggestOffers(capacity, [
      { lotId: 'a', reference: '1', hoursPerWeek: 70, ceilingPencePerHour: 2500 },
      { lotId: 'b', reference: '2', hoursPerWeek: 70, ceilingPencePerHour: 2500 },
    ]);
    expect(suggestion.offers.reduce((s, o) => s + o.hoursPerWeek, 0)).toBe(140);
    expect(defaultTotalHoursPerWeek(suggestion.totalHoursPerWeek, null)).toBe(70);
  });
});

describe('suggested offers', () => {
  const capacity = capacityOf(load);
  const lots = [
    { lotId: 'a', reference: '1', hoursPerWeek: 40, ceilingPencePerHour: 2500 },
    { lotId: 'b', reference: '2', hoursPerWeek: 120, ceilingPencePerHour: 2100 },
  ];

  it('offers each lot what it asks up to the spare hours, at the ceiling, and caps the tender at the spare hours', () => {
    expect(suggestOffers(capacity, lots)).toEqual({
      offers: [
        { lotId: 'a', hoursPerWeek: 40, pricePencePerHour: 2500, belowCost: false },
        { lotId: 'b', hoursPerWeek: 70, pricePencePerHour: 2100, belowCost: true },
      ],
      totalHoursPerWeek: 70,
    });
  });
});

describe('an offer before it leaves the node', () => {
  const lot = { lotId: 'a', reference: '1', hoursPerWeek: 40, ceilingPencePerHour: 2500, withdrawn: false };
  const deadline = new Date('2027-01-15T12:00:00Z');
  const now = new Date('2027-01-10T12:00:00Z');
  const o = (hoursPerWeek: number, pricePencePerHour: number) => ({ lotId: 'a', hoursPerWeek, pricePencePerHour });

  it('passes within the lot and its ceiling before the deadline', () => {
    expect(offerProblem(lot, o(40, 2500), deadline, now)).toBeNull();
  });

  it('is refused above the ceiling, over the lot, after the deadline, on a withdrawn or unknown lot', () => {
    expect(offerProblem(lot, o(40, 2501), deadline, now)).toMatchObject({ rule: 'TENDERING.ABOVE_CEILING', kind: 'invalid' });
    expect(offerProblem(lot, o(41, 2000), deadline, now)).toMatchObject({ rule: 'TENDERING.MORE_THAN_LOT' });
    expect(offerProblem(lot, o(10, 2000), deadline, deadline)).toMatchObject({ rule: 'TENDERING.AFTER_DEADLINE' });
    expect(offerProblem({ ...lot, withdrawn: true }, o(10, 2000), deadline, now)).toMatchObject({ rule: 'TENDERING.LOT_WITHDRAWN' });
    expect(offerProblem(undefined, o(10, 2000), deadline, now)).toMatchObject({ rule: 'TENDERING.LOT_NOT_FOUND', kind: 'not-found' });
  });

  it('is refused with a 409 once the hub has said offers closed early, naming when', () => {
    const closedAt = new Date('2027-01-09T16:00:00Z');
    expect(offerProblem(lot, o(10, 2000), deadline, now, closedAt)).toEqual({
      rule: 'TENDERING.OFFERS_CLOSED',
      kind: 'conflict',
      message:
        "the hub closed offers at 2027-01-09T16:00:00.000Z, before the deadline of 2027-01-15T12:00:00.000Z, to assemble the consortium's bid: no more offers can count",
    });
    // The hub's notice at the deadline, reaching a node whose clock is behind.
    expect(offerProblem(lot, o(10, 2000), deadline, now, deadline)).toMatchObject({
      rule: 'TENDERING.OFFERS_CLOSED',
      message: expect.stringMatching(/^the hub closed offers at 2027-01-15T12:00:00.000Z to assemble/),
    });
  });

  it("may change until the lot's own deadline, and is refused from then on, naming it", () => {
    const lotDeadline = new Date('2027-01-12T12:00:00Z');
    expect(offerProblem({ ...lot, deadline: lotDeadline }, o(10, 2000), deadline, now)).toBeNull();
    expect(offerProblem({ ...lot, deadline: lotDeadline }, o(10, 2000), deadline, lotDeadline)).toEqual({
      rule: 'TENDERING.AFTER_DEADLINE',
      kind: 'conflict',
      message: 'offers on lot 1 closed at its deadline 2027-01-12T12:00:00.000Z',
    });
  });
});

describe('a question before it leaves the node', () => {
  const period = { enquiryStartsAt: null, enquiryEndsAt: new Date('2027-01-08T12:00:00Z'), cancelled: false };
  const now = new Date('2027-01-05T12:00:00Z');

  it('goes during the enquiry period, about the tender or a lot of the invitation', () => {
    expect(enquiryProblem(period, null, undefined, now)).toBeNull();
    expect(enquiryProblem(period, { withdrawn: false }, 'a', now)).toBeNull();
  });

  it('is refused when the period is over or not open, with none, on a cancelled tender or an unknown lot', () => {
    expect(enquiryProblem(period, null, undefined, period.enquiryEndsAt)).toEqual({
      rule: 'TENDERING.ENQUIRY_PERIOD_OVER',
      kind: 'conflict',
      message: 'the enquiry period ended at 2027-01-08T12:00:00.000Z: no more questions',
    });
    expect(enquiryProblem({ ...period, enquiryStartsAt: new Date('2027-01-06T00:00:00Z') }, null, undefined, now)?.rule).toBe(
      'TENDERING.ENQUIRY_PERIOD_NOT_OPEN',
    );
    expect(enquiryProblem({ ...period, enquiryEndsAt: null }, null, undefined, now)?.rule).toBe('TENDERING.NO_ENQUIRY_PERIOD');
    expect(enquiryProblem({ ...period, cancelled: true }, null, undefined, now)?.rule).toBe('TENDERING.TENDER_CANCELLED');
    expect(enquiryProblem(period, undefined, 'b', now)).toMatchObject({ rule: 'TENDERING.LOT_NOT_FOUND', kind: 'not-found' });
  });
});

describe('contracted hours in a period', () => {
  it('counts the days of the contract inside the period', () => {
    expect(overlapDays('2027-04-01', '2029-03-31', '2027-01-01', '2027-06-30')).toBe(91);
    expect(overlapDays('2027-04-01', '2029-03-31', '2026-01-01', '2026-03-31')).toBe(0);
    expect(contractedHours(35, 91)).toBe(455);
    expect(contractedHours(10, 3)).toBe(4.29);
  });
});

it('orders lot references as people read them', () => {
  expect(['10', '2.2', '2', '1', '2.10', '2.1'].sort(compareReferences)).toEqual(['1', '2', '2.1', '2.2', '2.10', '10']);
});
