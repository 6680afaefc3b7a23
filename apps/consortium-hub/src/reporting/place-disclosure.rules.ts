import { smallestRest } from './disclosure-coalitions.rules';
import {
  DisclosureResult,
  EarlierTable,
  FigureTable,
  PublishedFigure,
  SUPPRESSED,
  Suppression,
  suppressSmallCounts,
  TablePosition,
} from './disclosure-control.rules';
import { isSmall, SuppressionReason } from './disclosure-grid.rules';

/*
 * Disclosure control for hours by place: a table of care hours by locality (rows) and service type
 * (columns), with hours by locality, by service type and in all as its margins.
 *
 * What it can give away. Hours are not people, but a cell of hours is the care of the people behind
 * it: with one person behind a cell (the only person in Marsden who has gardening), the cell is that
 * person's gardening hours, and anyone who knows who it is learns how much care they get. The same
 * holds for any figure a reader can work out from what is published: a margin less the cells shown
 * in its line (the hours of the hidden cells together), a co-op's own hours taken from a cell (the
 * others' hours), or this release less an earlier one (the hours of the co-ops that joined since).
 *
 * How it is protected: by the people behind each figure, as a statistician protects magnitude
 * tables by their contributors. Each co-op also sends the people behind each cell (people_visited:
 * people with a visit of that service type in that locality), the distinct people of each locality
 * and in all. The people table has the same shape and adds up the same way as the hours table, so:
 *
 * 1. A figure of hours is hidden where its people are 1 to the threshold, or would be for a co-op,
 *    or any two pooling, taking their own people away (differencing): by the distinct people of a
 *    locality and in all, not by adding up its cells (a person with two service types is one
 *    person).
 * 2. Then every rule of disclosure-control.rules.ts runs on the people table, with those figures
 *    hidden from the start: no hidden figure alone in a line, a line's hidden group never a small
 *    number of people to any reader, room to move for every small hidden figure, and no small
 *    change from an earlier release of the same cycle. The hours table is published with exactly
 *    the figures the people table hides hidden, so whatever a reader can add up or subtract in
 *    hours -- a group of hidden cells, a change since an earlier release -- is the hours of as
 *    many people as the same sum in the people table, which the rules keep above the threshold.
 *
 * The people table's rows add up person-service pairs (a person with two service types counts in
 * two cells of their locality's row), so a hidden group within one row may be fewer distinct people
 * than it counts. That is a known limit: it needs one person with several service types in the same
 * hidden group of a row; the margins themselves are judged by distinct people (rule 1).
 * A cell some co-op withheld on its node (1 or 2 people) is hidden from the start, its people taken
 * as 1 for choosing more. Planned and delivered hours share the pattern: a cell of delivered hours
 * can have fewer people behind it than were visited (some visits missed), which this does not
 * protect separately.
 */

export interface PlaceCoop {
  readonly coopId: string;
  /** People behind each cell, rows by columns; null where the co-op withheld the count on its node. */
  readonly cells: readonly (readonly (number | null)[])[];
  /** Distinct people of each row (a locality); null where withheld on the node. */
  readonly rowPeople: readonly (number | null)[];
  /** Distinct people in all. */
  readonly totalPeople: number;
}

export interface PlaceGrid {
  readonly rows: readonly string[];
  readonly columns: readonly string[];
  readonly coops: readonly PlaceCoop[];
}

/** An earlier release of the same cycle: each co-op's people then, and which hours figures it hid. */
export interface EarlierPlaceGrid {
  readonly name: string;
  readonly coops: readonly PlaceCoop[];
  readonly hidden: readonly TablePosition[];
}

export interface PlaceOptions {
  readonly threshold: number;
  readonly coalitionSize?: number;
  readonly earlier?: readonly EarlierPlaceGrid[];
}

/** Which figures of the hours table are hidden, and why; the people table as it may be published. */
export interface PlacePattern {
  readonly cells: readonly (readonly boolean[])[];
  readonly rows: readonly boolean[];
  readonly columns: readonly boolean[];
  readonly total: boolean;
  readonly suppressions: readonly Suppression[];
  readonly people: DisclosureResult['table'];
}

const WITHHELD: SuppressionReason = 'withheld: a co-op withheld the people behind this figure on its own node';
const FEW_PEOPLE: SuppressionReason = 'secondary: few distinct people behind these hours';
const FEW_PEOPLE_DIFFERENCING: SuppressionReason =
  'secondary: co-op differencing (a co-op taking away its own people would leave few behind these hours)';

/** A withheld count is 1 or 2 people; 1 is the least it can be, and only chooses further figures to hide. */
const estimate = (n: number | null) => n ?? 1;

/** The people table: each co-op's part of each cell, withheld counts at their estimate. */
export function peopleTable(grid: PlaceGrid): FigureTable {
  const contributions = grid.coops.map((c) => ({ coopId: c.coopId, cells: c.cells.map((row) => row.map(estimate)) }));
  // Summed co-op by co-op into one grid: a table of hundreds of localities and a thousand co-ops is summed in one pass.
  const cells = grid.rows.map(() => grid.columns.map(() => 0));
  for (const c of contributions) c.cells.forEach((row, r) => row.forEach((n, col) => n && (cells[r][col] += n)));
  const rowTotals = cells.map((row) => row.reduce((a, b) => a + b, 0));
  const columnTotals = grid.columns.map((_, col) => cells.reduce((a, row) => a + row[col], 0));
  return {
    rowLabels: [...grid.rows],
    columnLabels: [...grid.columns],
    cells,
    rowTotals,
    columnTotals,
    grandTotal: rowTotals.reduce((a, b) => a + b, 0),
    contributions,
  };
}

/** Rule 1 on a figure whose people are known per co-op as distinct people: its reason to hide, if any. */
function fewPeople(parts: readonly number[], threshold: number, coalition: number): SuppressionReason | undefined {
  if (
    isSmall(
      parts.reduce((a, b) => a + b, 0),
      threshold,
    )
  )
    return FEW_PEOPLE;
  if (isSmall(smallestRest(parts, 1), threshold) || isSmall(smallestRest(parts, coalition), threshold)) return FEW_PEOPLE_DIFFERENCING;
  return undefined;
}

export function placePattern(grid: PlaceGrid, options: PlaceOptions): PlacePattern {
  const coalition = options.coalitionSize ?? 2;
  const table = peopleTable(grid);
  const fromStart: Suppression[] = [];
  grid.rows.forEach((_, row) => {
    grid.columns.forEach((_, column) => {
      if (grid.coops.some((c) => c.cells[row][column] === null))
        fromStart.push({ position: { kind: 'cell', row, column }, reason: WITHHELD });
    });
    if (grid.coops.some((c) => c.rowPeople[row] === null)) fromStart.push({ position: { kind: 'row-total', row }, reason: WITHHELD });
    else {
      const reason = fewPeople(
        grid.coops.map((c) => c.rowPeople[row]!),
        options.threshold,
        coalition,
      );
      if (reason) fromStart.push({ position: { kind: 'row-total', row }, reason });
    }
  });
  const totalReason = fewPeople(
    grid.coops.map((c) => c.totalPeople),
    options.threshold,
    coalition,
  );
  if (totalReason) fromStart.push({ position: { kind: 'grand-total' }, reason: totalReason });
  const earlier: EarlierTable[] = (options.earlier ?? []).map((e) => ({
    name: e.name,
    contributions: peopleTable({ ...grid, coops: e.coops }).contributions,
    hidden: e.hidden,
  }));
  const result = suppressSmallCounts(table, {
    threshold: options.threshold,
    coalitionSize: coalition,
    hiddenFromStart: fromStart,
    earlier,
  });
  const hidden = (f: PublishedFigure) => typeof f !== 'number';
  return {
    cells: result.table.cells.map((row) => row.map(hidden)),
    rows: result.table.rowTotals.map(hidden),
    columns: result.table.columnTotals.map(hidden),
    total: hidden(result.table.grandTotal),
    suppressions: result.suppressions,
    people: result.table,
  };
}

/** A figure of the hours table as published under the pattern. */
export function underPattern(value: number, hidden: boolean): PublishedFigure {
  return hidden ? SUPPRESSED : value;
}
