import { coalitions, seeded } from './disclosure-attacks.testing';
import {
  DEFAULT_COALITION_SIZE,
  DEFAULT_THRESHOLD,
  DisclosureResult,
  FigureTable,
  figureText,
  isSuppressed,
  PublishedFigure,
  publishSingleFigure,
  publishTable,
  SUPPRESSED,
  suppressSmallCounts,
  TablePosition,
  WORKFORCE_THRESHOLD,
} from './disclosure-control.rules';

// ---------------------------------------------------------------------------------------------
// Builders and readers of results
// ---------------------------------------------------------------------------------------------

type Grid = number[][];

const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);
const add = (a: Grid, b: Grid) => a.map((row, r) => row.map((v, c) => v + b[r][c]));

/** A table with its totals; by default one co-op supplies every cell, so differencing plays no part. */
function tableOf(cells: Grid, contributions: Record<string, Grid> = { 'coop-a': cells }): FigureTable {
  const total = Object.values(contributions).reduce(add);
  expect(total).toEqual(cells);
  return {
    rowLabels: cells.map((_, r) => `R${r}`),
    columnLabels: cells[0].map((_, c) => `C${c}`),
    cells,
    rowTotals: cells.map(sum),
    columnTotals: cells[0].map((_, c) => sum(cells.map((row) => row[c]))),
    grandTotal: sum(cells.map(sum)),
    contributions: Object.entries(contributions).map(([coopId, part]) => ({ coopId, cells: part })),
  };
}

/** The published table as text, one line per row, `x` for hidden: `x 50 x | 122`, the last line the column totals. */
function picture(result: DisclosureResult): string[] {
  const show = (f: PublishedFigure) => (isSuppressed(f) ? 'x' : String(f));
  const { cells, rowTotals, columnTotals, grandTotal } = result.table;
  const rows = cells.map((row, r) => `${row.map(show).join(' ')} | ${show(rowTotals[r])}`);
  return [...rows, `${columnTotals.map(show).join(' ')} | ${show(grandTotal)}`];
}

function reasonAt(result: DisclosureResult, position: TablePosition): string | undefined {
  return result.suppressions.find((s) => JSON.stringify(s.position) === JSON.stringify(position))?.reason;
}

const cell = (row: number, column: number): TablePosition => ({ kind: 'cell', row, column });
const people = { countsPeople: true };
const hours = { countsPeople: false };

// ---------------------------------------------------------------------------------------------
// Rule 1: small counts
// ---------------------------------------------------------------------------------------------

describe('primary suppression', () => {
  const single = (value: number, threshold?: number) =>
    publishSingleFigure(people, { value, contributions: [{ coopId: 'a', value }] }, { threshold });

  it('shows 0, hides 1 and the threshold, shows one more than the threshold', () => {
    expect(single(0).figure).toBe(0);
    expect(single(1)).toEqual({ figure: SUPPRESSED, reason: 'primary' });
    expect(single(DEFAULT_THRESHOLD)).toEqual({ figure: SUPPRESSED, reason: 'primary' });
    expect(single(DEFAULT_THRESHOLD + 1)).toEqual({ figure: 5, reason: null });
  });

  it('hides groups under 10 with the workforce threshold of 9', () => {
    expect(single(9, WORKFORCE_THRESHOLD).figure).toBe(SUPPRESSED);
    expect(single(10, WORKFORCE_THRESHOLD).figure).toBe(10);
  });

  it('applies the same edges to every cell of a table', () => {
    const result = suppressSmallCounts(
      tableOf([
        [0, 1, 4, 5],
        [50, 60, 70, 80],
        [55, 65, 75, 85],
      ]),
    );
    expect(result.table.cells[0][0]).toBe(0);
    expect(reasonAt(result, cell(0, 1))).toBe('primary');
    expect(reasonAt(result, cell(0, 2))).toBe('primary');
    expect(reasonAt(result, cell(0, 3))).not.toBe('primary');
  });

  it('hides a table cell of 9 and shows 10 under the workforce threshold', () => {
    const result = suppressSmallCounts(
      tableOf([
        [9, 10, 40],
        [30, 50, 60],
        [35, 45, 55],
      ]),
      { threshold: 9 },
    );
    expect(reasonAt(result, cell(0, 0))).toBe('primary');
    expect(reasonAt(result, cell(0, 1))).not.toBe('primary');
    expect(result.table.threshold).toBe(9);
  });

  it('hides a total of 1 to the threshold, since a total counts people too', () => {
    const result = suppressSmallCounts(
      tableOf([
        [1, 2, 0],
        [40, 50, 60],
        [45, 55, 65],
      ]),
    );
    expect(reasonAt(result, { kind: 'row-total', row: 0 })).toBe('primary');
  });

  it('is a value of its own in JSON and text, never 0, null or blank', () => {
    const result = suppressSmallCounts(
      tableOf([
        [2, 50, 80],
        [60, 70, 90],
        [65, 75, 95],
      ]),
    );
    expect(JSON.stringify(result.table.cells[0][0])).toBe('{"suppressed":true}');
    expect(figureText(result.table.cells[0][0])).toBe('suppressed');
    expect(figureText(result.table.cells[2][2])).toBe('95');
    expect(isSuppressed(0)).toBe(false);
  });

  it('refuses a threshold below 1 or not whole, and figures that are not counts or do not add up', () => {
    const good = tableOf([
      [5, 6],
      [7, 8],
    ]);
    expect(() => suppressSmallCounts(good, { threshold: 0 })).toThrow(
      expect.objectContaining({ code: 'REPORTING.DISCLOSURE_BAD_THRESHOLD' }),
    );
    expect(() => suppressSmallCounts(good, { threshold: 2.5 })).toThrow(
      expect.objectContaining({ code: 'REPORTING.DISCLOSURE_BAD_THRESHOLD' }),
    );
    const bad = (t: Partial<FigureTable>) => () => suppressSmallCounts({ ...good, ...t });
    const code = expect.objectContaining({ code: 'REPORTING.DISCLOSURE_BAD_TABLE' });
    expect(
      bad({
        cells: [
          [5, -6],
          [7, 8],
        ],
      }),
    ).toThrow(code);
    expect(
      bad({
        cells: [
          [5, 6.5],
          [7, 8],
        ],
      }),
    ).toThrow(code);
    expect(bad({ grandTotal: 27 })).toThrow(code);
    expect(bad({ rowTotals: [11] })).toThrow(code);
    expect(
      bad({
        contributions: [
          {
            coopId: 'a',
            cells: [
              [5, 6],
              [7, 7],
            ],
          },
        ],
      }),
    ).toThrow(code);
    expect(
      bad({
        contributions: [
          {
            coopId: 'a',
            cells: [
              [5, 6],
              [7, 8],
            ],
          },
          {
            coopId: 'a',
            cells: [
              [0, 0],
              [0, 0],
            ],
          },
        ],
      }),
    ).toThrow(code);
  });
});

// ---------------------------------------------------------------------------------------------
// Rule 3: pairing in rows and columns
// ---------------------------------------------------------------------------------------------

describe('secondary suppression along rows and columns', () => {
  it('pairs a hidden cell with the smallest non-zero cell of its row and of its column', () => {
    const result = suppressSmallCounts(
      tableOf([
        [2, 50, 30, 40],
        [60, 70, 80, 90],
        [65, 75, 85, 95],
      ]),
    );
    expect(picture(result)).toEqual(['x 50 x 40 | 122', 'x 70 x 90 | 300', '65 75 85 95 | 320', '127 195 195 225 | 742']);
    expect(reasonAt(result, cell(0, 2))).toBe('secondary: second hidden figure in row "R0"');
    expect(reasonAt(result, cell(1, 0))).toBe('secondary: second hidden figure in column "C0"');
  });

  it('skips zeros, which are never hidden, and takes the first of equal cells', () => {
    const result = suppressSmallCounts(
      tableOf([
        [3, 0, 30, 30],
        [0, 60, 70, 80],
        [40, 65, 75, 85],
      ]),
    );
    expect(picture(result)[0]).toBe('x 0 x 30 | 63');
    expect(result.table.cells[1][0]).toBe(0);
  });

  it('cascades across lines until no line has a lone hidden figure', () => {
    const result = suppressSmallCounts(
      tableOf([
        [3, 10, 50],
        [90, 11, 12],
        [80, 95, 13],
      ]),
    );
    // 3 pairs with 10 in its row and 80 in its column; 10 then needs 11, 80 needs 13, 11 needs 12.
    expect(picture(result)).toEqual(['x x 50 | 63', '90 x x | 113', 'x 95 x | 188', '173 116 75 | 364']);
  });

  it('hides a line total when the line has no other non-zero cell, and pairs it among the totals', () => {
    const result = suppressSmallCounts(
      tableOf([
        [2, 40, 0],
        [0, 50, 0],
        [45, 0, 65],
      ]),
    );
    expect(reasonAt(result, { kind: 'row-total', row: 1 })).toBe('secondary: total of row "R1", which has no other non-zero cell to hide');
    expect(reasonAt(result, { kind: 'column-total', column: 2 })).toBe(
      'secondary: total of column "C2", which has no other non-zero cell to hide',
    );
    expect(reasonAt(result, { kind: 'row-total', row: 0 })).toBe('secondary: second hidden figure in the row totals');
    expect(reasonAt(result, { kind: 'column-total', column: 0 })).toBe('secondary: second hidden figure in the column totals');
    expectNoLoneHiddenFigure(result);
  });

  it('hides more when the pairs leave the small cell recoverable by adding up rows and columns', () => {
    // After pairing, the hidden 2 is the only link between two groups of hidden figures: columns
    // C0 and C2 together, less row R2 and the column totals, leave it alone. Hiding the total of C1
    // (90, the cheapest way) joins the groups into a loop.
    const result = suppressSmallCounts(
      tableOf([
        [2, 40, 0],
        [0, 50, 0],
        [45, 0, 65],
      ]),
    );
    expect(reasonAt(result, { kind: 'column-total', column: 1 })).toMatch(/^secondary: loop protection/);
    expect(determinedByLinearAlgebra(viewFor(result, zeros(result)))).toEqual(new Set());
  });

  it('hides more when two 1s share a row, since hidden figures are never 0, choosing the fewest people to hide', () => {
    const result = suppressSmallCounts(
      tableOf([
        [1, 1, 30],
        [20, 15, 40],
        [25, 9, 50],
      ]),
    );
    // Pairing alone hides columns C0 and C1 and leaves row R0 reading 1 + 1 = 2: a small count of
    // its own, so 30 is hidden with them, and 40 pairs with it in column C2. Then 1 can become 2
    // while 30 becomes 29, 40 becomes 41 and 20 becomes 19; the totals stay shown.
    expect(picture(result)).toEqual(['x x x | 32', 'x x x | 75', 'x x 50 | 84', '46 25 120 | 191']);
    expect(reasonAt(result, cell(0, 2))).toBe(
      'secondary: the hidden figures of row "R0" add up to a small count (its total less the figures shown)',
    );
    const view = viewFor(result, zeros(result));
    expect(shuttle(view, floorsFor(view, zeros(result))).pinned).toEqual(new Set());
  });

  it('gives the same answer every time, whatever order the co-ops are listed in', () => {
    const cells = [
      [3, 12, 0, 40],
      [25, 2, 18, 0],
      [7, 30, 1, 22],
    ];
    const a = [
      [1, 10, 0, 20],
      [25, 0, 9, 0],
      [7, 10, 1, 2],
    ];
    const b = add(
      cells,
      a.map((row) => row.map((v) => -v)),
    );
    const forwards = suppressSmallCounts(tableOf(cells, { a, b }));
    const backwards = suppressSmallCounts(tableOf(cells, { b, a }));
    expect(backwards).toEqual(forwards);
    expect(suppressSmallCounts(tableOf(cells, { a, b }))).toEqual(forwards);
  });
});

// ---------------------------------------------------------------------------------------------
// Rule 2: co-op differencing
// ---------------------------------------------------------------------------------------------

describe('co-op differencing', () => {
  const reason = 'secondary: co-op differencing (a co-op taking away its own part would see a small count of the others)';

  it("hides a figure when one co-op's part leaves a small count for the others", () => {
    const result = suppressSmallCounts(
      tableOf(
        [
          [12, 40],
          [50, 60],
        ],
        {
          a: [
            [10, 20],
            [25, 30],
          ],
          b: [
            [2, 20],
            [25, 30],
          ],
        },
      ),
    );
    expect(reasonAt(result, cell(0, 0))).toBe(reason);
  });

  it('considers what all the other co-ops have together', () => {
    const result = suppressSmallCounts(
      tableOf(
        [
          [15, 40],
          [50, 60],
        ],
        {
          a: [
            [12, 20],
            [25, 30],
          ],
          b: [
            [2, 10],
            [15, 20],
          ],
          c: [
            [1, 10],
            [10, 10],
          ],
        },
      ),
    );
    expect(reasonAt(result, cell(0, 0))).toBe(reason);
  });

  it('shows a figure one co-op supplies alone when it is above the threshold, and hides it when it is not', () => {
    const a = [
      [5, 20, 30],
      [25, 10, 10],
      [30, 11, 1],
    ];
    const b = [
      [0, 20, 30],
      [25, 10, 11],
      [25, 11, 1],
    ];
    const result = suppressSmallCounts(tableOf(add(a, b), { a, b }));
    expect(result.table.cells[0][0]).toBe(5);
    const alone = (value: number) =>
      publishSingleFigure(people, {
        value,
        contributions: [
          { coopId: 'a', value },
          { coopId: 'b', value: 0 },
        ],
      });
    expect(alone(5)).toEqual({ figure: 5, reason: null });
    expect(alone(4)).toEqual({ figure: SUPPRESSED, reason: 'primary' });
  });

  it('hides a total that would leave a small count of the other co-ops', () => {
    const result = suppressSmallCounts(
      tableOf(
        [
          [20, 40],
          [50, 60],
        ],
        {
          a: [
            [19, 38],
            [25, 30],
          ],
          b: [
            [1, 2],
            [25, 30],
          ],
        },
      ),
    );
    expect(reasonAt(result, { kind: 'row-total', row: 0 })).toBe(reason);
  });

  it('applies to a single figure as well', () => {
    const figure = publishSingleFigure(people, {
      value: 30,
      contributions: [
        { coopId: 'a', value: 27 },
        { coopId: 'b', value: 3 },
      ],
    });
    expect(figure).toEqual({ figure: SUPPRESSED, reason });
  });
});

// ---------------------------------------------------------------------------------------------
// Organisational figures
// ---------------------------------------------------------------------------------------------

describe('organisational figures', () => {
  it('publishes hours and money as they are, small or not', () => {
    const table = tableOf([
      [1, 2],
      [3, 400],
    ]);
    const result = publishTable(hours, table);
    expect(result.suppressions).toEqual([]);
    expect(result.table.cells).toEqual([
      [1, 2],
      [3, 400],
    ]);
    expect(result.table.threshold).toBeNull();
    expect(
      publishSingleFigure(hours, {
        value: 3,
        contributions: [
          { coopId: 'a', value: 1 },
          { coopId: 'b', value: 2 },
        ],
      }),
    ).toEqual({ figure: 3, reason: null });
  });

  it('controls a metric marked as counting people', () => {
    const table = tableOf([
      [1, 20],
      [30, 40],
    ]);
    expect(publishTable(people, table, { threshold: 9 })).toEqual(suppressSmallCounts(table, { threshold: 9 }));
  });
});

// ---------------------------------------------------------------------------------------------
// Attacks. A reader's view is the grid with its totals -- row `rows` the column totals, column
// `columns` the row totals -- holding what the reader can work out from the published figures,
// null where hidden. For a co-op that is the published figure minus its own part.
// ---------------------------------------------------------------------------------------------

type View = (number | null)[][];
type Key = string;
const keyOf = (r: number, c: number): Key => `${r},${c}`;

function withTotals(cells: Grid): Grid {
  const rows = cells.map((row) => [...row, sum(row)]);
  return [...rows, rows[0].map((_, c) => sum(rows.map((row) => row[c])))];
}

function zeros(result: DisclosureResult): Grid {
  return withTotals(result.table.cells.map((row) => row.map(() => 0)));
}

function viewFor(result: DisclosureResult, own: Grid): View {
  const { cells, rowTotals, columnTotals, grandTotal } = result.table;
  const published = [...cells.map((row, r) => [...row, rowTotals[r]]), [...columnTotals, grandTotal]];
  return published.map((row, r) => row.map((f, c) => (isSuppressed(f) ? null : f - own[r][c])));
}

/** The lowest each hidden entry could be, as the reader knows: others' part is never negative, a hidden figure never 0. */
function floorsFor(view: View, own: Grid): Grid {
  return view.map((row, r) => row.map((_, c) => Math.max(0, 1 - own[r][c])));
}

/** Every line of the view: its entries in order, the last being the total. */
function linesOf(view: View): [number, number][][] {
  const rows = view.map((row, r) => row.map((_, c): [number, number] => [r, c]));
  const columns = view[0].map((_, c) => view.map((_, r): [number, number] => [r, c]));
  return [...rows, ...columns];
}

/** The simple method: a line with exactly one unknown gives it away; repeat with what was learnt. */
function peel(input: View): Map<Key, number> {
  const view = input.map((row) => [...row]);
  const learnt = new Map<Key, number>();
  for (let progress = true; progress;) {
    progress = false;
    for (const line of linesOf(view)) {
      const unknown = line.filter(([r, c]) => view[r][c] === null);
      if (unknown.length !== 1) continue;
      const [[r, c]] = unknown;
      const inner = line.slice(0, -1).map(([i, j]) => view[i][j] ?? 0);
      const [tr, tc] = line[line.length - 1];
      const value = tr === r && tc === c ? sum(inner) : (view[tr][tc] as number) - sum(inner);
      view[r][c] = value;
      learnt.set(keyOf(r, c), value);
      progress = true;
    }
  }
  return learnt;
}

/** Gaussian elimination on all the line equations at once: which unknowns have exactly one solution. */
function determinedByLinearAlgebra(view: View): Set<Key> {
  const unknowns = view.flatMap((row, r) => row.flatMap((v, c) => (v === null ? [keyOf(r, c)] : [])));
  const column = new Map(unknowns.map((k, i) => [k, i]));
  const matrix = linesOf(view).map((line) => {
    const coefficients = unknowns.map(() => 0);
    line.forEach(([r, c], i) => {
      if (view[r][c] === null) coefficients[column.get(keyOf(r, c)) as number] = i === line.length - 1 ? -1 : 1;
    });
    return coefficients;
  });
  const pivots: number[] = [];
  let top = 0;
  for (let col = 0; col < unknowns.length && top < matrix.length; col++) {
    const found = matrix.findIndex((row, i) => i >= top && Math.abs(row[col]) > 1e-9);
    if (found < 0) continue;
    [matrix[top], matrix[found]] = [matrix[found], matrix[top]];
    const pivot = matrix[top][col];
    matrix[top] = matrix[top].map((v) => v / pivot);
    matrix.forEach((row, i) => {
      if (i !== top && Math.abs(row[col]) > 1e-9) matrix[i] = row.map((v, j) => v - row[col] * matrix[top][j]);
    });
    pivots.push(col);
    top++;
  }
  const determined = pivots.filter((col, i) => matrix[i].every((v, j) => j === col || Math.abs(v) < 1e-9));
  return new Set(determined.map((col) => unknowns[col]));
}

/**
 * The shuttle algorithm: keep narrowing each hidden entry's range [low, high] from every line's
 * equation and the reader's floors until nothing changes; a range of one value gives it away.
 */
function shuttle(view: View, floors: Grid): { pinned: Set<Key>; low: Grid; high: Grid } {
  const low = view.map((row, r) => row.map((v, c) => v ?? floors[r][c]));
  const high = view.map((row) => row.map((v) => v ?? Infinity));
  for (let changed = true, rounds = 0; changed && rounds < 10_000; rounds++) {
    changed = false;
    for (const line of linesOf(view)) {
      const inner = line.slice(0, -1);
      const [tr, tc] = line[line.length - 1];
      const tighten = (r: number, c: number, lo: number, hi: number) => {
        if (lo > low[r][c]) [low[r][c], changed] = [lo, true];
        if (hi < high[r][c]) [high[r][c], changed] = [hi, true];
      };
      if (view[tr][tc] === null) tighten(tr, tc, sum(inner.map(([r, c]) => low[r][c])), sum(inner.map(([r, c]) => high[r][c])));
      for (const [r, c] of inner) {
        if (view[r][c] !== null) continue;
        const others = inner.filter(([i, j]) => i !== r || j !== c);
        tighten(r, c, low[tr][tc] - sum(others.map(([i, j]) => high[i][j])), high[tr][tc] - sum(others.map(([i, j]) => low[i][j])));
      }
    }
  }
  const pinned = new Set<Key>();
  view.forEach((row, r) => row.forEach((v, c) => v === null && low[r][c] === high[r][c] && pinned.add(keyOf(r, c))));
  return { pinned, low, high };
}

/**
 * Looks, by search, for a whole table that matches the view and the floors but has a different
 * value at `target`. Values are tried nearest the truth first and capped just above the largest
 * true figure; any table found is a genuine alternative, so a miss can only fail the test.
 */
function alternativeExists(view: View, floors: Grid, truth: Grid, target: Key, budget = 200_000): boolean {
  const cap = Math.max(...truth.flat()) + 1;
  const lines = linesOf(view);
  const unknowns = view.flatMap((row, r) => row.flatMap((v, c) => (v === null ? [[r, c] as [number, number]] : [])));
  const allowed = (r: number, c: number, v: number) => v >= floors[r][c] && v <= cap && !(keyOf(r, c) === target && v === truth[r][c]);
  let steps = 0;
  const solve = (start: View): boolean => {
    if (++steps > budget) return false;
    const grid = start.map((row) => [...row]);
    for (let changed = true; changed;) {
      changed = false;
      for (const line of lines) {
        const open = line.filter(([r, c]) => grid[r][c] === null);
        const inner = line.slice(0, -1).map(([r, c]) => grid[r][c] ?? 0);
        const [tr, tc] = line[line.length - 1];
        if (open.length === 0 && sum(inner) !== grid[tr][tc]) return false;
        if (open.length !== 1) continue;
        const [[r, c]] = open;
        const value = r === tr && c === tc ? sum(inner) : (grid[tr][tc] as number) - sum(inner);
        if (!allowed(r, c, value)) return false;
        grid[r][c] = value;
        changed = true;
      }
    }
    const next = unknowns.find(([r, c]) => grid[r][c] === null);
    if (!next) return true;
    const [r, c] = next;
    const tries = Array.from({ length: cap + 1 }, (_, v) => v).sort((a, b) => Math.abs(a - truth[r][c]) - Math.abs(b - truth[r][c]));
    return tries.some((v) => allowed(r, c, v) && solve(grid.map((row, i) => row.map((x, j) => (i === r && j === c ? v : x)))));
  };
  return solve(view);
}

/** Commissioners, each co-op with its own part of every figure, and every two co-ops pooling theirs. */
function readersOf(table: FigureTable): { name: string; own: Grid }[] {
  const none = withTotals(table.cells.map((row) => row.map(() => 0)));
  return coalitions(table.contributions, DEFAULT_COALITION_SIZE).map((coalition) => ({
    name: coalition.map((c) => c.coopId).join(' + ') || 'commissioners',
    own: coalition.reduce((own, c) => add(own, withTotals(c.cells.map((row) => [...row]))), none),
  }));
}

/** Hidden entries whose unknown part (to this reader) is a small count: the ones that must stay hidden. */
function sensitive(view: View, truth: Grid, own: Grid, threshold: number): Key[] {
  return view.flatMap((row, r) =>
    row.flatMap((v, c) => (v === null && truth[r][c] - own[r][c] >= 1 && truth[r][c] - own[r][c] <= threshold ? [keyOf(r, c)] : [])),
  );
}

function expectNoLoneHiddenFigure(result: DisclosureResult): void {
  const view = viewFor(result, zeros(result));
  for (const line of linesOf(view)) expect(line.filter(([r, c]) => view[r][c] === null).length).not.toBe(1);
}

interface Shape {
  maxRows: number;
  maxColumns: number;
  maxCoops: number;
  /** Chance of 0, then of 1..3, else 4..bigUpTo. */
  zero: number;
  small: number;
  bigUpTo: number;
}

function randomTable(random: () => number, shape: Shape): { table: FigureTable; threshold: number } {
  const int = (n: number) => Math.floor(random() * n);
  const [rows, columns, coops] = [1 + int(shape.maxRows), 1 + int(shape.maxColumns), 1 + int(shape.maxCoops)];
  const count = () => {
    const p = random();
    return p < shape.zero ? 0 : p < shape.zero + shape.small ? 1 + int(3) : 4 + int(shape.bigUpTo - 3);
  };
  const parts: Record<string, Grid> = {};
  for (let k = 0; k < coops; k++) parts[`coop-${k}`] = Array.from({ length: rows }, () => Array.from({ length: columns }, count));
  const cells = Object.values(parts).reduce(add);
  return { table: tableOf(cells, parts), threshold: random() < 0.25 ? WORKFORCE_THRESHOLD : DEFAULT_THRESHOLD };
}

describe('the attacks themselves find what an unprotected table gives away', () => {
  it('peeling reads a lone hidden cell off its row total', () => {
    expect(
      peel([
        [null, 5, 7],
        [6, 7, 13],
        [8, 12, 20],
      ]),
    ).toEqual(new Map([[keyOf(0, 0), 2]]));
  });

  it('elimination finds a cell joining two loops, which peeling cannot', () => {
    // Hidden: a loop in rows 0-1 x columns 0-1, another in rows 2-3 x columns 2-3, and the 3 at
    // (0,2) as the only link between them: rows 2 and 3 minus columns 2 and 3 leave exactly it.
    const view: View = [
      [null, null, null, 10, 45],
      [null, null, 10, 10, 110],
      [20, 20, null, null, 170],
      [30, 30, null, null, 230],
      [92, 130, 153, 180, 555],
    ];
    expect(peel(view).size).toBe(0);
    expect(determinedByLinearAlgebra(view).has(keyOf(0, 2))).toBe(true);
  });

  it('the shuttle pins two hidden 1s sharing a row', () => {
    const view: View = [
      [null, null, 30, 32],
      [null, null, 40, 107],
      [45, 24, 70, 139],
    ];
    const ones = view.map((row) => row.map(() => 1));
    const { pinned } = shuttle(view, ones);
    expect([pinned.has(keyOf(0, 0)), pinned.has(keyOf(0, 1))]).toEqual([true, true]);
    expect(
      alternativeExists(
        view,
        ones,
        [
          [1, 1, 30, 32],
          [44, 23, 40, 107],
          [45, 24, 70, 139],
        ],
        keyOf(0, 0),
      ),
    ).toBe(false);
  });
});

describe('trying to recover hidden small counts from what is published', () => {
  // Harsh tables (many small counts, so much is hidden and the rules interact) and more ordinary ones.
  const harsh: Shape = { maxRows: 6, maxColumns: 5, maxCoops: 4, zero: 0.4, small: 0.35, bigUpTo: 30 };
  const ordinary: Shape = { maxRows: 8, maxColumns: 5, maxCoops: 6, zero: 0.15, small: 0.15, bigUpTo: 60 };
  const TABLES = 900;
  let cases: { table: FigureTable; threshold: number }[];
  let results: DisclosureResult[];

  beforeAll(() => {
    const random = seeded(20260915);
    cases = Array.from({ length: TABLES }, (_, i) => randomTable(random, i < 600 ? harsh : ordinary));
    results = cases.map(({ table, threshold }) => suppressSmallCounts(table, { threshold }));
  });

  it('exercises every rule across the random tables', () => {
    const reasons = results.flatMap((r) => r.suppressions.map((s) => s.reason));
    const kinds = [
      'primary',
      'secondary: second hidden figure',
      'secondary: total of',
      'secondary: co-op differencing',
      'secondary: co-ops pooling',
      'secondary: the hidden figures of',
      'secondary: loop protection',
    ];
    for (const kind of kinds) expect(reasons.some((r) => r.startsWith(kind))).toBe(true);
  });

  it(`never hides a zero, in ${TABLES} random tables`, () => {
    cases.forEach(({ table }, i) => {
      const truth = withTotals(table.cells.map((row) => [...row]));
      const view = viewFor(results[i], zeros(results[i]));
      view.forEach((row, r) => row.forEach((v, c) => v === null && expect(truth[r][c]).toBeGreaterThan(0)));
    });
  });

  it('leaves no line with a single hidden figure, so peeling learns nothing, for any reader', () => {
    cases.forEach(({ table }, i) => {
      for (const reader of readersOf(table)) expect(peel(viewFor(results[i], reader.own)).size).toBe(0);
    });
  });

  it('leaves no small count determined by solving all the line equations together', () => {
    cases.forEach(({ table, threshold }, i) => {
      const truth = withTotals(table.cells.map((row) => [...row]));
      for (const reader of readersOf(table)) {
        const view = viewFor(results[i], reader.own);
        const determined = determinedByLinearAlgebra(view);
        expect(sensitive(view, truth, reader.own, threshold).filter((k) => determined.has(k))).toEqual([]);
      }
    });
  });

  it('leaves no small count pinned by the ranges a reader can narrow it to (shuttle algorithm)', () => {
    cases.forEach(({ table, threshold }, i) => {
      const truth = withTotals(table.cells.map((row) => [...row]));
      for (const reader of readersOf(table)) {
        const view = viewFor(results[i], reader.own);
        const { pinned } = shuttle(view, floorsFor(view, reader.own));
        expect({
          table: i,
          reader: reader.name,
          pinned: sensitive(view, truth, reader.own, threshold).filter((k) => pinned.has(k)),
        }).toEqual({
          table: i,
          reader: reader.name,
          pinned: [],
        });
      }
    });
  });

  it('lets no co-op, nor two pooling, subtract their own parts from a shown figure and see a small count of the others', () => {
    cases.forEach(({ table, threshold }, i) => {
      for (const reader of readersOf(table).slice(1)) {
        const shown = viewFor(results[i], reader.own)
          .flat()
          .filter((v): v is number => v !== null);
        expect(shown.filter((v) => v >= 1 && v <= threshold)).toEqual([]);
      }
    });
  });
});

describe('exhaustive search on small tables: every hidden small count has another possible value', () => {
  const TABLES = 300;
  const shape: Shape = { maxRows: 3, maxColumns: 3, maxCoops: 3, zero: 0.35, small: 0.45, bigUpTo: 8 };
  const random = seeded(7);
  const cases = Array.from({ length: TABLES }, () => randomTable(random, shape));

  it(`finds an alternative table for each hidden small count and each reader, in ${TABLES} random tables`, () => {
    const failures: string[] = [];
    cases.forEach(({ table, threshold }, i) => {
      const result = suppressSmallCounts(table, { threshold });
      const truth = withTotals(table.cells.map((row) => [...row]));
      for (const reader of readersOf(table)) {
        const view = viewFor(result, reader.own);
        const floors = floorsFor(view, reader.own);
        const unknownTruth = truth.map((row, r) => row.map((v, c) => v - reader.own[r][c]));
        for (const key of sensitive(view, truth, reader.own, threshold)) {
          if (!alternativeExists(view, floors, unknownTruth, key)) failures.push(`table ${i}, ${reader.name}, entry ${key}`);
        }
      }
    });
    expect(failures).toEqual([]);
  });
});
