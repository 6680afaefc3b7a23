import { capacityOf, compareReferences, contractedHours, offerProblem, overlapDays, suggestOffers } from './tendering.rules';

const load = { contractedMinutesPerWeek: 300 * 60, plannedMinutesLastFourWeeks: 4 * 200 * 60, plannedMinutesNextFourWeeks: 4 * 180 * 60, contractHoursPerWeek: 30, meanCarerPayPence: 1400 };

describe('spare capacity', () => {
  it('is contracted hours less the busier four weeks of visits less contract hours, in whole hours', () => {
    expect(capacityOf(load)).toEqual({ contractedHoursPerWeek: 300, plannedVisitHoursPerWeek: 200, contractHoursPerWeek: 30, spareHoursPerWeek: 70, estimatedCostPencePerHour: 2240 });
    expect(capacityOf({ ...load, plannedMinutesNextFourWeeks: 4 * 250 * 60 }).spareHoursPerWeek).toBe(20);
  });

  it('is never below nothing, and rounds part hours down', () => {
    expect(capacityOf({ ...load, contractHoursPerWeek: 500 }).spareHoursPerWeek).toBe(0);
    expect(capacityOf({ ...load, contractedMinutesPerWeek: 300 * 60 + 59, contractHoursPerWeek: 0 }).spareHoursPerWeek).toBe(100);
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
