import { addDays, monthsBefore } from '@app/platform';

import {
  FigureTable,
  isSuppressed,
  PublishedFigure,
  publishSingleFigure,
  SUPPRESSED,
  SuppressionReason,
  suppressSmallCounts,
} from '../reporting';

/*
 * The pool's figures for consortium staff and commissioners, through the disclosure control of the
 * consortium's reports (reporting/disclosure-control.rules.ts): primary suppression of counts from 1
 * to the threshold, secondary suppression so that no suppressed figure can be worked out from a total
 * or from what a co-op knows of its own part, with zero always shown.
 *
 * Each breakdown is a one-row table, as the reports publish them: one column per category, its total
 * the breakdown's sum. Who knows a part of a figure:
 *
 * - hires and requests to hire: each co-op knows its own, so each co-op is a contributor (a co-op that
 *   takes its own hires away from a locality must not be left with a small count of the others');
 * - candidates in the pool: no co-op supplies them, so the pool is their one contributor; primary and
 *   secondary suppression still apply.
 *
 * A candidate counts in every locality they reach and every role they seek, so those breakdowns add up
 * to more than the candidates in the pool. The number of candidates is published on its own; when a
 * breakdown happens to add up to it (nobody counted twice), the two are the same figure and are
 * suppressed together.
 *
 * Vacancies are posts, not people: a co-op advertises them. Vacancies in the pool are shown as they
 * are. A vacancy filled from the pool is a hire, a person: those are counts of people.
 */

export const POOL_REQUEST_STATUSES = ['waiting', 'accepted', 'hired', 'declined', 'withdrawn', 'closed'] as const;
export type PoolRequestStatus = (typeof POOL_REQUEST_STATUSES)[number];

/** The period of the flow figures: at most this many years, both days included. */
export const MAX_PERIOD_YEARS = 5;
/** Left out, the period is the last 12 months, ending today. */
export const DEFAULT_PERIOD_MONTHS = 12;

/** The pool's own contributor, for counts no co-op knows a part of. */
export const POOL_CONTRIBUTOR = 'the pool';

export interface Period {
  readonly from: string;
  readonly to: string;
}

export interface PeriodProblem {
  readonly fields: readonly ('from' | 'to')[];
  readonly message: string;
}

/**
 * The period asked for, with defaults: `to` is today when left out, `from` the day after the same date
 * 12 months before `to` (so the default is exactly 12 months). Refused when `to` is before `from` or the
 * period is longer than 5 years.
 */
export function figuresPeriod(asked: { from?: string; to?: string }, today: string): Period | PeriodProblem {
  const to = asked.to ?? (asked.from && asked.from > today ? asked.from : today);
  const from = asked.from ?? addDays(monthsBefore(to, DEFAULT_PERIOD_MONTHS), 1);
  if (to < from) return { fields: ['to'], message: `to (${to}) must not be before from (${from})` };
  // The longest period is 5 years to the day: from 2022-01-01 to 2026-12-31.
  if (from < addDays(monthsBefore(to, MAX_PERIOD_YEARS * 12), 1))
    return { fields: ['from', 'to'], message: `from (${from}) to to (${to}) is longer than ${MAX_PERIOD_YEARS} years` };
  return { from, to };
}

export function isPeriodProblem(p: Period | PeriodProblem): p is PeriodProblem {
  return 'message' in p;
}

// ---------------------------------------------------------------------------------------------
// Breakdowns through disclosure control
// ---------------------------------------------------------------------------------------------

/** A count of one category that one contributor (a co-op, or the pool) knows. */
export interface CountPart {
  readonly category: string;
  readonly contributor: string;
  readonly count: number;
}

export interface BreakdownInput {
  readonly dimension: string;
  /** Every category shown, in order; a part of another category is refused. */
  readonly categories: readonly string[];
  readonly parts: readonly CountPart[];
}

export interface FigureCell {
  readonly category: string;
  readonly value: PublishedFigure;
}

export interface ControlledBreakdown {
  readonly dimension: string;
  readonly cells: readonly FigureCell[];
}

export interface ControlledFigures {
  readonly total: PublishedFigure;
  readonly breakdowns: readonly ControlledBreakdown[];
  /** Why each figure was suppressed ('' for the total): for consortium staff and audit. */
  readonly suppressions: readonly { readonly dimension: string; readonly category: string; readonly reason: SuppressionReason }[];
}

const SAME_TOTAL: SuppressionReason = 'secondary: the same total is hidden in another breakdown of this figure';

/**
 * Counts of people in several breakdowns of the same people, each adding up to the same total (every
 * hire has one locality and one role): each breakdown a one-row table, and a total hidden in one is
 * hidden in all, as the consolidated reports do.
 */
export function controlSharedTotal(breakdowns: readonly BreakdownInput[], threshold: number): ControlledFigures {
  const tables = breakdowns.map(tableOf);
  const totals = new Set(tables.map((t) => t.grandTotal));
  if (totals.size > 1) throw new Error('the breakdowns of one figure must add up to the same total');
  const run = (hideTotal: boolean) =>
    tables.map((table) =>
      control(table, { threshold, hiddenFromStart: hideTotal ? [{ position: { kind: 'grand-total' }, reason: SAME_TOTAL }] : [] }),
    );
  let results = run(false);
  const hidden = results.map((r) => isSuppressed(r.table.grandTotal));
  if (hidden.some(Boolean) && !hidden.every(Boolean)) results = run(true);
  const total = results.length ? results[0].table.grandTotal : 0;
  return { total, ...collect(breakdowns, results) };
}

/**
 * Counts of people where one person may count in several categories (a candidate in each locality they
 * reach): each breakdown on its own, and the number of people published beside them. Where a breakdown
 * adds up to that number (nobody counted twice) it is the breakdown's total, and is suppressed when the
 * breakdown's total is.
 */
export function controlOverlapping(
  people: { readonly count: number; readonly parts: readonly { contributor: string; count: number }[] },
  breakdowns: readonly BreakdownInput[],
  threshold: number,
): ControlledFigures {
  const single = publishSingleFigure(
    { countsPeople: true },
    { value: people.count, contributions: people.parts.map((p) => ({ coopId: p.contributor, value: p.count })) },
    { threshold },
  );
  const tables = breakdowns.map(tableOf);
  const results = tables.map((table) =>
    control(table, {
      threshold,
      // The people's number, suppressed, is this breakdown's total whenever the two are equal.
      hiddenFromStart:
        single.reason && table.grandTotal === people.count ? [{ position: { kind: 'grand-total' }, reason: single.reason }] : [],
    }),
  );
  const totalHiddenWithATable = results.some((r, i) => tables[i].grandTotal === people.count && isSuppressed(r.table.grandTotal));
  const total: PublishedFigure = totalHiddenWithATable ? SUPPRESSED : single.figure;
  const { breakdowns: out, suppressions } = collect(breakdowns, results);
  const totalReason = single.reason ?? (totalHiddenWithATable ? SAME_TOTAL : null);
  return {
    total,
    breakdowns: out,
    suppressions: [
      ...(totalReason ? [{ dimension: '', category: '', reason: totalReason }] : []),
      ...suppressions.filter((s) => s.category !== ''),
    ],
  };
}

type Controlled = ReturnType<typeof suppressSmallCounts>;

/** A breakdown with no category (no locality yet) has nothing to control, and the rules want one column at least. */
function control(table: FigureTable, options: Parameters<typeof suppressSmallCounts>[1]): Controlled {
  if (table.columnLabels.length === 0)
    return {
      table: {
        rowLabels: table.rowLabels,
        columnLabels: [],
        cells: [[]],
        rowTotals: [0],
        columnTotals: [],
        grandTotal: 0,
        threshold: null,
      },
      suppressions: [],
    };
  return suppressSmallCounts(table, options);
}

function tableOf(b: BreakdownInput): FigureTable {
  const column = new Map(b.categories.map((c, i) => [c, i]));
  const byContributor = new Map<string, number[]>();
  for (const part of b.parts) {
    const i = column.get(part.category);
    if (i === undefined) throw new Error(`${part.category} is not a category of ${b.dimension}`);
    if (!Number.isSafeInteger(part.count) || part.count < 0) throw new Error(`a count of ${b.dimension} is not a count (${part.count})`);
    const cells =
      byContributor.get(part.contributor) ??
      byContributor
        .set(
          part.contributor,
          b.categories.map(() => 0),
        )
        .get(part.contributor)!;
    cells[i] += part.count;
  }
  const contributions = [...byContributor].map(([coopId, cells]) => ({ coopId, cells: [cells] }));
  const cells = b.categories.map((_, i) => contributions.reduce((sum, c) => sum + c.cells[0][i], 0));
  const grandTotal = cells.reduce((a, c) => a + c, 0);
  return {
    rowLabels: [b.dimension],
    columnLabels: [...b.categories],
    cells: [cells],
    rowTotals: [grandTotal],
    columnTotals: cells,
    grandTotal,
    contributions,
  };
}

function collect(
  breakdowns: readonly BreakdownInput[],
  results: readonly Controlled[],
): Pick<ControlledFigures, 'breakdowns' | 'suppressions'> {
  const suppressions: { dimension: string; category: string; reason: SuppressionReason }[] = [];
  const out = breakdowns.map((b, i) => {
    for (const s of results[i].suppressions) {
      // The one-row table repeats each cell as its column total and the total as its row total: each figure once.
      if (s.position.kind === 'cell')
        suppressions.push({ dimension: b.dimension, category: b.categories[s.position.column], reason: s.reason });
      if (s.position.kind === 'grand-total' && !suppressions.some((x) => x.category === ''))
        suppressions.push({ dimension: '', category: '', reason: s.reason });
    }
    return { dimension: b.dimension, cells: b.categories.map((category, c) => ({ category, value: results[i].table.cells[0][c] })) };
  });
  return { breakdowns: out, suppressions };
}

// ---------------------------------------------------------------------------------------------
// Time to hire
// ---------------------------------------------------------------------------------------------

/** The middle value (the mean of the two middle ones for an even count), to one decimal; null for none. */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  const value = sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
  return Math.round(value * 10) / 10;
}

/** Days from one instant to another, to one decimal. */
export function daysBetween(start: Date, end: Date): number {
  return Math.round(((end.getTime() - start.getTime()) / 86_400_000) * 10) / 10;
}

export interface TimeToHire {
  readonly hires: PublishedFigure;
  /** null: no hires; suppressed: withheld with the count, or from fewer hires than the threshold allows. */
  readonly medianDays: PublishedFigure | null;
}

/**
 * A median of days to hire, shown only beside a count of hires that is itself shown and above the
 * threshold: a median of a few hires is nearly each hire's own time, and a median beside a suppressed
 * count would say the count was not zero.
 */
export function timeToHire(hires: PublishedFigure, days: readonly number[], threshold: number): TimeToHire {
  if (days.length === 0) return { hires, medianDays: null };
  if (isSuppressed(hires) || days.length <= threshold) return { hires, medianDays: SUPPRESSED };
  return { hires, medianDays: median(days) };
}
