import { brokerageFigures, median, percentile90, RequestFact, timing } from './brokerage-figures.rules';

const S = { suppressed: true as const };
const fact = (overrides: Partial<RequestFact> = {}): RequestFact => ({
  locality: 'Marsden',
  month: '2027-03',
  outcome: 'placed',
  placedWith: 'a',
  secondsToFirstOffer: 60,
  secondsToAcceptance: 600,
  ...overrides,
});

describe('median and 90th percentile', () => {
  it('takes the middle value, or the mean of the two middle values', () => {
    expect(median([])).toBeNull();
    expect(median([5])).toBe(5);
    expect(median([9, 1, 5])).toBe(5);
    expect(median([4, 1, 3, 2])).toBe(2.5);
  });

  it('takes the 90th percentile by nearest rank', () => {
    expect(percentile90([])).toBeNull();
    expect(percentile90([7])).toBe(7);
    expect(percentile90([1, 2, 3, 4, 5, 6, 7, 8, 9, 10])).toBe(9);
    expect(percentile90([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11])).toBe(10);
    expect(percentile90([30, 10, 20])).toBe(30);
  });
});

describe('times beside a count', () => {
  it('shows times only beside a count shown above the threshold', () => {
    expect(timing([1, 2, 3, 4, 5], 5, 4)).toEqual({ count: 5, medianSeconds: 3, p90Seconds: 5 });
    expect(timing([1, 2, 3, 4], 4, 4)).toEqual({ count: S, medianSeconds: null, p90Seconds: null });
    expect(timing([1, 2, 3, 4, 5], S, 4)).toEqual({ count: S, medianSeconds: null, p90Seconds: null });
  });

  it('shows a count of zero, with no times', () => {
    expect(timing([], 0, 4)).toEqual({ count: 0, medianSeconds: null, p90Seconds: null });
  });
});

describe('the figures table', () => {
  it('counts requests by locality and month, placed, not placed and open, with times', () => {
    const facts = [
      ...[1, 2, 3, 4, 5, 6].map((i) => fact({ placedWith: i % 2 ? 'a' : 'b', secondsToFirstOffer: i * 10, secondsToAcceptance: i * 100 })),
      ...[1, 2, 3, 4, 5].map(() => fact({ outcome: 'not-placed', placedWith: null, secondsToFirstOffer: null, secondsToAcceptance: null })),
    ];
    // Threshold 2: each co-op placed 3, so taking its own away leaves 3 of the other's.
    const f = brokerageFigures(facts, 2);
    expect(f.rows).toEqual([
      {
        locality: 'Marsden',
        month: '2027-03',
        posted: 11,
        placed: 6,
        notPlaced: 5,
        open: 0,
        toFirstOffer: { count: 6, medianSeconds: 35, p90Seconds: 60 },
        toAcceptance: { count: 6, medianSeconds: 350, p90Seconds: 600 },
      },
    ]);
    expect(f.total).toMatchObject({ posted: 11, placed: 6, notPlaced: 5, open: 0 });
    expect(f.suppressedFigures).toBe(0);
  });

  it('hides a small count with a second figure of its row and column, so no total gives it away', () => {
    const facts = [
      ...Array.from({ length: 6 }, () => fact({ placedWith: 'a' })),
      ...Array.from({ length: 6 }, () => fact({ outcome: 'not-placed', placedWith: null, secondsToAcceptance: null })),
      fact({ locality: 'Holmfirth', outcome: 'open', placedWith: null, secondsToFirstOffer: null, secondsToAcceptance: null }),
      ...Array.from({ length: 6 }, () => fact({ locality: 'Holmfirth', placedWith: 'c' })),
    ];
    const f = brokerageFigures(facts, 4);
    const holmfirth = f.rows.find((r) => r.locality === 'Holmfirth')!;
    expect(holmfirth.open).toEqual(S);
    const hiddenInRow = [holmfirth.posted, holmfirth.placed, holmfirth.notPlaced, holmfirth.open].filter((x) => typeof x === 'object');
    expect(hiddenInRow.length).toBeGreaterThanOrEqual(2);
    expect(f.total.open).toEqual(S);
    expect(f.suppressedFigures).toBeGreaterThanOrEqual(3);
  });

  it('hides a placed count a co-op could take its own part from and be left with a few of another co-op', () => {
    const facts = [...Array.from({ length: 6 }, () => fact({ placedWith: 'a' })), fact({ placedWith: 'b' })];
    const f = brokerageFigures(facts, 4);
    expect(f.rows[0].placed).toEqual(S);
    expect(f.rows[0].toAcceptance).toEqual({ count: S, medianSeconds: null, p90Seconds: null });
  });

  it('orders rows by locality then month, and gives an empty table for no requests', () => {
    const f = brokerageFigures(
      [
        fact({ locality: 'Slaithwaite', month: '2027-01' }),
        fact({ locality: 'Marsden', month: '2027-02' }),
        fact({ locality: 'Marsden', month: '2027-01' }),
      ],
      1,
    );
    expect(f.rows.map((r) => `${r.locality} ${r.month}`)).toEqual(['Marsden 2027-01', 'Marsden 2027-02', 'Slaithwaite 2027-01']);
    expect(brokerageFigures([], 4)).toEqual({
      rows: [],
      total: {
        posted: 0,
        placed: 0,
        notPlaced: 0,
        open: 0,
        toFirstOffer: { count: 0, medianSeconds: null, p90Seconds: null },
        toAcceptance: { count: 0, medianSeconds: null, p90Seconds: null },
      },
      suppressedFigures: 0,
    });
  });
});
