import { allocateRound, AllocationLine, isLocal, largestRemainder, PricedItem, selectTier, totalsByCoop } from './allocation.rules';

const item = (overrides: Partial<PricedItem> = {}): PricedItem => ({
  itemId: 'gloves',
  soloUnitPricePence: 650,
  orderChargePence: 0,
  priceBreaks: [
    { minQuantity: 10, unitPricePence: 599 },
    { minQuantity: 30, unitPricePence: 549 },
    { minQuantity: 100, unitPricePence: 499 },
  ],
  localTo: [],
  ...overrides,
});

const sumOf = (lines: AllocationLine[], itemId?: string) =>
  lines.filter((l) => !itemId || l.itemId === itemId).reduce((a, l) => a + l.allocatedPence, 0);

describe('tier selection', () => {
  it.each([
    [0, null, 650],
    [1, null, 650],
    [9, null, 650],
    [10, 10, 599],
    [11, 10, 599],
    [29, 10, 599],
    [30, 30, 549],
    [99, 30, 549],
    [100, 100, 499],
    [100_000, 100, 499],
  ])('a total of %i units gets the break from %s at %ip', (total, minQuantity, unitPricePence) => {
    expect(selectTier(item(), total)).toEqual({ minQuantity, unitPricePence });
  });

  it('uses the solo price when the item has no price breaks', () => {
    expect(selectTier(item({ priceBreaks: [] }), 1000)).toEqual({ minQuantity: null, unitPricePence: 650 });
  });

  it('does not depend on the order the breaks are listed in', () => {
    const shuffled = item({ priceBreaks: [...item().priceBreaks].reverse() });
    expect(selectTier(shuffled, 30)).toEqual({ minQuantity: 30, unitPricePence: 549 });
  });
});

describe('largest remainder', () => {
  it('hands the pennies left by rounding down to the largest fractions', () => {
    // 100p in thirds: 33.33 each, one penny left, ties go to the first key.
    expect(
      Object.fromEntries(
        largestRemainder(100, [
          { key: 'b', weight: 1 },
          { key: 'a', weight: 1 },
          { key: 'c', weight: 1 },
        ]),
      ),
    ).toEqual({ a: 34, b: 33, c: 33 });
    // 10p as 1:2:3 → 1.67, 3.33, 5: the 0.67 gets the penny.
    expect(
      Object.fromEntries(
        largestRemainder(10, [
          { key: 'a', weight: 1 },
          { key: 'b', weight: 2 },
          { key: 'c', weight: 3 },
        ]),
      ),
    ).toEqual({ a: 2, b: 3, c: 5 });
  });

  it('breaks ties by key, not by the order the shares are given in', () => {
    const one = largestRemainder(200, [
      { key: 'zeta', weight: 1 },
      { key: 'alpha', weight: 1 },
      { key: 'mid', weight: 1 },
    ]);
    const two = largestRemainder(200, [
      { key: 'mid', weight: 1 },
      { key: 'zeta', weight: 1 },
      { key: 'alpha', weight: 1 },
    ]);
    expect(Object.fromEntries(one)).toEqual(Object.fromEntries(two));
    expect(Object.fromEntries(one)).toEqual({ alpha: 67, mid: 67, zeta: 66 });
  });

  it('always sums exactly to the total, for many awkward totals and weights', () => {
    for (let total = 0; total < 2_000; total += 37) {
      for (const weights of [[7, 11, 13], [1, 1, 1, 1, 1, 1, 1], [3], [999_983, 1, 2], [5, 0, 9]]) {
        const shares = largestRemainder(
          total,
          weights.map((weight, i) => ({ key: `c${i}`, weight })),
        );
        expect([...shares.values()].reduce((a, b) => a + b, 0)).toBe(total);
        weights.forEach((w, i) => {
          const exact = (total * w) / weights.reduce((a, b) => a + b, 0);
          expect(Math.abs(shares.get(`c${i}`)! - exact)).toBeLessThan(1);
        });
      }
    }
  });

  it('stays exact where total × weight is beyond a safe integer', () => {
    const shares = largestRemainder(1_000_000_000_000, [
      { key: 'a', weight: 999_999 },
      { key: 'b', weight: 999_998 },
      { key: 'c', weight: 3 },
    ]);
    expect([...shares.values()].reduce((a, b) => a + b, 0)).toBe(1_000_000_000_000);
  });

  it('refuses pence that are not whole, and a total with nobody to pay it', () => {
    expect(() => largestRemainder(10.5, [{ key: 'a', weight: 1 }])).toThrow(RangeError);
    expect(() => largestRemainder(10, [{ key: 'a', weight: 0 }])).toThrow(RangeError);
    expect(() =>
      largestRemainder(10, [
        { key: 'a', weight: 1 },
        { key: 'a', weight: 2 },
      ]),
    ).toThrow(RangeError);
  });
});

describe('allocating a round', () => {
  const localities = new Map([
    ['colne-valley', ['Marsden', 'Slaithwaite']],
    ['holme-valley', ['Holmfirth']],
    ['preston', ['Preston']],
  ]);

  it('allocates 7, 11 and 13 units with an order charge that does not divide, to the penny', () => {
    const courses = item({
      itemId: 'course',
      soloUnitPricePence: 9_500,
      orderChargePence: 1_001,
      priceBreaks: [{ minQuantity: 31, unitPricePence: 8_333 }],
      localTo: ['Marsden'],
    });
    const commitments = [
      { coopId: 'preston', itemId: 'course', quantity: 13 },
      { coopId: 'colne-valley', itemId: 'course', quantity: 7 },
      { coopId: 'holme-valley', itemId: 'course', quantity: 11 },
    ];
    const round = allocateRound([courses], commitments, localities);
    // 31 units reach the break exactly: 31 × 8,333 + 1,001 = 259,324.
    expect(round.items).toEqual([
      { itemId: 'course', totalQuantity: 31, tier: { minQuantity: 31, unitPricePence: 8_333 }, orderTotalPence: 259_324 },
    ]);
    expect(sumOf(round.lines)).toBe(259_324);
    // 259,324 × 7/31 = 58,557.16; × 11/31 = 92,018.39; × 13/31 = 108,748.45: the penny left goes to the .45.
    expect(round.lines.map((l) => [l.coopId, l.allocatedPence])).toEqual([
      ['colne-valley', 58_557],
      ['holme-valley', 92_018],
      ['preston', 108_749],
    ]);
    expect(round.lines.find((l) => l.coopId === 'colne-valley')).toMatchObject({
      soloPence: 7 * 9_500 + 1_001,
      savingPence: 7 * 9_500 + 1_001 - 58_557,
      local: true,
    });
    expect(round.lines.filter((l) => l.local).map((l) => l.coopId)).toEqual(['colne-valley']);
    expect(round.localSpendPence).toBe(58_557);
    expect(round.savingPence).toBe(round.soloTotalPence - round.orderTotalPence);
  });

  it('sums exactly and saves something for everyone, for every split of many awkward orders', () => {
    const prices = [1, 3, 7, 97, 333, 9_999];
    for (const unit of prices) {
      for (const charge of [0, 1, 2, 999, 1_001]) {
        const it = item({
          soloUnitPricePence: unit + 1,
          orderChargePence: charge,
          priceBreaks: [{ minQuantity: 20, unitPricePence: unit }],
        });
        for (const quantities of [[7, 11, 13], [1, 1, 1], [1, 2], [19, 1], [5]]) {
          const commitments = quantities.map((quantity, i) => ({ coopId: `coop-${i}`, itemId: 'gloves', quantity }));
          const round = allocateRound([it], commitments, localities);
          expect(sumOf(round.lines)).toBe(round.items[0].orderTotalPence);
          for (const l of round.lines) {
            expect(Number.isSafeInteger(l.allocatedPence)).toBe(true);
            expect(l.savingPence).toBeGreaterThanOrEqual(0);
          }
        }
      }
    }
  });

  it('leaves out withdrawn commitments (0) and items nobody wants', () => {
    const round = allocateRound(
      [item(), item({ itemId: 'dbs', soloUnitPricePence: 1_800, priceBreaks: [] })],
      [
        { coopId: 'preston', itemId: 'gloves', quantity: 0 },
        { coopId: 'colne-valley', itemId: 'gloves', quantity: 10 },
      ],
      localities,
    );
    expect(round.items).toEqual([
      { itemId: 'gloves', totalQuantity: 10, tier: { minQuantity: 10, unitPricePence: 599 }, orderTotalPence: 5_990 },
      { itemId: 'dbs', totalQuantity: 0, tier: { minQuantity: null, unitPricePence: 1_800 }, orderTotalPence: 0 },
    ]);
    expect(round.lines).toHaveLength(1);
    expect(round.lines[0]).toEqual({
      coopId: 'colne-valley',
      itemId: 'gloves',
      quantity: 10,
      allocatedPence: 5_990,
      soloPence: 6_500,
      savingPence: 510,
      local: false,
    });
  });

  it('gives the same allocation whatever order the commitments come in', () => {
    const commitments = [
      { coopId: 'preston', itemId: 'gloves', quantity: 13 },
      { coopId: 'colne-valley', itemId: 'gloves', quantity: 7 },
      { coopId: 'holme-valley', itemId: 'gloves', quantity: 11 },
    ];
    const it = item({ orderChargePence: 500 });
    expect(allocateRound([it], [...commitments].reverse(), localities)).toEqual(allocateRound([it], commitments, localities));
  });

  it('totals each co-op across items', () => {
    const round = allocateRound(
      [item({ localTo: ['holmfirth'] }), item({ itemId: 'dbs', soloUnitPricePence: 1_800, priceBreaks: [] })],
      [
        { coopId: 'holme-valley', itemId: 'gloves', quantity: 10 },
        { coopId: 'holme-valley', itemId: 'dbs', quantity: 2 },
      ],
      localities,
    );
    expect(totalsByCoop(round.lines)).toEqual([
      { coopId: 'holme-valley', allocatedPence: 5_990 + 3_600, soloPence: 6_500 + 3_600, savingPence: 510, localSpendPence: 5_990 },
    ]);
  });

  it('calls a supplier local when it serves one of the co-op’s localities, whatever the case', () => {
    expect(isLocal(['Marsden'], ['marsden ', 'Golcar'])).toBe(true);
    expect(isLocal(['Holme  Valley'], [' holme valley'])).toBe(true);
    expect(isLocal(['Huddersfield'], ['Marsden'])).toBe(false);
    expect(isLocal([], ['Marsden'])).toBe(false);
  });
});
