/*
 * The working grid of disclosure control: a table with its totals, (rows + 1) x (columns + 1). Row
 * `rows` holds the column totals and column `columns` the row totals, so every row and column of the
 * grid is a line whose last entry is the sum of the others, and one set of rules serves cells and
 * totals. Internal to disclosure-control.rules.ts and its helpers.
 */

export type SuppressionReason = 'primary' | `secondary: ${string}` | `withheld: ${string}`;

export interface At {
  readonly row: number;
  readonly column: number;
}

export interface Line {
  readonly kind: 'row' | 'column';
  readonly index: number;
}

/** A co-op's part of an entry, by the co-op's number in the work (only parts above 0 are listed). */
export interface Contributor {
  readonly coop: number;
  readonly part: number;
}

/** What an earlier release of the same figures showed, and each co-op's part of each entry then. */
export interface ReleaseView {
  readonly name: string;
  readonly then: readonly (readonly (readonly Contributor[])[])[];
  readonly hiddenThen: readonly (readonly boolean[])[];
  /** Co-ops whose part of every entry is the same now as then: a holder of the release knows them summed. */
  readonly unchanged: ReadonlySet<number>;
}

export interface Work {
  readonly values: readonly (readonly number[])[];
  readonly reasons: (SuppressionReason | undefined)[][];
  readonly threshold: number;
  /** How many co-ops may pool what they know. */
  readonly coalition: number;
  /** Each entry's co-ops with a part, in co-op order. */
  readonly contributors: readonly (readonly (readonly Contributor[])[])[];
  readonly releases: readonly ReleaseView[];
  readonly rowLabels: readonly string[];
  readonly columnLabels: readonly string[];
}

export const lastRow = (work: Work) => work.values.length - 1;
export const lastColumn = (work: Work) => work.values[0].length - 1;
export const valueAt = (work: Work, at: At) => work.values[at.row][at.column];
export const isHidden = (work: Work, at: At) => work.reasons[at.row][at.column] !== undefined;
export const isSmall = (count: number, threshold: number) => count >= 1 && count <= threshold;
export const partsAt = (work: Work, at: At) => work.contributors[at.row][at.column].map((c) => c.part);

export function allEntries(work: Work): At[] {
  return work.values.flatMap((row, r) => row.map((_, c) => ({ row: r, column: c })));
}

/** Rows first, then columns: the order every tie is broken in. */
export function allLines(work: Work): Line[] {
  const rows = work.values.map((_, index): Line => ({ kind: 'row', index }));
  const columns = work.values[0].map((_, index): Line => ({ kind: 'column', index }));
  return [...rows, ...columns];
}

/** The line's entries in order; the last is its total. */
export function entriesOf(work: Work, line: Line): At[] {
  return line.kind === 'row'
    ? work.values[line.index].map((_, column) => ({ row: line.index, column }))
    : work.values.map((_, row) => ({ row, column: line.index }));
}

export function otherLine(at: At, line: Line): Line {
  return line.kind === 'row' ? { kind: 'column', index: at.column } : { kind: 'row', index: at.row };
}

export function lineName(work: Work, line: Line): string {
  if (line.kind === 'row') return line.index === lastRow(work) ? 'the column totals' : `row "${work.rowLabels[line.index]}"`;
  return line.index === lastColumn(work) ? 'the row totals' : `column "${work.columnLabels[line.index]}"`;
}

/** Hides the figure unless it already is; the first reason given is the one kept. */
export function hide(work: Work, at: At, reason: SuppressionReason): boolean {
  if (isHidden(work, at)) return false;
  work.reasons[at.row][at.column] = reason;
  return true;
}

/** Smallest value first, then the earlier position: the choice is the same every time. */
export function bySize(work: Work): (a: At, b: At) => number {
  return (a, b) => valueAt(work, a) - valueAt(work, b) || a.row - b.row || a.column - b.column;
}

/** The smallest non-zero figure still shown among these, if any. */
export function smallestShown(work: Work, among: readonly At[]): At | undefined {
  return among.filter((at) => !isHidden(work, at) && valueAt(work, at) > 0).sort(bySize(work))[0];
}

/**
 * Flipping the sign of the row and column totals turns every line into "these figures add up to a
 * known number", and a loop then alternates: +1, -1, +1, ... The grand total, a total of totals,
 * flips twice.
 */
export function lean(work: Work, at: At): number {
  const isRowTotal = at.column === lastColumn(work) && at.row !== lastRow(work);
  const isColumnTotal = at.row === lastRow(work) && at.column !== lastColumn(work);
  return isRowTotal || isColumnTotal ? -1 : 1;
}

export function withTotals(cells: readonly (readonly number[])[], columns: number): number[][] {
  const rows = cells.map((row) => [...row, sum(row)]);
  const totals = Array.from({ length: columns + 1 }, (_, column) => sum(rows.map((row) => row[column])));
  return [...rows, totals];
}

export function sum(values: readonly number[]): number {
  return values.reduce((a, b) => a + b, 0);
}

export function range(n: number): number[] {
  return Array.from({ length: n }, (_, i) => i);
}
