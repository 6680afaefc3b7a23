import { FigureTable, isSuppressed, PublishedFigure, SUPPRESSED, suppressSmallCounts } from '../reporting';

/*
 * Brokerage figures for commissioners and staff: how fast packages are placed and how many are not,
 * by locality and month of posting. Each package is a person, so the counts go through the reports'
 * disclosure control (reporting/disclosure-control.rules.ts) with the hub's threshold. Times are
 * shown only beside a count that is shown and above the threshold: a median of three waits is three
 * people's waits.
 */

/** The outcome columns of the table; their row total is the requests posted. */
export const OUTCOMES = ['placed', 'not-placed', 'open'] as const;
export type Outcome = (typeof OUTCOMES)[number];

/** Who knows a part of an unplaced or open count: the council that posted it (each placing co-op knows its own placements). */
export const COUNCIL_CONTRIBUTOR = 'council';

/** The longest period the figures cover at once. */
export const MAX_PERIOD_DAYS = 5 * 366;

export interface RequestFact {
  locality: string;
  /** 'YYYY-MM' of posting (UK time). */
  month: string;
  outcome: Outcome;
  /** The co-op it was placed with, for a placed request. */
  placedWith: string | null;
  /** Seconds from posting to the first offer that came in time; null when none did. */
  secondsToFirstOffer: number | null;
  /** Seconds from posting to acceptance; null unless placed. */
  secondsToAcceptance: number | null;
}

export interface TimingView {
  /** How many requests the times are taken over. */
  count: PublishedFigure;
  medianSeconds: number | null;
  p90Seconds: number | null;
}

export interface FiguresRow {
  locality: string;
  month: string;
  posted: PublishedFigure;
  placed: PublishedFigure;
  notPlaced: PublishedFigure;
  open: PublishedFigure;
  toFirstOffer: TimingView;
  toAcceptance: TimingView;
}

export interface BrokerageFigures {
  rows: FiguresRow[];
  total: Omit<FiguresRow, 'locality' | 'month'>;
  suppressedFigures: number;
}

/** The median: the middle value, or the mean of the two middle values. Null for none. */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}

/** The 90th percentile by nearest rank: the smallest value with at least 90% of the values at or below it. Null for none. */
export function percentile90(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const s = [...values].sort((a, b) => a - b);
  return s[Math.ceil(0.9 * s.length) - 1];
}

/**
 * Times over `values`, beside the count they are taken over: the count is hidden from 1 to the
 * threshold (it counts people), and the times are shown only beside a count shown above it.
 */
export function timing(values: readonly number[], count: PublishedFigure, threshold: number): TimingView {
  const hidden = isSuppressed(count) || (count >= 1 && count <= threshold);
  const show = !hidden && values.length > threshold;
  return {
    count: hidden ? SUPPRESSED : count,
    medianSeconds: show ? median(values) : null,
    p90Seconds: show ? percentile90(values) : null,
  };
}

/** The figures table for a set of requests: one row per locality and month, columns the outcomes, with disclosure control. */
export function brokerageFigures(facts: readonly RequestFact[], threshold: number): BrokerageFigures {
  const keys = [...new Map(facts.map((f) => [`${f.locality}\u0000${f.month}`, { locality: f.locality, month: f.month }])).values()].sort(
    (a, b) => a.locality.localeCompare(b.locality, 'en-GB') || a.month.localeCompare(b.month),
  );
  const rowOf = (f: RequestFact) => keys.findIndex((k) => k.locality === f.locality && k.month === f.month);
  const empty = () => keys.map(() => OUTCOMES.map(() => 0));
  const cells = empty();
  const parts = new Map<string, number[][]>();
  for (const f of facts) {
    const [r, c] = [rowOf(f), OUTCOMES.indexOf(f.outcome)];
    cells[r][c] += 1;
    const who = f.outcome === 'placed' && f.placedWith ? f.placedWith : COUNCIL_CONTRIBUTOR;
    if (!parts.has(who)) parts.set(who, empty());
    parts.get(who)![r][c] += 1;
  }
  const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
  const oneWhenEmpty = keys.length === 0;
  const table: FigureTable = {
    rowLabels: oneWhenEmpty ? ['none'] : keys.map((k) => `${k.locality} ${k.month}`),
    columnLabels: [...OUTCOMES],
    cells: oneWhenEmpty ? [OUTCOMES.map(() => 0)] : cells,
    rowTotals: oneWhenEmpty ? [0] : cells.map(sum),
    columnTotals: OUTCOMES.map((_, c) => sum(cells.map((row) => row[c]))),
    grandTotal: facts.length,
    contributions: [...parts.entries()].sort(([a], [b]) => (a < b ? -1 : 1)).map(([coopId, p]) => ({ coopId, cells: p })),
  };
  const published = suppressSmallCounts(table, { threshold }).table;
  const timings = (of: readonly RequestFact[], placed: PublishedFigure) => ({
    toFirstOffer: timing(
      of.flatMap((f) => (f.secondsToFirstOffer === null ? [] : [f.secondsToFirstOffer])),
      // The number of requests with an offer is not published elsewhere: it stands beside its times.
      of.filter((f) => f.secondsToFirstOffer !== null).length,
      threshold,
    ),
    toAcceptance: timing(
      of.flatMap((f) => (f.secondsToAcceptance === null ? [] : [f.secondsToAcceptance])),
      placed,
      threshold,
    ),
  });
  const rows = keys.map((k, r) => ({
    locality: k.locality,
    month: k.month,
    posted: published.rowTotals[r],
    placed: published.cells[r][0],
    notPlaced: published.cells[r][1],
    open: published.cells[r][2],
    ...timings(
      facts.filter((f) => rowOf(f) === r),
      published.cells[r][0],
    ),
  }));
  const total = {
    posted: published.grandTotal,
    placed: published.columnTotals[0],
    notPlaced: published.columnTotals[1],
    open: published.columnTotals[2],
    ...timings(facts, published.columnTotals[0]),
  };
  const all: PublishedFigure[] = [
    ...rows.flatMap((r) => [r.posted, r.placed, r.notPlaced, r.open]),
    total.posted,
    total.placed,
    total.notPlaced,
    total.open,
  ];
  return { rows, total, suppressedFigures: all.filter(isSuppressed).length };
}
