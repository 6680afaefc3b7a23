import { DomainError } from '@app/platform/errors/domain-error';

import { smallestRest } from './disclosure-coalitions.rules';
import {
  allEntries,
  allLines,
  At,
  Contributor,
  entriesOf,
  hide,
  isHidden,
  isSmall,
  lastColumn,
  lastRow,
  Line,
  lineName,
  partsAt,
  range,
  ReleaseView,
  smallestShown,
  sum,
  SuppressionReason,
  valueAt,
  withTotals,
  Work,
} from './disclosure-grid.rules';
import { freeOnePinnedFigure } from './disclosure-loops.rules';
import { protectReleaseDifferences } from './disclosure-releases.rules';

export type { SuppressionReason } from './disclosure-grid.rules';

/*
 * Statistical disclosure control: which counts of people a commissioner may see.
 *
 * A table counts people, say by locality (rows) and funding type (columns), with a total for each
 * row, each column and the whole table. Every figure is the sum of what each co-op sent.
 *
 * Who reads it. Commissioners, who know nothing but what is published. Each co-op, which knows its
 * own part of every figure. Co-ops pooling what they know: any coalition of up to `coalitionSize`
 * co-ops (default 2). Whoever kept an earlier release of the same figures, alone or pooling with
 * co-ops. What none of them may learn is a small count of the people of the rest of the consortium:
 * a figure, less what the reader knows of it, from 1 to the threshold.
 *
 * Why a bound on coalitions, and why it is enough. A coalition of every co-op but one learns that
 * co-op's own figures, so protecting against every coalition means hiding every figure to which any
 * co-op adds 1 to the threshold: in a consortium of many small co-ops, nearly everything. Pooling
 * means co-ops handing each other their confidential returns, against the consortium's agreement,
 * and each co-op more is one more party to that; we assume at most `coalitionSize` of them do it.
 * Within that bound the protection is exact, not sampled: the worst coalition of a figure is found
 * directly (disclosure-coalitions.rules.ts), and it leaves the least of any coalition of that size
 * or smaller, so no smaller one can learn more. In a consortium of `coalitionSize` + 1 co-ops or
 * fewer (three, with the default) the bound is every co-op but one: each co-op is protected
 * against all the others together.
 *
 * The rules, in the order they run:
 *
 * 1. Small counts (primary). A figure from 1 to the threshold (default 4; 9 for workforce tables,
 *    because Skills for Care hides groups under 10) is hidden. Totals count people too. Zero is
 *    shown: "nobody" points at no one.
 *
 * 2. Differencing. A figure that one co-op, or a coalition, could take its own parts from and be
 *    left with 1 to the threshold is hidden. A figure one co-op supplies alone leaves 0 when that
 *    co-op takes its part away, so it is shown when above the threshold.
 *
 * 3. No hidden figure alone in a line. A row with one hidden figure gives it away: the row total
 *    minus the cells shown. So every row and column with a hidden figure gets a second one: the
 *    smallest non-zero cell still shown (the first in the line on a tie, so the same table always
 *    gives the same answer); when the line has no such cell left, its total. The row totals and the
 *    column totals count as lines of their own. This repeats until no line has a lone hidden figure.
 *
 * 4. The group of hidden figures. A line whose total is shown gives away the sum of its hidden
 *    figures (the total less the figures shown): a count of people like any other. It must be 0 or
 *    above the threshold for every reader -- less what each co-op or coalition knows of it -- or the
 *    smallest non-zero figure still shown in the line is hidden too, until it is.
 *
 * 5. Earlier releases. A reader holding an earlier release of the same figures subtracts it: the
 *    change of any figure, or of any group of figures both releases let them add up, is the part of
 *    the co-ops who joined, left or corrected since, and must not be a small count, for the holder
 *    alone or pooling with co-ops (disclosure-releases.rules.ts).
 *
 * 6. Room to move. Two 1s hidden in the same row, with the row total shown, must both be 1, because
 *    a hidden figure is never 0; and two groups of hidden figures joined only through one hidden cell
 *    let a reader add up a few rows and columns and get that cell exactly. So the last check asks,
 *    for every hidden small figure and every reader: is there a loop of hidden figures -- along a
 *    row to another, down its column to another, and so on back to the start -- where adding 1 to
 *    every other figure and taking 1 from the rest (a total moving with its cells) leaves every shown
 *    figure as it is, and takes no hidden figure below what this reader knows it must be? If not,
 *    the shown figures that complete such a loop while hiding the fewest people are hidden too
 *    (disclosure-loops.rules.ts). Then rules 3 to 6 run again, until nothing changes.
 *
 * Why this is safe. What is published is a set of sums. A reader can know a hidden figure exactly
 * only if every table that matches what was published, and what the reader knows, has the same
 * figure there. The loop of rule 6 builds a second such table in which the figure is one more or
 * one less, so the reader cannot tell which is true. It also works the other way round: when two
 * such tables differ, the difference breaks down into loops of this kind (a property of tables
 * that add up along rows and columns), so a figure without a loop really could be pinned down.
 *
 * What readers must not see. The reasons given with each hidden figure are for consortium staff and
 * audit. Told which hidden figure is the small one and which was hidden to protect it, a reader
 * learns more: with a threshold of 4, a hidden pair adding up to 6 is then 1 and 5.
 *
 * Known limits. Exact values are protected, not ranges: a reader may still narrow a hidden figure
 * to, say, 1 to 3. A reader who reasons about how these rules choose (a figure hidden to protect
 * another is the smallest shown in its line) may narrow ranges further. Groups are those of one
 * line with its total shown (all the report publishes are one-row tables); in a table of two
 * dimensions, sums of hidden figures across several lines whose totals are hidden are not checked.
 * A holder of an earlier release is taken to know the unchanged co-ops' parts of every figure when
 * rule 6 looks for loops (more than they know, so it errs on the safe side). A figure that is 0 now
 * is shown even when an earlier release showed people there (zero is never hidden); a release made
 * under these rules cannot have shown a count that leaves a small change when it all goes. Each
 * table is checked on its own, with its own earlier releases: the same counts published in another
 * breakdown, another period or under another threshold must be checked together with this one by
 * whoever publishes them, and rates or shares worked out from small counts are not covered here.
 */

export const DEFAULT_THRESHOLD = 4;
/** Skills for Care publishes no group under 10 people. */
export const WORKFORCE_THRESHOLD = 9;
/** Any two co-ops pooling what they know; with three co-ops, every co-op but one. */
export const DEFAULT_COALITION_SIZE = 2;

/** A hidden figure: a value of its own, so no output can mistake it for a zero or a missing value. */
export interface Suppressed {
  readonly suppressed: true;
}
export const SUPPRESSED: Suppressed = Object.freeze({ suppressed: true as const });
export const SUPPRESSED_LABEL = 'suppressed';

export type PublishedFigure = number | Suppressed;

export function isSuppressed(figure: PublishedFigure): figure is Suppressed {
  return typeof figure === 'object' && figure !== null && figure.suppressed === true;
}

/** How CSV cells and chart labels show a figure. */
export function figureText(figure: PublishedFigure): string {
  return isSuppressed(figure) ? SUPPRESSED_LABEL : String(figure);
}

/** What one co-op sent for each cell of the table, in the table's row and column order. */
export interface CoopContribution {
  readonly coopId: string;
  readonly cells: readonly (readonly number[])[];
}

/** A consolidated table with the totals that would be published and each co-op's part of each cell. */
export interface FigureTable {
  readonly rowLabels: readonly string[];
  readonly columnLabels: readonly string[];
  readonly cells: readonly (readonly number[])[];
  readonly rowTotals: readonly number[];
  readonly columnTotals: readonly number[];
  readonly grandTotal: number;
  readonly contributions: readonly CoopContribution[];
}

/** An earlier release of the same table: what each co-op had sent then, and which figures it hid. */
export interface EarlierTable {
  readonly name: string;
  /** Cells as in this table (a category it did not have is 0); a co-op not in it is left out. */
  readonly contributions: readonly CoopContribution[];
  readonly hidden: readonly TablePosition[];
}

export interface DisclosureOptions {
  /** Counts from 1 to this are hidden. */
  readonly threshold?: number;
  /** How many co-ops may pool what they know (at least 1: each co-op knows its own part). */
  readonly coalitionSize?: number;
  /**
   * Figures hidden before the rules run, with why: a cell some co-op withheld on its own node (its
   * value in the table is then the hub's estimate), or a total hidden in another table of the same
   * figures. The rules treat them as any other hidden figure, so they can pair them and check them.
   */
  readonly hiddenFromStart?: readonly Suppression[];
  /** Earlier releases of the same figures, whose holders must learn no small count from this one. */
  readonly earlier?: readonly EarlierTable[];
}

export type TablePosition =
  | { readonly kind: 'cell'; readonly row: number; readonly column: number }
  | { readonly kind: 'row-total'; readonly row: number }
  | { readonly kind: 'column-total'; readonly column: number }
  | { readonly kind: 'grand-total' };

export interface Suppression {
  readonly position: TablePosition;
  readonly reason: SuppressionReason;
}

export interface PublishedTable {
  readonly rowLabels: readonly string[];
  readonly columnLabels: readonly string[];
  readonly cells: readonly (readonly PublishedFigure[])[];
  readonly rowTotals: readonly PublishedFigure[];
  readonly columnTotals: readonly PublishedFigure[];
  readonly grandTotal: PublishedFigure;
  /** The threshold applied, for the footnote; null when the figures were not controlled (organisational). */
  readonly threshold: number | null;
}

export interface DisclosureResult {
  /** What commissioners may see. */
  readonly table: PublishedTable;
  /** Why each figure was hidden, totals included: for consortium staff and audit, not for commissioners. */
  readonly suppressions: readonly Suppression[];
}

/** Whether a metric counts people; a return definition's MetricDefinition fits as it is. */
export interface MetricNature {
  readonly countsPeople: boolean;
}

export interface SingleFigure {
  readonly value: number;
  readonly contributions: readonly { readonly coopId: string; readonly value: number }[];
}

/** An earlier release of a single figure: each co-op's part then, and whether it hid the figure. */
export interface EarlierFigure {
  readonly name: string;
  readonly contributions: readonly { readonly coopId: string; readonly value: number }[];
  readonly hidden: boolean;
}

export interface SingleFigureOptions extends Omit<DisclosureOptions, 'earlier' | 'hiddenFromStart'> {
  readonly earlier?: readonly EarlierFigure[];
}

export interface PublishedSingleFigure {
  readonly figure: PublishedFigure;
  readonly reason: SuppressionReason | null;
}

export const DisclosureErrors = {
  badThreshold: (threshold: number) =>
    new DomainError(
      'REPORTING.DISCLOSURE_BAD_THRESHOLD',
      `the threshold must be a whole number of at least 1, not ${threshold}`,
      'invalid',
    ),
  badCoalition: (size: number) =>
    new DomainError(
      'REPORTING.DISCLOSURE_BAD_COALITION',
      `the coalition size must be a whole number of at least 1, not ${size}`,
      'invalid',
    ),
  badTable: (problem: string) => new DomainError('REPORTING.DISCLOSURE_BAD_TABLE', `the table cannot be published: ${problem}`, 'invalid'),
};

// ---------------------------------------------------------------------------------------------
// Entry points
// ---------------------------------------------------------------------------------------------

/** Organisational figures (hours, money) describe the co-ops, not people: they are published as they are. */
export function publishTable(metric: MetricNature, table: FigureTable, options: DisclosureOptions = {}): DisclosureResult {
  if (metric.countsPeople) return suppressSmallCounts(table, options);
  const { rowLabels, columnLabels, cells, rowTotals, columnTotals, grandTotal } = table;
  return { table: { rowLabels, columnLabels, cells, rowTotals, columnTotals, grandTotal, threshold: null }, suppressions: [] };
}

/**
 * A figure published on its own, with no totals around it: a table of one cell, whose totals are
 * the figure again. If the same count also appears in a table, publish it from that table instead.
 */
export function publishSingleFigure(metric: MetricNature, input: SingleFigure, options: SingleFigureOptions = {}): PublishedSingleFigure {
  if (!metric.countsPeople) return { figure: input.value, reason: null };
  const one = (parts: SingleFigure['contributions']) => parts.map((c) => ({ coopId: c.coopId, cells: [[c.value]] }));
  const table: FigureTable = {
    rowLabels: ['figure'],
    columnLabels: ['figure'],
    cells: [[input.value]],
    rowTotals: [input.value],
    columnTotals: [input.value],
    grandTotal: input.value,
    contributions: one(input.contributions),
  };
  const earlier = (options.earlier ?? []).map((e) => ({
    name: e.name,
    contributions: one(e.contributions),
    hidden: e.hidden ? ALL_OF_ONE : [],
  }));
  const result = suppressSmallCounts(table, { ...options, earlier });
  const cell = result.suppressions.find((s) => s.position.kind === 'cell');
  return { figure: result.table.cells[0][0], reason: cell?.reason ?? null };
}

const ALL_OF_ONE: TablePosition[] = [
  { kind: 'cell', row: 0, column: 0 },
  { kind: 'row-total', row: 0 },
  { kind: 'column-total', column: 0 },
  { kind: 'grand-total' },
];

/** Every rule on a table that counts people. */
export function suppressSmallCounts(table: FigureTable, options: DisclosureOptions = {}): DisclosureResult {
  const threshold = checkedThreshold(options.threshold);
  const coalition = checkedCoalition(options.coalitionSize);
  checkTable(table);
  const earlier = options.earlier ?? [];
  earlier.forEach((e) => checkEarlier(table, e));
  const work = startWork(table, threshold, coalition, earlier);
  for (const given of options.hiddenFromStart ?? []) hide(work, atOf(work, given.position), given.reason);
  // Rules 1 and 2 depend only on the figures, not on what else is hidden, so they run once, first:
  // a figure they hide can then serve as the second hidden figure of its lines.
  hideSmallFigures(work);
  for (;;) {
    pairLoneHiddenFigures(work);
    if (protectHiddenGroups(work) || protectReleaseDifferences(work) || freeOnePinnedFigure(work)) continue;
    return publish(work);
  }
}

// ---------------------------------------------------------------------------------------------
// The work: the grid, each entry's co-ops, and the earlier releases
// ---------------------------------------------------------------------------------------------

function startWork(table: FigureTable, threshold: number, coalition: number, earlier: readonly EarlierTable[]): Work {
  const columns = table.columnLabels.length;
  const values = withTotals(table.cells, columns);
  // Co-ops are numbered in id order, so the order they were listed in cannot change the outcome;
  // those only in an earlier release come after.
  const ids = [...new Set([...table.contributions.map((c) => c.coopId), ...earlier.flatMap((e) => e.contributions.map((c) => c.coopId))])];
  const current = new Set(table.contributions.map((c) => c.coopId));
  ids.sort((a, b) => Number(current.has(b)) - Number(current.has(a)) || (a < b ? -1 : a > b ? 1 : 0));
  const number = new Map(ids.map((id, i) => [id, i]));
  const gridOf = (contributions: readonly CoopContribution[]) => contributorGrid(values, contributions, number, columns);
  const now = gridOf(table.contributions);
  const releases: ReleaseView[] = earlier.map((e) => {
    const then = gridOf(e.contributions);
    const hiddenThen = values.map((row) => row.map(() => false));
    for (const position of e.hidden) {
      const at = atOfGrid(values, position);
      hiddenThen[at.row][at.column] = true;
    }
    return { name: e.name, then, hiddenThen, unchanged: unchangedCoops(now, then) };
  });
  const reasons = values.map((row) => row.map((): SuppressionReason | undefined => undefined));
  return {
    values,
    reasons,
    threshold,
    coalition,
    contributors: now,
    releases,
    rowLabels: table.rowLabels,
    columnLabels: table.columnLabels,
  };
}

function contributorGrid(
  values: readonly (readonly number[])[],
  contributions: readonly CoopContribution[],
  number: Map<string, number>,
  columns: number,
): Contributor[][][] {
  const grid: Contributor[][][] = values.map((row) => row.map(() => []));
  const sorted = [...contributions].sort((a, b) => number.get(a.coopId)! - number.get(b.coopId)!);
  for (const c of sorted) {
    const parts = withTotals(c.cells, columns);
    parts.forEach((row, r) => row.forEach((part, col) => part > 0 && grid[r][col].push({ coop: number.get(c.coopId)!, part })));
  }
  return grid;
}

/** Co-ops with the same part of every entry now and then (and a part of something). */
function unchangedCoops(now: Contributor[][][], then: Contributor[][][]): Set<number> {
  const partsOf = (grid: Contributor[][][]) => {
    const byCoop = new Map<number, string[]>();
    grid.forEach((row, r) =>
      row.forEach((list, c) => list.forEach((x) => byCoop.set(x.coop, [...(byCoop.get(x.coop) ?? []), `${r},${c}:${x.part}`]))),
    );
    return byCoop;
  };
  const [a, b] = [partsOf(now), partsOf(then)];
  return new Set([...a.keys()].filter((coop) => a.get(coop)!.join(';') === b.get(coop)?.join(';')));
}

// ---------------------------------------------------------------------------------------------
// Rules 1 and 2
// ---------------------------------------------------------------------------------------------

const DIFFERENCING: SuppressionReason =
  'secondary: co-op differencing (a co-op taking away its own part would see a small count of the others)';
const POOLING: SuppressionReason =
  'secondary: co-ops pooling (co-ops taking away their own parts together would see a small count of the others)';

function hideSmallFigures(work: Work): void {
  for (const at of allEntries(work)) {
    if (isSmall(valueAt(work, at), work.threshold)) hide(work, at, 'primary');
    else if (isSmall(smallestRest(partsAt(work, at), 1), work.threshold)) hide(work, at, DIFFERENCING);
    else if (isSmall(smallestRest(partsAt(work, at), work.coalition), work.threshold)) hide(work, at, POOLING);
  }
}

// ---------------------------------------------------------------------------------------------
// Rule 3: no line with exactly one hidden figure
// ---------------------------------------------------------------------------------------------

function pairLoneHiddenFigures(work: Work): void {
  let changed = true;
  while (changed) {
    changed = false;
    for (const line of allLines(work)) {
      const entries = entriesOf(work, line);
      if (entries.filter((at) => isHidden(work, at)).length === 1) changed = hidePartner(work, line, entries) || changed;
    }
  }
}

/**
 * Hidden figures are never 0, so a line whose lone hidden figure is its total still has a non-zero
 * cell to hide; a line whose lone hidden figure is a cell has its total to fall back on.
 */
function hidePartner(work: Work, line: Line, entries: At[]): boolean {
  const smallest = smallestShown(work, entries.slice(0, -1));
  if (smallest) return hide(work, smallest, `secondary: second hidden figure in ${lineName(work, line)}`);
  return hide(work, entries[entries.length - 1], `secondary: total of ${lineName(work, line)}, which has no other non-zero cell to hide`);
}

// ---------------------------------------------------------------------------------------------
// Rule 4: the hidden group of a line with its total shown is no small count, to anyone
// ---------------------------------------------------------------------------------------------

/** Hides one more figure in each line whose hidden group some reader would see as a small count; false when none would. */
function protectHiddenGroups(work: Work): boolean {
  let changed = false;
  for (const line of allLines(work)) {
    const entries = entriesOf(work, line);
    const total = entries[entries.length - 1];
    const group = entries.slice(0, -1).filter((at) => isHidden(work, at));
    if (isHidden(work, total) || group.length === 0) continue;
    const byCoop = new Map<number, number>();
    for (const at of group) for (const c of work.contributors[at.row][at.column]) byCoop.set(c.coop, (byCoop.get(c.coop) ?? 0) + c.part);
    if (!isSmall(smallestRest([...byCoop.values()], work.coalition), work.threshold)) continue;
    const reason: SuppressionReason = `secondary: the hidden figures of ${lineName(work, line)} add up to a small count (its total less the figures shown)`;
    const next = smallestShown(work, entries.slice(0, -1));
    changed = hide(work, next ?? total, reason) || changed;
  }
  return changed;
}

// ---------------------------------------------------------------------------------------------
// Output
// ---------------------------------------------------------------------------------------------

function publish(work: Work): DisclosureResult {
  const figure = (at: At): PublishedFigure => (isHidden(work, at) ? SUPPRESSED : valueAt(work, at));
  const [totalsRow, totalsColumn] = [lastRow(work), lastColumn(work)];
  const table: PublishedTable = {
    rowLabels: work.rowLabels,
    columnLabels: work.columnLabels,
    cells: range(totalsRow).map((row) => range(totalsColumn).map((column) => figure({ row, column }))),
    rowTotals: range(totalsRow).map((row) => figure({ row, column: totalsColumn })),
    columnTotals: range(totalsColumn).map((column) => figure({ row: totalsRow, column })),
    grandTotal: figure({ row: totalsRow, column: totalsColumn }),
    threshold: work.threshold,
  };
  const suppressions = allEntries(work)
    .filter((at) => isHidden(work, at))
    .map((at) => ({ position: positionOf(work, at), reason: work.reasons[at.row][at.column] as SuppressionReason }));
  return { table, suppressions };
}

function atOf(work: Work, position: TablePosition): At {
  return atOfGrid(work.values, position);
}

function atOfGrid(values: readonly (readonly number[])[], position: TablePosition): At {
  const inside = (index: number, size: number) => Number.isSafeInteger(index) && index >= 0 && index < size;
  const [rows, columns] = [values.length - 1, values[0].length - 1];
  switch (position.kind) {
    case 'grand-total':
      return { row: rows, column: columns };
    case 'row-total':
      if (!inside(position.row, rows)) break;
      return { row: position.row, column: columns };
    case 'column-total':
      if (!inside(position.column, columns)) break;
      return { row: rows, column: position.column };
    case 'cell':
      if (!inside(position.row, rows) || !inside(position.column, columns)) break;
      return { row: position.row, column: position.column };
  }
  throw DisclosureErrors.badTable(`a position is not in the table (${JSON.stringify(position)})`);
}

function positionOf(work: Work, at: At): TablePosition {
  const totalRow = at.row === lastRow(work);
  const totalColumn = at.column === lastColumn(work);
  if (totalRow && totalColumn) return { kind: 'grand-total' };
  if (totalRow) return { kind: 'column-total', column: at.column };
  if (totalColumn) return { kind: 'row-total', row: at.row };
  return { kind: 'cell', row: at.row, column: at.column };
}

// ---------------------------------------------------------------------------------------------
// Checks on what comes in
// ---------------------------------------------------------------------------------------------

function checkedThreshold(threshold: number = DEFAULT_THRESHOLD): number {
  if (!Number.isSafeInteger(threshold) || threshold < 1) throw DisclosureErrors.badThreshold(threshold);
  return threshold;
}

function checkedCoalition(size: number = DEFAULT_COALITION_SIZE): number {
  if (!Number.isSafeInteger(size) || size < 1) throw DisclosureErrors.badCoalition(size);
  return size;
}

function checkCount(value: number, what: string): void {
  if (!Number.isSafeInteger(value) || value < 0) throw DisclosureErrors.badTable(`${what} is not a count of people (${value})`);
}

function checkGrid(cells: readonly (readonly number[])[], rows: number, columns: number, what: string): void {
  if (cells.length !== rows || cells.some((row) => row.length !== columns))
    throw DisclosureErrors.badTable(`${what} is not ${rows} x ${columns}`);
  cells.forEach((row, r) => row.forEach((value, c) => checkCount(value, `${what} at row ${r}, column ${c}`)));
}

/** The totals are checked rather than recomputed: the caller publishes them, so they must be the sums. */
function checkTable(table: FigureTable): void {
  const [rows, columns] = [table.rowLabels.length, table.columnLabels.length];
  if (rows === 0 || columns === 0) throw DisclosureErrors.badTable('it needs at least one row and one column');
  checkGrid(table.cells, rows, columns, 'the cells');
  const totals = withTotals(table.cells, columns);
  const given = [...table.rowTotals, ...table.columnTotals, table.grandTotal];
  const expected = [...totals.slice(0, -1).map((row) => row[columns]), ...totals[rows].slice(0, -1), totals[rows][columns]];
  if (given.length !== expected.length || given.some((value, i) => value !== expected[i]))
    throw DisclosureErrors.badTable('the totals are not the sums of the cells');
  checkContributions(table.contributions, rows, columns, 'co-op');
  const addsUp = table.cells.every((row, r) => row.every((value, c) => sum(table.contributions.map((coop) => coop.cells[r][c])) === value));
  if (!addsUp) throw DisclosureErrors.badTable("the co-ops' parts do not add up to the cells");
}

function checkEarlier(table: FigureTable, earlier: EarlierTable): void {
  checkContributions(earlier.contributions, table.rowLabels.length, table.columnLabels.length, `${earlier.name}: co-op`);
  const values = withTotals(table.cells, table.columnLabels.length);
  earlier.hidden.forEach((position) => atOfGrid(values, position));
}

function checkContributions(contributions: readonly CoopContribution[], rows: number, columns: number, what: string): void {
  const ids = contributions.map((c) => c.coopId);
  if (new Set(ids).size !== ids.length) throw DisclosureErrors.badTable(`a ${what} is listed twice`);
  contributions.forEach((c) => checkGrid(c.cells, rows, columns, `${what} ${c.coopId}'s part`));
}
