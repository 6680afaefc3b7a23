import { isSuppressed, PublishedFigure, SUPPRESSED } from '../reporting';
import { lineLeaks, OwnPart, PublishedLine, seeded } from '../reporting/disclosure-attacks.testing';
import {
  BreakdownInput,
  controlOverlapping,
  controlSharedTotal,
  CountPart,
  daysBetween,
  figuresPeriod,
  median,
  timeToHire,
} from './pool-figures.rules';

const T = 4;
const shown = (f: PublishedFigure) => (isSuppressed(f) ? null : f);
const parts = (coop: string, counts: Record<string, number>): CountPart[] =>
  Object.entries(counts).map(([category, count]) => ({ category, contributor: coop, count }));

/** A breakdown as a reader sees it, with each co-op's own part, for the attacks written apart from the rules. */
function lineOf(
  input: BreakdownInput,
  cells: readonly { category: string; value: PublishedFigure }[],
  total: PublishedFigure,
): PublishedLine {
  const own = new Map<string, OwnPart>();
  for (const p of input.parts) {
    const part = own.get(p.contributor) ?? { cells: new Map<string, number>(), withheld: [], withheldSum: 0 };
    (part.cells as Map<string, number>).set(p.category, (part.cells.get(p.category) ?? 0) + p.count);
    own.set(p.contributor, part);
  }
  return { name: input.dimension, cells: new Map(cells.map((c) => [c.category, shown(c.value)])), total: shown(total), own };
}

describe('the period of the flow figures', () => {
  it('is the last 12 months, ending today, when left out', () => {
    expect(figuresPeriod({}, '2026-12-04')).toEqual({ from: '2025-12-05', to: '2026-12-04' });
  });

  it('ends today when only from is given, and starts 12 months before to when only to is', () => {
    expect(figuresPeriod({ from: '2026-01-01' }, '2026-12-04')).toEqual({ from: '2026-01-01', to: '2026-12-04' });
    expect(figuresPeriod({ to: '2026-06-30' }, '2026-12-04')).toEqual({ from: '2025-07-01', to: '2026-06-30' });
  });

  it('takes a single day, and a period of exactly five years', () => {
    expect(figuresPeriod({ from: '2026-03-01', to: '2026-03-01' }, '2026-12-04')).toEqual({ from: '2026-03-01', to: '2026-03-01' });
    expect(figuresPeriod({ from: '2022-01-01', to: '2026-12-31' }, '2026-12-04')).toEqual({ from: '2022-01-01', to: '2026-12-31' });
  });

  it('refuses to before from, naming to', () => {
    expect(figuresPeriod({ from: '2026-03-02', to: '2026-03-01' }, '2026-12-04')).toEqual({
      fields: ['to'],
      message: 'to (2026-03-01) must not be before from (2026-03-02)',
    });
  });

  it('refuses a period a day longer than five years, naming both ends', () => {
    expect(figuresPeriod({ from: '2021-12-31', to: '2026-12-31' }, '2026-12-04')).toMatchObject({ fields: ['from', 'to'] });
    expect(figuresPeriod({ from: '2020-01-01' }, '2026-12-04')).toMatchObject({ fields: ['from', 'to'] });
  });

  it('lets a from in the future stand as a period of one day rather than running backwards', () => {
    expect(figuresPeriod({ from: '2027-01-10' }, '2026-12-04')).toEqual({ from: '2027-01-10', to: '2027-01-10' });
  });
});

describe('hires by locality and role, sharing one total', () => {
  it('shows counts above the threshold and zeros as they are', () => {
    const out = controlSharedTotal(
      [
        { dimension: 'locality', categories: ['A', 'B'], parts: [...parts('c1', { A: 5 }), ...parts('c2', { B: 6 })] },
        { dimension: 'role', categories: ['x', 'y'], parts: [...parts('c1', { x: 5 }), ...parts('c2', { x: 6 })] },
      ],
      T,
    );
    expect(out.total).toBe(11);
    expect(out.breakdowns.map((b) => b.cells.map((c) => c.value))).toEqual([
      [5, 6],
      [11, 0],
    ]);
    expect(out.suppressions).toEqual([]);
  });

  it('suppresses a small cell, and a second one so that the total does not give it away', () => {
    const input = {
      dimension: 'locality',
      categories: ['A', 'B', 'C'],
      parts: [...parts('c1', { A: 2, B: 9 }), ...parts('c2', { B: 9, C: 12 })],
    };
    const out = controlSharedTotal([input], T);
    const [cells] = out.breakdowns.map((b) => b.cells.map((c) => c.value));
    expect(cells[0]).toEqual(SUPPRESSED);
    expect(cells.filter(isSuppressed).length).toBeGreaterThanOrEqual(2);
    expect(out.total).toBe(32);
    expect(out.suppressions[0]).toEqual({ dimension: 'locality', category: 'A', reason: 'primary' });
    expect(lineLeaks(lineOf(input, out.breakdowns[0].cells, out.total), T, 2)).toEqual([]);
  });

  it('suppresses a cell a co-op could take its own hires from and see a few of the others', () => {
    const input = {
      dimension: 'locality',
      categories: ['A', 'B'],
      parts: [...parts('c1', { A: 9, B: 20 }), ...parts('c2', { A: 2, B: 7 })],
    };
    const out = controlSharedTotal([input], T);
    expect(out.breakdowns[0].cells.map((c) => c.value)).toEqual([SUPPRESSED, SUPPRESSED]);
    expect(lineLeaks(lineOf(input, out.breakdowns[0].cells, out.total), T, 2)).toEqual([]);
  });

  it('hides the total in every breakdown once one breakdown has to hide it', () => {
    // 3 hires: the total itself is small, so both breakdowns lose it.
    const out = controlSharedTotal(
      [
        { dimension: 'locality', categories: ['A'], parts: parts('c1', { A: 3 }) },
        { dimension: 'role', categories: ['x', 'y'], parts: parts('c1', { x: 3 }) },
      ],
      T,
    );
    expect(out.total).toEqual(SUPPRESSED);
    expect(out.breakdowns.flatMap((b) => b.cells.map((c) => c.value))).toEqual([SUPPRESSED, SUPPRESSED, 0]);
  });

  it('answers empty breakdowns with nothing to hide', () => {
    const out = controlSharedTotal(
      [
        { dimension: 'locality', categories: [], parts: [] },
        { dimension: 'role', categories: ['x'], parts: [] },
      ],
      T,
    );
    expect(out).toEqual({
      total: 0,
      breakdowns: [
        { dimension: 'locality', cells: [] },
        { dimension: 'role', cells: [{ category: 'x', value: 0 }] },
      ],
      suppressions: [],
    });
  });

  it('refuses breakdowns of one figure that do not add up to the same total', () => {
    expect(() =>
      controlSharedTotal(
        [
          { dimension: 'a', categories: ['x'], parts: parts('c1', { x: 3 }) },
          { dimension: 'b', categories: ['x'], parts: parts('c1', { x: 4 }) },
        ],
        T,
      ),
    ).toThrow('same total');
  });

  it('never leaves a small count for a reader to work out, over many random breakdowns', () => {
    const random = seeded(12);
    for (let round = 0; round < 300; round++) {
      const categories = ['A', 'B', 'C', 'D', 'E'].slice(0, 1 + Math.floor(random() * 5));
      const coops = ['c1', 'c2', 'c3'].slice(0, 1 + Math.floor(random() * 3));
      const list: CountPart[] = [];
      for (const coop of coops)
        for (const category of categories) if (random() < 0.6) list.push({ category, contributor: coop, count: Math.floor(random() * 8) });
      const input = { dimension: 'locality', categories, parts: list };
      const out = controlSharedTotal([input], T);
      expect(lineLeaks(lineOf(input, out.breakdowns[0].cells, out.total), T, 2)).toEqual([]);
    }
  });
});

describe('candidates, who count in each locality they reach', () => {
  const pool = (counts: Record<string, number>) => parts('the pool', counts);

  it('publishes the number of candidates beside breakdowns that add up to more', () => {
    const out = controlOverlapping(
      { count: 12, parts: [{ contributor: 'the pool', count: 12 }] },
      [{ dimension: 'locality', categories: ['A', 'B'], parts: pool({ A: 10, B: 8 }) }],
      T,
    );
    expect(out.total).toBe(12);
    expect(out.breakdowns[0].cells.map((c) => c.value)).toEqual([10, 8]);
  });

  it('suppresses a small number of candidates, and every cell with it', () => {
    const out = controlOverlapping(
      { count: 3, parts: [{ contributor: 'the pool', count: 3 }] },
      [{ dimension: 'locality', categories: ['A', 'B'], parts: pool({ A: 3, B: 1 }) }],
      T,
    );
    expect(out.total).toEqual(SUPPRESSED);
    expect(out.breakdowns[0].cells.map((c) => c.value)).toEqual([SUPPRESSED, SUPPRESSED]);
    expect(out.suppressions[0]).toEqual({ dimension: '', category: '', reason: 'primary' });
  });

  it('pairs a small cell with another, so that the number of candidates does not give it away when nobody counts twice', () => {
    const input = { dimension: 'locality', categories: ['A', 'B', 'C'], parts: pool({ A: 2, B: 7, C: 9 }) };
    const out = controlOverlapping({ count: 18, parts: [{ contributor: 'the pool', count: 18 }] }, [input], T);
    expect(out.total).toBe(18);
    expect(out.breakdowns[0].cells.map((c) => c.value)).toEqual([SUPPRESSED, SUPPRESSED, 9]);
    expect(lineLeaks(lineOf(input, out.breakdowns[0].cells, out.total), T, 2)).toEqual([]);
  });

  it('never leaves a small count for a reader to work out, whether candidates reach one locality or several', () => {
    const random = seeded(7);
    for (let round = 0; round < 300; round++) {
      const localities = ['A', 'B', 'C', 'D'].slice(0, 1 + Math.floor(random() * 4));
      const people = Math.floor(random() * 20);
      const reach = Array.from({ length: people }, () => {
        const some = localities.filter(() => random() < (round % 2 ? 0.3 : 0));
        return some.length ? some : [localities[Math.floor(random() * localities.length)]];
      });
      const counts = Object.fromEntries(localities.map((l) => [l, reach.filter((r) => r.includes(l)).length]));
      const input = { dimension: 'locality', categories: localities, parts: pool(counts) };
      const out = controlOverlapping({ count: people, parts: people ? [{ contributor: 'the pool', count: people }] : [] }, [input], T);
      if (people >= 1 && people <= T) expect(out.total).toEqual(SUPPRESSED);
      // The number of candidates is the breakdown's total only when nobody counts twice.
      const sum = Object.values(counts).reduce((a, b) => a + b, 0);
      const line = lineOf(input, out.breakdowns[0].cells, sum === people ? out.total : SUPPRESSED);
      expect(lineLeaks(line, T, 1)).toEqual([]);
    }
  });
});

describe('time to hire', () => {
  it('takes the middle value, or the mean of the two middle ones, to one decimal', () => {
    expect(median([])).toBeNull();
    expect(median([9, 1, 5])).toBe(5);
    expect(median([1, 2, 3, 10])).toBe(2.5);
    expect(median([1.04, 1.06])).toBe(1.1);
  });

  it('counts days to one decimal', () => {
    expect(daysBetween(new Date('2026-01-01T00:00:00Z'), new Date('2026-01-11T12:00:00Z'))).toBe(10.5);
  });

  it('shows a median only beside a count shown and above the threshold', () => {
    expect(timeToHire(0, [], T)).toEqual({ hires: 0, medianDays: null });
    expect(timeToHire(5, [1, 2, 3, 4, 5], T)).toEqual({ hires: 5, medianDays: 3 });
    expect(timeToHire(SUPPRESSED, [1, 2, 3], T)).toEqual({ hires: SUPPRESSED, medianDays: SUPPRESSED });
    // A count suppressed only to protect another: its median would still say something about a few hires.
    expect(timeToHire(SUPPRESSED, [1, 2, 3, 4, 5, 6], T)).toEqual({ hires: SUPPRESSED, medianDays: SUPPRESSED });
    expect(timeToHire(4, [1, 2, 3, 4], T)).toEqual({ hires: 4, medianDays: SUPPRESSED });
  });
});
