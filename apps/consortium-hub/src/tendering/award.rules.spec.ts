import { awardedHours, shareAward } from './award.rules';

const lots = [
  { lotId: 'a', reference: '1', bidHoursPerWeek: 60 },
  { lotId: 'b', reference: '2', bidHoursPerWeek: 20 },
  { lotId: 'c', reference: '3', bidHoursPerWeek: 0 },
];

describe('the award', () => {
  it('gives each lot its hours: all it bid when won whole, the hours named when won in part, none when lost', () => {
    const hours = awardedHours(lots, [
      { lotId: 'a', outcome: 'whole' },
      { lotId: 'b', outcome: 'partial', hoursPerWeek: 12 },
      { lotId: 'c', outcome: 'lost' },
    ]);
    expect(hours).toEqual(
      new Map([
        ['a', 60],
        ['b', 12],
        ['c', 0],
      ]),
    );
  });

  it('refuses a decision that leaves a lot out, decides one twice, or names an unknown lot', () => {
    expect(
      awardedHours(lots, [
        { lotId: 'a', outcome: 'whole' },
        { lotId: 'b', outcome: 'lost' },
      ]),
    ).toEqual({ rule: 'TENDERING.AWARD_INCOMPLETE', message: 'every lot must be decided; missing: 3' });
    expect(
      awardedHours(lots, [
        { lotId: 'a', outcome: 'whole' },
        { lotId: 'a', outcome: 'lost' },
      ]),
    ).toMatchObject({ rule: 'TENDERING.AWARD_TWICE' });
    expect(awardedHours(lots, [{ lotId: 'z', outcome: 'lost' }])).toMatchObject({ rule: 'TENDERING.AWARD_UNKNOWN_LOT' });
  });

  it('refuses a part award of all the hours or none, and a win on a lot the bid did not cover', () => {
    const rest = [
      { lotId: 'a', outcome: 'lost' as const },
      { lotId: 'c', outcome: 'lost' as const },
    ];
    expect(awardedHours(lots, [...rest, { lotId: 'b', outcome: 'partial', hoursPerWeek: 20 }])).toMatchObject({
      rule: 'TENDERING.AWARD_HOURS',
      message: 'lot 2: a partial award needs hoursPerWeek from 1 to 19 (the bid offered 20)',
    });
    expect(awardedHours(lots, [...rest, { lotId: 'b', outcome: 'partial' }])).toMatchObject({ rule: 'TENDERING.AWARD_HOURS' });
    expect(
      awardedHours(lots, [
        { lotId: 'a', outcome: 'lost' },
        { lotId: 'b', outcome: 'lost' },
        { lotId: 'c', outcome: 'whole' },
      ]),
    ).toMatchObject({ rule: 'TENDERING.AWARD_WITHOUT_BID' });
  });

  it('shares a part award local first, then cheapest, then by co-op id', () => {
    const bid = [
      { coopId: 'preston', hoursPerWeek: 10, pricePencePerHour: 2000, local: false },
      { coopId: 'holme', hoursPerWeek: 20, pricePencePerHour: 2400, local: true },
      { coopId: 'colne', hoursPerWeek: 20, pricePencePerHour: 2300, local: true },
    ];
    expect(shareAward(bid, 30).map((s) => [s.coopId, s.hoursPerWeek])).toEqual([
      ['colne', 20],
      ['holme', 10],
    ]);
    expect(shareAward(bid, 50).map((s) => s.hoursPerWeek)).toEqual([20, 20, 10]);
    expect(shareAward(bid, 0)).toEqual([]);
    expect(() => shareAward(bid, 51)).toThrow(RangeError);
  });
});
