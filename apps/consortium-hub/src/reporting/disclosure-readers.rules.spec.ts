import { Leak, lineLeaks, OwnPart, PublishedLine, releaseLeaks, seeded } from './disclosure-attacks.testing';
import {
  DEFAULT_COALITION_SIZE,
  DisclosureOptions,
  DisclosureResult,
  EarlierTable,
  FigureTable,
  isSuppressed,
  PublishedFigure,
  suppressSmallCounts,
  TablePosition,
  WORKFORCE_THRESHOLD,
} from './disclosure-control.rules';

/*
 * Who learns what from a published table: a co-op subtracting its own part from a line's hidden
 * group, co-ops pooling, holders of an earlier release, and both together. The attacks are those of
 * disclosure-attacks.testing.ts, run on every line of the published table (each row and column with
 * its total, and the totals with the grand total).
 */

type Grid = number[][];
const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);

function tableOf(contributions: Record<string, Grid>, columnLabels?: string[]): FigureTable {
  const parts = Object.values(contributions);
  const cells = parts[0].map((row, r) => row.map((_, c) => sum(parts.map((p) => p[r][c]))));
  return {
    rowLabels: cells.map((_, r) => `R${r}`),
    columnLabels: columnLabels ?? cells[0].map((_, c) => `C${c}`),
    cells,
    rowTotals: cells.map(sum),
    columnTotals: cells[0].map((_, c) => sum(cells.map((row) => row[c]))),
    grandTotal: sum(cells.map(sum)),
    contributions: Object.entries(contributions).map(([coopId, part]) => ({ coopId, cells: part })),
  };
}

const shown = (f: PublishedFigure): number | null => (isSuppressed(f) ? null : f);

/** Every line of a published table as the attacks read it, with each co-op's part. */
function linesOf(result: DisclosureResult, table: FigureTable, release = 'this release'): PublishedLine[] {
  const { cells, rowTotals, columnTotals, grandTotal } = result.table;
  const grid = [...cells.map((row, r) => [...row, rowTotals[r]]), [...columnTotals, grandTotal]];
  const partsOf = (c: { cells: readonly (readonly number[])[] }) => {
    const rows = c.cells.map((row) => [...row, sum([...row])]);
    return [...rows, rows[0].map((_, k) => sum(rows.map((row) => row[k])))];
  };
  const labels = { rows: [...table.rowLabels, 'totals'], columns: [...table.columnLabels, 'total'] };
  const line = (name: string, at: [number, number][]): PublishedLine => {
    const inner = at.slice(0, -1);
    const [tr, tc] = at[at.length - 1];
    const label = ([r, c]: [number, number]) => (at.every(([x]) => x === r) ? labels.columns[c] : labels.rows[r]);
    const own = new Map<string, OwnPart>(
      table.contributions.map((c) => {
        const p = partsOf(c);
        return [c.coopId, { cells: new Map(inner.map(([r, k]) => [label([r, k]), p[r][k]])), withheld: [], withheldSum: 0 }];
      }),
    );
    return {
      name: `${release}, ${name}`,
      cells: new Map(inner.map(([r, c]) => [label([r, c]), shown(grid[r][c])])),
      total: shown(grid[tr][tc]),
      own,
    };
  };
  const rows = grid.map((row, r) =>
    line(
      `row ${labels.rows[r]}`,
      row.map((_, c): [number, number] => [r, c]),
    ),
  );
  const columns = grid[0].map((_, c) =>
    line(
      `column ${labels.columns[c]}`,
      grid.map((__, r): [number, number] => [r, c]),
    ),
  );
  return [...rows, ...columns];
}

/** What a release published, as the next release is told of it. */
function asEarlier(name: string, result: DisclosureResult, table: FigureTable): EarlierTable {
  const { cells, rowTotals, columnTotals, grandTotal } = result.table;
  const hidden: TablePosition[] = [
    ...cells.flatMap((row, r) => row.flatMap((f, column): TablePosition[] => (isSuppressed(f) ? [{ kind: 'cell', row: r, column }] : []))),
    ...rowTotals.flatMap((f, row): TablePosition[] => (isSuppressed(f) ? [{ kind: 'row-total', row }] : [])),
    ...columnTotals.flatMap((f, column): TablePosition[] => (isSuppressed(f) ? [{ kind: 'column-total', column }] : [])),
    ...(isSuppressed(grandTotal) ? [{ kind: 'grand-total' as const }] : []),
  ];
  return { name, contributions: table.contributions, hidden };
}

/** A table with the same rows and columns, with hidden figures as an earlier release chose them. */
function earlierOf(name: string, table: FigureTable, hidden: TablePosition[]): EarlierTable {
  return { name, contributions: table.contributions, hidden };
}

function leaksIn(result: DisclosureResult, table: FigureTable, threshold: number, size = DEFAULT_COALITION_SIZE): Leak[] {
  return linesOf(result, table).flatMap((line) => lineLeaks(line, threshold, size));
}

function leaksBetween(
  earlier: { result: DisclosureResult; table: FigureTable },
  later: { result: DisclosureResult; table: FigureTable },
  threshold: number,
  size = DEFAULT_COALITION_SIZE,
): Leak[] {
  const [then, now] = [linesOf(earlier.result, earlier.table, 'release 1'), linesOf(later.result, later.table, 'release 2')];
  return now.flatMap((line, i) => releaseLeaks(then[i], line, threshold, size));
}

/** The published one-row table as text: `x` for hidden, then the total. */
const picture = (result: DisclosureResult) =>
  `${result.table.cells[0].map((f) => (isSuppressed(f) ? 'x' : String(f))).join(' ')} | ${isSuppressed(result.table.grandTotal) ? 'x' : String(result.table.grandTotal)}`;

const CONTRACTS = ['permanent', 'zero-hours', 'bank'];
const FUNDING = ['council-commissioned', 'direct-payment', 'individual-service-fund', 'self-funder'];
const withheld = (...columns: number[]) =>
  columns.map((column) => ({ position: { kind: 'cell' as const, row: 0, column }, reason: 'withheld: on the node' as const }));

// The demo's figures (npm run demo): staff by contract type and people supported by funding type.
// Each co-op withheld its two small contract cells on its node, and Preston its direct-payment and
// ISF cells; the hub's estimate shares the withheld sum evenly, as consolidation.rules.ts does.
const STAFF = { colne: [[18, 1, 1]], holme: [[18, 2, 2]], preston: [[16, 3, 2]] };
const PEOPLE = { colne: [[16, 7, 4, 11]], holme: [[19, 11, 5, 6]], preston: [[23, 2, 1, 7]] };
const only = <T>(all: Record<string, T>, ...ids: string[]) => Object.fromEntries(ids.map((id) => [id, all[id]]));

describe('the hidden group of a line, as a co-op alone sees it', () => {
  it('does not let Holme Valley take its own part from the hidden contract types and learn the others have 7 zero-hours or bank staff', () => {
    const table = tableOf(STAFF, CONTRACTS);
    // One co-op at a time, as the rules stood: 63 - 52 shown = 11 hidden, less Holme Valley's own 4.
    const options: DisclosureOptions = { threshold: WORKFORCE_THRESHOLD, coalitionSize: 1, hiddenFromStart: withheld(1, 2) };
    const result = suppressSmallCounts(table, options);
    expect(leaksIn(result, table, WORKFORCE_THRESHOLD, 1)).toEqual([]);
    // Every co-op's own part of the three types is under 10 or leaves under 10 of the others: only the total stays.
    expect(picture(result)).toBe('x x x | 63');
    expect(result.suppressions.find((s) => s.position.kind === 'cell' && s.position.column === 0)?.reason).toBe(
      'secondary: the hidden figures of row "R0" add up to a small count (its total less the figures shown)',
    );
  });

  it('keeps a large figure shown when hiding one more small one is enough', () => {
    // 3 is hidden, and 14 with it (the smallest other figure); the hidden 17, less any co-op's own
    // part, leaves 8 or more, so 125 and 95 stay shown.
    const table = tableOf({ a: [[40, 2, 0, 30]], b: [[35, 1, 8, 25]], c: [[50, 0, 6, 40]] });
    const result = suppressSmallCounts(table, { coalitionSize: 1 });
    expect(leaksIn(result, table, 4, 1)).toEqual([]);
    expect(picture(result)).toBe('125 x x 95 | 237');
    // Had b sent 8 there alone, b would see a's 2 in the hidden 11, and 95 goes too.
    const tight = tableOf({ a: [[40, 2, 0, 30]], b: [[35, 1, 8, 25]], c: [[50, 0, 0, 40]] });
    expect(picture(suppressSmallCounts(tight, { coalitionSize: 1 }))).toBe('125 x x x | 231');
  });
});

describe('co-ops pooling what they know', () => {
  it('does not let Colne Valley and Holme Valley together learn that Preston has 3 people on direct payments or an ISF', () => {
    const table = tableOf(PEOPLE, FUNDING);
    const result = suppressSmallCounts(table, { hiddenFromStart: withheld(1, 2) });
    expect(leaksIn(result, table, 4)).toEqual([]);
    // 58 council-commissioned people is still shown; self-funders join the hidden group (24 + 30 - 22 - 22 = 10 of Preston's).
    expect(picture(result)).toBe('58 x x x | 112');
    expect(result.suppressions.find((s) => s.position.kind === 'cell' && s.position.column === 3)?.reason).toMatch(
      /hidden figures of row "R0" add up to a small count/,
    );
    // Guarding against single co-ops only, self-funders stay shown: the pooling is what hides them.
    expect(picture(suppressSmallCounts(table, { coalitionSize: 1, hiddenFromStart: withheld(1, 2) }))).toBe('58 x x 24 | 112');
  });

  it("hides a figure two co-ops could take their parts from and see the third's small count", () => {
    const table = tableOf({ a: [[20, 30]], b: [[20, 25]], c: [[3, 40]] });
    const result = suppressSmallCounts(table);
    expect(result.table.cells[0][0]).toEqual({ suppressed: true });
    expect(result.suppressions[0].reason).toBe(
      'secondary: co-ops pooling (co-ops taking away their own parts together would see a small count of the others)',
    );
    expect(leaksIn(result, table, 4)).toEqual([]);
    // One co-op alone sees 23 or 40 of the others: shown.
    expect(suppressSmallCounts(table, { coalitionSize: 1 }).table.cells[0][0]).toBe(43);
  });

  it('refuses a coalition size below 1 or not whole, with the reason', () => {
    const table = tableOf({ a: [[20, 30]] });
    for (const coalitionSize of [0, 1.5, -2])
      expect(() => suppressSmallCounts(table, { coalitionSize })).toThrow(
        expect.objectContaining({ code: 'REPORTING.DISCLOSURE_BAD_COALITION' }),
      );
  });
});

describe('holders of an earlier release', () => {
  // Release 1 held Colne Valley and Holme Valley; Preston joined for release 2. Release 1 is taken
  // as published under the earlier rules (the demo's): the two withheld cells hidden, the rest shown.
  const cases = [
    // Here release 2 alone keeps the total and the two largest figures, so only release 1 can make it hide more.
    {
      what: 'Preston has 3 people on direct payments or an ISF',
      all: PEOPLE,
      columns: FUNDING,
      threshold: 4,
      hiddenThen: [1, 2],
      byRelease: true,
    },
    // Here Holme Valley alone would learn 7 in release 2 (the group rule), which hides as much as the release needs.
    {
      what: 'Preston has 5 zero-hours or bank staff',
      all: STAFF,
      columns: CONTRACTS,
      threshold: WORKFORCE_THRESHOLD,
      hiddenThen: [1, 2],
      byRelease: false,
    },
  ];
  const hiddenCells = (columns: number[]): TablePosition[] =>
    columns.flatMap((column): TablePosition[] => [
      { kind: 'cell', row: 0, column },
      { kind: 'column-total', column },
    ]);

  for (const c of cases) {
    it(`does not let a commissioner holding releases 1 and 2 learn that ${c.what}`, () => {
      const first = tableOf(only(c.all, 'colne', 'holme'), c.columns);
      const second = tableOf(c.all, c.columns);
      const release1 = {
        table: first,
        result: suppressSmallCounts(first, { threshold: c.threshold, coalitionSize: 1, hiddenFromStart: withheld(...c.hiddenThen) }),
      };
      // What the demo's release 1 showed, whatever today's rules would choose for it.
      const earlier = earlierOf('a holder of release 1', first, hiddenCells(c.hiddenThen));
      const forced = { table: first, result: withHidden(release1.result, c.hiddenThen) };
      // Single co-ops only, so that it is the earlier release that must hide more.
      const release2 = suppressSmallCounts(second, {
        threshold: c.threshold,
        coalitionSize: 1,
        hiddenFromStart: withheld(1, 2),
        earlier: [earlier],
      });
      expect(leaksBetween(forced, { table: second, result: release2 }, c.threshold, 1)).toEqual([]);
      expect(
        release2.suppressions.some((s) => s.reason === 'secondary: differs by a small count from what a holder of release 1 showed'),
      ).toBe(c.byRelease);
      // With pooling guarded against too (the default), the same holds.
      const pooled = suppressSmallCounts(second, { threshold: c.threshold, hiddenFromStart: withheld(1, 2), earlier: [earlier] });
      expect(leaksBetween(forced, { table: second, result: pooled }, c.threshold)).toEqual([]);
    });
  }

  it("does not let a co-op that joined with another, holding the earlier release, learn the other newcomer's small count", () => {
    const a = [[20, 30, 25]];
    const b = [[25, 20, 30]];
    const first = tableOf({ a, b });
    const second = tableOf({ a, b, c: [[12, 0, 10]], d: [[3, 0, 9]] });
    const release1 = { table: first, result: suppressSmallCounts(first, { coalitionSize: 1 }) };
    expect(picture(release1.result)).toBe('45 50 55 | 150');
    // The holder alone sees 15 more in the first column; c, taking away its own 12, sees d's 3.
    const unguarded = suppressSmallCounts(second, { coalitionSize: 1 });
    expect(leaksBetween(release1, { table: second, result: unguarded }, 4, 0)).toEqual([]);
    expect(leaksBetween(release1, { table: second, result: unguarded }, 4, 1)).not.toEqual([]);
    const release2 = suppressSmallCounts(second, {
      coalitionSize: 1,
      earlier: [asEarlier('a holder of release 1', release1.result, first)],
    });
    expect(leaksBetween(release1, { table: second, result: release2 }, 4, 1)).toEqual([]);
    expect(leaksIn(release2, second, 4, 1)).toEqual([]);
  });

  it('protects a co-op that left or corrected its return, whichever way its figures moved', () => {
    const b = [[30, 25, 40]];
    const c = [[35, 30, 20]];
    const first = tableOf({ a: [[10, 12, 6]], b, c });
    // a corrected its return: 3 fewer in the first column, 2 more in the third.
    const second = tableOf({ a: [[7, 12, 8]], b, c });
    const release1 = { table: first, result: suppressSmallCounts(first) };
    const release2 = suppressSmallCounts(second, { earlier: [asEarlier('a holder of release 1', release1.result, first)] });
    expect(leaksBetween(release1, { table: second, result: release2 }, 4)).toEqual([]);
    expect(leaksIn(release2, second, 4)).toEqual([]);
    // a left instead: every figure it had goes.
    const gone = tableOf({ a: [[0, 0, 0]], b, c });
    const release3 = suppressSmallCounts(gone, { earlier: [asEarlier('a holder of release 1', release1.result, first)] });
    expect(leaksBetween(release1, { table: gone, result: release3 }, 4)).toEqual([]);
  });
});

/** The published result with these cells (and their column totals) hidden as well, as an older release did. */
function withHidden(result: DisclosureResult, columns: number[]): DisclosureResult {
  const hide = (row: readonly PublishedFigure[]) => row.map((f, c) => (columns.includes(c) ? ({ suppressed: true } as const) : f));
  return { ...result, table: { ...result.table, cells: result.table.cells.map(hide), columnTotals: hide(result.table.columnTotals) } };
}

// ---------------------------------------------------------------------------------------------
// Random tables and releases
// ---------------------------------------------------------------------------------------------

function randomParts(random: () => number, rows: number, columns: number): Grid {
  const count = () => {
    const p = random();
    return p < 0.35 ? 0 : p < 0.7 ? 1 + Math.floor(random() * 4) : 5 + Math.floor(random() * 25);
  };
  return Array.from({ length: rows }, () => Array.from({ length: columns }, count));
}

describe('random tables and releases, attacked line by line', () => {
  const random = seeded(20261204);
  const TABLES = 400;
  const cases = Array.from({ length: TABLES }, () => {
    const [rows, columns, coops] = [1 + Math.floor(random() * 3), 1 + Math.floor(random() * 5), 1 + Math.floor(random() * 4)];
    const parts: Record<string, Grid> = {};
    for (let k = 0; k < coops; k++) parts[`coop-${k}`] = randomParts(random, rows, columns);
    // Release 1: some co-ops not yet in, one perhaps with figures it later corrected.
    const earlier: Record<string, Grid> = {};
    for (const [id, p] of Object.entries(parts)) {
      const fate = random();
      if (fate < 0.3) continue;
      earlier[id] = fate < 0.45 ? randomParts(random, rows, columns) : p;
    }
    const threshold = random() < 0.25 ? WORKFORCE_THRESHOLD : 4;
    return { parts, earlier, threshold, olderRules: random() < 0.5 };
  });

  it(`leaves no line whose hidden group or shown figure is a small count to commissioners, a co-op or two pooling, in ${TABLES} tables`, () => {
    const leaks = cases.flatMap(({ parts, threshold }, i) => {
      const table = tableOf(parts);
      return leaksIn(suppressSmallCounts(table, { threshold }), table, threshold).map((l) => ({ table: i, ...l }));
    });
    expect(leaks).toEqual([]);
  });

  it(`lets no holder of an earlier release, alone or pooling with two co-ops, learn a small count from the change, in ${TABLES} pairs of releases`, () => {
    let compared = 0;
    const leaks = cases.flatMap(({ parts, earlier, threshold, olderRules }, i) => {
      if (Object.keys(earlier).length === 0) return [];
      compared++;
      const first = tableOf(earlier);
      const second = tableOf(parts);
      // Half the earlier releases were published when only single co-ops were guarded against.
      const release1 = {
        table: first,
        result: suppressSmallCounts(first, { threshold, coalitionSize: olderRules ? 1 : DEFAULT_COALITION_SIZE }),
      };
      const release2 = suppressSmallCounts(second, { threshold, earlier: [asEarlier('a holder of release 1', release1.result, first)] });
      return [...leaksBetween(release1, { table: second, result: release2 }, threshold), ...leaksIn(release2, second, threshold)].map(
        (l) => ({ table: i, ...l }),
      );
    });
    expect(compared).toBeGreaterThan(TABLES / 2);
    expect(leaks).toEqual([]);
  });
});
