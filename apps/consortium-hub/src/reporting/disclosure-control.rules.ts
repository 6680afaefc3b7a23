import { DomainError } from '@app/platform/errors/domain-error';

/*
 * Statistical disclosure control: which counts of people a commissioner may see.
 *
 * A table counts people, say by locality (rows) and funding type (columns), with a total for each
 * row, each column and the whole table. Every figure is the sum of what each co-op sent. The rules,
 * in the order they run:
 *
 * 1. Small counts (primary). A figure from 1 to the threshold (default 4; 9 for workforce tables,
 *    because Skills for Care hides groups under 10) is hidden. Totals count people too, so a total
 *    of 1 to the threshold is hidden as well. Zero is shown: "nobody" points at no one.
 *
 * 2. Co-op differencing. Each co-op knows its own part of every figure. If a shown figure minus one
 *    co-op's part left 1 to the threshold, that co-op would learn a small count of the other co-ops'
 *    people, so the figure is hidden. A figure one co-op supplies alone leaves 0 when that co-op
 *    takes its part away and the whole figure for every other co-op, so it is shown when above the
 *    threshold and hidden (rule 1) when not. Other readers who know a part of every figure (a
 *    commissioner holding an earlier release of the same report: `knownBy`) are checked the same way.
 *
 * 3. No hidden figure alone in a line. A row with one hidden figure gives it away: the row total
 *    minus the cells shown. So every row and column with a hidden figure gets a second one: the
 *    smallest non-zero cell still shown (smallest, so as little as possible is lost; the first in
 *    the line on a tie, so the same table always gives the same answer). When the line has no such
 *    cell left, its total is hidden instead. The row totals (which add up to the grand total) and
 *    the column totals count as lines of their own, so a hidden total is paired in the same way.
 *    Each new hidden figure can leave another line with one, so this repeats until no line has.
 *
 * 4. Room to move. Rule 3 is not enough on its own. Two 1s hidden in the same row, with the row
 *    total shown, must both be 1, because a hidden figure is never 0. And two groups of hidden
 *    figures joined only through one hidden cell let a reader add up a few rows and columns and get
 *    that cell exactly. So the last check asks, for every hidden small figure and for every reader
 *    (commissioners, and each co-op with its own figures in hand): is there a loop of hidden figures
 *    -- along a row to another, down its column to another, along that row, and so on back to the
 *    start -- where adding 1 to every other figure and taking 1 from the rest (a total moving with
 *    its cells) leaves every shown figure as it is, and takes no hidden figure below what this reader
 *    knows it must be (1, since hidden figures are never 0; for a co-op, also its own part)? If not,
 *    the shown figures that would complete such a loop while hiding the fewest people are hidden too.
 *    There always is one: the figure going up by one with its row total, column total and grand
 *    total. Then rule 3 runs again, and rule 4 until every hidden small figure has room to move.
 *
 * Why this is safe. What is published is a set of sums. A reader can know a hidden figure exactly
 * only if every table that matches what was published, and what the reader knows, has the same
 * figure there. The loop of rule 4 builds a second such table in which the figure is one more or
 * one less, so the reader cannot tell which is true. It also works the other way round: when two
 * such tables differ, the difference breaks down into loops of this kind (a property of tables
 * that add up along rows and columns), so a figure without a loop really could be pinned down:
 * rule 4 misses none of the figures that the published sums and those lower limits could reveal.
 *
 * What readers must not see. The reasons given with each hidden figure are for consortium staff and
 * audit. Told which hidden figure is the small one (at most the threshold) and which was hidden to
 * protect it (more than the threshold, since smaller cells are already hidden), a reader learns
 * more: with a threshold of 4, a hidden pair adding up to 6 is then 1 and 5.
 *
 * Known limits. Exact values are protected, not ranges: a reader may still narrow a hidden figure
 * to, say, 1 to 3, and can work out the sum of the hidden figures of a line (its total less what is
 * shown), which may itself be small. A reader who reasons about how these rules choose (a figure
 * hidden to protect another is the smallest shown in its line) may narrow ranges further. Co-ops
 * are considered one at a time, not two pooling what they know. Each table is checked on its own:
 * the same counts published in another breakdown, another period or under another threshold must
 * be checked together with this one by whoever publishes them, and rates or shares worked out
 * from small counts are not covered here.
 */

export const DEFAULT_THRESHOLD = 4;
/** Skills for Care publishes no group under 10 people. */
export const WORKFORCE_THRESHOLD = 9;

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

export interface DisclosureOptions {
  /** Counts from 1 to this are hidden. */
  readonly threshold?: number;
  /**
   * Figures hidden before the rules run, with why: a cell some co-op withheld on its own node (its
   * value in the table is then the hub's estimate), or a total hidden in another table of the same
   * figures. The rules treat them as any other hidden figure, so they can pair them and check them.
   */
  readonly hiddenFromStart?: readonly Suppression[];
  /**
   * Readers who already know a part of every figure, besides each co-op knowing its own: e.g. a
   * commissioner holding an earlier release of the same report, who knows what the co-ops in it
   * sent. A figure that, less what such a reader knows, leaves 1 to the threshold is hidden (rule
   * 2), and what they know bounds hidden figures from below (rule 4). Cells as in the table.
   */
  readonly knownBy?: readonly KnownPart[];
}

export interface KnownPart {
  readonly name: string;
  readonly cells: readonly (readonly number[])[];
}

export type TablePosition =
  | { readonly kind: 'cell'; readonly row: number; readonly column: number }
  | { readonly kind: 'row-total'; readonly row: number }
  | { readonly kind: 'column-total'; readonly column: number }
  | { readonly kind: 'grand-total' };

export type SuppressionReason = 'primary' | `secondary: ${string}` | `withheld: ${string}`;

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

export interface PublishedSingleFigure {
  readonly figure: PublishedFigure;
  readonly reason: SuppressionReason | null;
}

export const DisclosureErrors = {
  badThreshold: (threshold: number) =>
    new DomainError('REPORTING.DISCLOSURE_BAD_THRESHOLD', `the threshold must be a whole number of at least 1, not ${threshold}`, 'invalid'),
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
 * A figure published on its own, with no totals around it: rules 1 and 2 are all it needs. If the
 * same count also appears in a table, publish it from that table instead.
 */
export function publishSingleFigure(metric: MetricNature, input: SingleFigure, options: DisclosureOptions = {}): PublishedSingleFigure {
  if (!metric.countsPeople) return { figure: input.value, reason: null };
  const threshold = checkedThreshold(options.threshold);
  checkCount(input.value, 'the figure');
  input.contributions.forEach((c) => checkCount(c.value, `co-op ${c.coopId}'s part`));
  if (sum(input.contributions.map((c) => c.value)) !== input.value) throw DisclosureErrors.badTable("the co-ops' parts do not add up to the figure");
  if (isSmall(input.value, threshold)) return { figure: SUPPRESSED, reason: 'primary' };
  if (input.contributions.some((c) => isSmall(input.value - c.value, threshold))) return { figure: SUPPRESSED, reason: DIFFERENCING };
  for (const k of options.knownBy ?? []) {
    const known = k.cells[0]?.[0];
    if (known === undefined || known < 0 || known > input.value) throw DisclosureErrors.badTable(`what ${k.name} knows is not a part of the figure`);
    if (isSmall(input.value - known, threshold)) return { figure: SUPPRESSED, reason: knownDifferencing(k.name) };
  }
  return { figure: input.value, reason: null };
}

/** Rules 1 to 4 on a table that counts people. */
export function suppressSmallCounts(table: FigureTable, options: DisclosureOptions = {}): DisclosureResult {
  const threshold = checkedThreshold(options.threshold);
  checkTable(table);
  checkKnown(table, options.knownBy ?? []);
  const work = startWork(table, threshold, options.knownBy ?? []);
  for (const given of options.hiddenFromStart ?? []) hide(work, atOf(work, given.position), given.reason);
  hideSmallCounts(work);
  // Differencing depends only on the figures, not on what else is hidden, so it runs before the
  // pairing: a figure it hides can then serve as the second hidden figure of its lines.
  hideCoopDifferences(work);
  do pairLoneHiddenFigures(work);
  while (freeOnePinnedFigure(work));
  return publish(work);
}

// ---------------------------------------------------------------------------------------------
// The working grid: the table with its totals, (rows + 1) x (columns + 1). Row `rows` holds the
// column totals and column `columns` the row totals, so every row and column of the grid is a
// line whose last entry is the sum of the others, and one set of rules serves cells and totals.
// ---------------------------------------------------------------------------------------------

interface At {
  readonly row: number;
  readonly column: number;
}

interface Line {
  readonly kind: 'row' | 'column';
  readonly index: number;
}

/** Someone who sees the published table, with what they already know: their own part of each figure. */
interface Reader {
  readonly name: string;
  readonly own: readonly (readonly number[])[];
}

interface Work {
  readonly values: readonly (readonly number[])[];
  readonly reasons: (SuppressionReason | undefined)[][];
  readonly threshold: number;
  /** Commissioners first, then each co-op. */
  readonly readers: readonly Reader[];
  readonly rowLabels: readonly string[];
  readonly columnLabels: readonly string[];
}

const DIFFERENCING: SuppressionReason = 'secondary: co-op differencing (a co-op taking away its own part would see a small count of the others)';

function startWork(table: FigureTable, threshold: number, knownBy: readonly KnownPart[]): Work {
  const columns = table.columnLabels.length;
  const values = withTotals(table.cells, columns);
  // Sorted, so the order the co-ops were listed in cannot change the outcome.
  const coops = [...table.contributions].sort((a, b) => (a.coopId < b.coopId ? -1 : a.coopId > b.coopId ? 1 : 0));
  const readers: Reader[] = [
    { name: 'commissioners', own: values.map((row) => row.map(() => 0)) },
    ...coops.map((c) => ({ name: 'a co-op', own: withTotals(c.cells, columns) })),
    ...knownBy.map((k) => ({ name: k.name, own: withTotals(k.cells, columns) })),
  ];
  const reasons = values.map((row) => row.map((): SuppressionReason | undefined => undefined));
  return { values, reasons, threshold, readers, rowLabels: table.rowLabels, columnLabels: table.columnLabels };
}

function withTotals(cells: readonly (readonly number[])[], columns: number): number[][] {
  const rows = cells.map((row) => [...row, sum(row)]);
  const totals = Array.from({ length: columns + 1 }, (_, column) => sum(rows.map((row) => row[column])));
  return [...rows, totals];
}

const lastRow = (work: Work) => work.values.length - 1;
const lastColumn = (work: Work) => work.values[0].length - 1;
const valueAt = (work: Work, at: At) => work.values[at.row][at.column];
const isHidden = (work: Work, at: At) => work.reasons[at.row][at.column] !== undefined;
const isSmall = (count: number, threshold: number) => count >= 1 && count <= threshold;

function allEntries(work: Work): At[] {
  return work.values.flatMap((row, r) => row.map((_, c) => ({ row: r, column: c })));
}

function allLines(work: Work): Line[] {
  const rows = work.values.map((_, index): Line => ({ kind: 'row', index }));
  const columns = work.values[0].map((_, index): Line => ({ kind: 'column', index }));
  return [...rows, ...columns];
}

/** The line's entries in order; the last is its total. */
function entriesOf(work: Work, line: Line): At[] {
  return line.kind === 'row'
    ? work.values[line.index].map((_, column) => ({ row: line.index, column }))
    : work.values.map((_, row) => ({ row, column: line.index }));
}

function otherLine(at: At, line: Line): Line {
  return line.kind === 'row' ? { kind: 'column', index: at.column } : { kind: 'row', index: at.row };
}

function lineName(work: Work, line: Line): string {
  if (line.kind === 'row') return line.index === lastRow(work) ? 'the column totals' : `row "${work.rowLabels[line.index]}"`;
  return line.index === lastColumn(work) ? 'the row totals' : `column "${work.columnLabels[line.index]}"`;
}

/** Hides the figure unless it already is; the first reason given is the one kept. */
function hide(work: Work, at: At, reason: SuppressionReason): boolean {
  if (isHidden(work, at)) return false;
  work.reasons[at.row][at.column] = reason;
  return true;
}

/** Smallest value first, then the earlier position: the choice is the same every time. */
function bySize(work: Work): (a: At, b: At) => number {
  return (a, b) => valueAt(work, a) - valueAt(work, b) || a.row - b.row || a.column - b.column;
}

// ---------------------------------------------------------------------------------------------
// Rules 1 and 2
// ---------------------------------------------------------------------------------------------

function hideSmallCounts(work: Work): void {
  for (const at of allEntries(work)) if (isSmall(valueAt(work, at), work.threshold)) hide(work, at, 'primary');
}

function hideCoopDifferences(work: Work): void {
  const coops = work.readers.slice(1);
  for (const reader of coops) {
    for (const at of allEntries(work)) {
      if (isSmall(valueAt(work, at) - reader.own[at.row][at.column], work.threshold)) hide(work, at, reader.name === 'a co-op' ? DIFFERENCING : knownDifferencing(reader.name));
    }
  }
}

function knownDifferencing(name: string): SuppressionReason {
  return `secondary: differencing (${name} taking away what they know would see a small count)`;
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
  const total = entries[entries.length - 1];
  const [smallest] = entries
    .slice(0, -1)
    .filter((at) => !isHidden(work, at) && valueAt(work, at) > 0)
    .sort(bySize(work));
  if (smallest) return hide(work, smallest, `secondary: second hidden figure in ${lineName(work, line)}`);
  return hide(work, total, `secondary: total of ${lineName(work, line)}, which has no other non-zero cell to hide`);
}

// ---------------------------------------------------------------------------------------------
// Rule 4: every hidden small figure has room to move, for every reader
// ---------------------------------------------------------------------------------------------

/** Finds the first hidden small figure some reader could pin down, and hides more to free it. */
function freeOnePinnedFigure(work: Work): boolean {
  for (const reader of work.readers) {
    for (const at of allEntries(work)) {
      if (isHidden(work, at) && isSmall(unknownPart(work, reader, at), work.threshold) && !canMove(work, reader, at)) {
        freeUp(work, reader, at);
        return true;
      }
    }
  }
  return false;
}

/** What the reader does not already know of a figure: all of it for commissioners, the others' part for a co-op. */
function unknownPart(work: Work, reader: Reader, at: At): number {
  return valueAt(work, at) - reader.own[at.row][at.column];
}

/** How far the figure could fall before the reader would know it to be impossible. */
function roomBelow(work: Work, reader: Reader, at: At): number {
  const own = reader.own[at.row][at.column];
  // Others' part cannot be negative, and a hidden figure is never 0.
  return unknownPart(work, reader, at) - Math.max(0, 1 - own);
}

const mayChange = (work: Work, reader: Reader, at: At, change: number) => change > 0 || roomBelow(work, reader, at) >= 1;

/**
 * Flipping the sign of the row and column totals turns every line into "these figures add up to a
 * known number", and a loop then alternates: +1, -1, +1, ... The grand total, a total of totals,
 * flips twice.
 */
function lean(work: Work, at: At): number {
  const isRowTotal = at.column === lastColumn(work) && at.row !== lastRow(work);
  const isColumnTotal = at.row === lastRow(work) && at.column !== lastColumn(work);
  return isRowTotal || isColumnTotal ? -1 : 1;
}

function canMove(work: Work, reader: Reader, at: At): boolean {
  return [1, -1].some((change) => mayChange(work, reader, at, change) && cheapestLoop(work, reader, at, change, false) !== null);
}

/**
 * Hides the figures that complete a loop for the pinned one while hiding the fewest people. The
 * loop that raises the figure with its row total, column total and grand total always qualifies
 * (every figure on it goes up), so there is always one to choose.
 */
function freeUp(work: Work, reader: Reader, pinned: At): void {
  const reason: SuppressionReason = `secondary: loop protection (else ${reader.name} could pin down a hidden small figure)`;
  const [cheapest] = [1, -1]
    .filter((change) => mayChange(work, reader, pinned, change))
    .map((change) => cheapestLoop(work, reader, pinned, change, true))
    .filter((loop): loop is At[] => loop !== null)
    .sort((a, b) => sum(a.map((at) => valueAt(work, at))) - sum(b.map((at) => valueAt(work, at))));
  for (const at of cheapest) hide(work, at, reason);
}

/**
 * The cheapest way from the figure's column back to its row, each figure on the way taking the
 * change the loop gives it: leaving a column is an odd step of the loop (the opposite change to the
 * start, in flipped signs), leaving a row an even one. A hidden figure costs nothing; a shown
 * non-zero one, if `mayHide`, costs its value. Returns the shown figures the loop needs (none when
 * the hidden ones already close it), or null when there is no loop. Cheapest-first search (Dijkstra)
 * over the lines reaches each line once, so the loop never crosses itself and every figure on it
 * changes exactly once; equal costs go to the earlier line, so the choice is the same every time.
 */
function cheapestLoop(work: Work, reader: Reader, start: At, change: number, mayHide: boolean): At[] | null {
  const startChange = change * lean(work, start);
  const reached = new Map<string, Reached>([[lineId({ kind: 'column', index: start.column }), { cost: 0, via: [] }]]);
  const settled = new Set<string>();
  for (let line = nextToSettle(work, reached, settled); line; line = nextToSettle(work, reached, settled)) {
    const here = reached.get(lineId(line)) as Reached;
    if (line.kind === 'row' && line.index === start.row) return here.via.filter((at) => !isHidden(work, at));
    settled.add(lineId(line));
    const stepChange = line.kind === 'column' ? -startChange : startChange;
    for (const at of entriesOf(work, line)) {
      if (at.row === start.row && at.column === start.column) continue;
      const hidden = isHidden(work, at);
      if (!hidden && (!mayHide || valueAt(work, at) === 0)) continue;
      if (!mayChange(work, reader, at, stepChange * lean(work, at))) continue;
      const next = lineId(otherLine(at, line));
      const cost = here.cost + (hidden ? 0 : valueAt(work, at));
      if (!settled.has(next) && cost < (reached.get(next)?.cost ?? Infinity)) reached.set(next, { cost, via: [...here.via, at] });
    }
  }
  return null;
}

interface Reached {
  readonly cost: number;
  readonly via: readonly At[];
}

const lineId = (line: Line) => `${line.kind}:${line.index}`;

/** The cheapest line reached but not yet settled; the first in line order on a tie (sort is stable). */
function nextToSettle(work: Work, reached: Map<string, Reached>, settled: Set<string>): Line | undefined {
  const cost = (line: Line) => (reached.get(lineId(line)) as Reached).cost;
  return allLines(work)
    .filter((line) => reached.has(lineId(line)) && !settled.has(lineId(line)))
    .sort((a, b) => cost(a) - cost(b))[0];
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
  const inside = (index: number, size: number) => Number.isSafeInteger(index) && index >= 0 && index < size;
  const [rows, columns] = [lastRow(work), lastColumn(work)];
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
  throw DisclosureErrors.badTable(`a figure hidden from the start is not in the table (${JSON.stringify(position)})`);
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

function checkCount(value: number, what: string): void {
  if (!Number.isSafeInteger(value) || value < 0) throw DisclosureErrors.badTable(`${what} is not a count of people (${value})`);
}

function checkGrid(cells: readonly (readonly number[])[], rows: number, columns: number, what: string): void {
  if (cells.length !== rows || cells.some((row) => row.length !== columns)) throw DisclosureErrors.badTable(`${what} is not ${rows} x ${columns}`);
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
  if (given.length !== expected.length || given.some((value, i) => value !== expected[i])) throw DisclosureErrors.badTable('the totals are not the sums of the cells');
  checkContributions(table, rows, columns);
}

/** What a reader knows is a part of each figure: never negative, never more than the figure. */
function checkKnown(table: FigureTable, knownBy: readonly KnownPart[]): void {
  const [rows, columns] = [table.rowLabels.length, table.columnLabels.length];
  for (const k of knownBy) {
    checkGrid(k.cells, rows, columns, `what ${k.name} knows`);
    if (k.cells.some((row, r) => row.some((value, c) => value > table.cells[r][c]))) throw DisclosureErrors.badTable(`what ${k.name} knows is more than a figure`);
  }
}

function checkContributions(table: FigureTable, rows: number, columns: number): void {
  const ids = table.contributions.map((c) => c.coopId);
  if (new Set(ids).size !== ids.length) throw DisclosureErrors.badTable('a co-op is listed twice');
  table.contributions.forEach((c) => checkGrid(c.cells, rows, columns, `co-op ${c.coopId}'s part`));
  const addsUp = table.cells.every((row, r) => row.every((value, c) => sum(table.contributions.map((coop) => coop.cells[r][c])) === value));
  if (!addsUp) throw DisclosureErrors.badTable("the co-ops' parts do not add up to the cells");
}

function sum(values: readonly number[]): number {
  return values.reduce((a, b) => a + b, 0);
}

function range(n: number): number[] {
  return Array.from({ length: n }, (_, i) => i);
}
