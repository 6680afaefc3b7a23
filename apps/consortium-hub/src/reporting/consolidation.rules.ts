import {
  Breakdown,
  BreakdownDimension,
  CellRef,
  CrossBreakdown,
  DIMENSION_VOCABULARY,
  dimensionOf,
  MetricDefinition,
  reportPercent,
  ReportSection,
  ReportUnit,
  ReturnDefinition,
  ReturnFigure,
} from '@app/contracts';

import {
  DEFAULT_THRESHOLD,
  EarlierTable,
  FigureTable,
  isSuppressed,
  PublishedFigure,
  publishSingleFigure,
  SUPPRESSED,
  Suppression,
  SuppressionReason,
  suppressSmallCounts,
  TablePosition,
  WORKFORCE_THRESHOLD,
} from './disclosure-control.rules';
import { EarlierPlaceGrid, PlaceCoop, PlaceGrid, PlacePattern, placePattern, underPattern } from './place-disclosure.rules';

/*
 * Consolidation: the co-ops' returns for one cycle become the consortium's figures.
 *
 * - Sums are summed. An optional metric a co-op does not record (null) is left out of the sum, and
 *   the metric says how many co-ops it covers (`reportedBy`); when none records it, it is null.
 * - Rates are never averaged: their parts are summed across co-ops and the rate worked out from the
 *   sums, so a co-op of 5 staff weighs what its 5 staff weigh. A rate is suppressed when one of its
 *   parts is (it would give the part back), and unknown -- so suppressed -- when a co-op withheld a
 *   part on its own node. A co-op that records none of a rate's parts is left out of it, as of a sum.
 * - A weighted mean (turnout) is weighted by its weight's figure (ballots held).
 * - A rating is not added up: the report counts the co-ops at each level.
 * - Counts of people go through disclosure control (disclosure-control.rules.ts) before anyone sees
 *   them: each breakdown is a one-row table whose total is the metric's total. A cell some co-op
 *   withheld on its node is unknown here, so it is suppressed from the start; its value in the table
 *   is the hub's estimate (what the co-op withheld in that breakdown -- its total less its cells
 *   shown -- shared evenly among its withheld cells), used only to choose further cells to hide.
 *   A total hidden in one breakdown is hidden in the metric's other breakdowns too. Workforce
 *   counts use the workforce threshold (Skills for Care hides groups under 10).
 * - A later release of a cycle's report is controlled with every earlier one in mind: each table
 *   (or single count) is given what each earlier release was made from and what it hid, so that
 *   nobody holding both can subtract one from the other and see a small count.
 * - Hours, money and other organisational figures are shown as they are.
 */

export interface CoopReturn {
  readonly coopId: string;
  readonly figures: readonly ReturnFigure[];
}

export interface ConsolidationOptions {
  /** Counts of people from 1 to this are suppressed (default 4). */
  readonly threshold?: number;
  /** The same for workforce tables (default 9). */
  readonly workforceThreshold?: number;
  /** How many co-ops may pool what they know (default 2, see disclosure-control.rules.ts). */
  readonly coalitionSize?: number;
  /** Earlier releases of the same cycle's report, oldest first. */
  readonly earlierReleases?: readonly EarlierRelease[];
}

export interface EarlierRelease {
  readonly name: string;
  /** The returns it was made from, as they were then (a return since corrected: its earlier version). */
  readonly returns: readonly CoopReturn[];
  /** What it published. */
  readonly published: readonly ReportMetric[];
}

/** A figure in the report: a number, suppressed (a value of its own), or null: not recorded by any co-op, or nothing to divide by. */
export type ReportValue = PublishedFigure | null;

export interface ReportCell {
  readonly category: string;
  readonly value: ReportValue;
  /** A readable name where the category is an id (a contract). */
  readonly label?: string;
}

export interface ReportBreakdown {
  readonly dimension: BreakdownDimension;
  readonly cells: readonly ReportCell[];
}

/** A two-way breakdown: a table of rows (one dimension's categories) by columns (another's); its margins are the one-way breakdowns. */
export interface ReportCrossBreakdown {
  readonly rows: BreakdownDimension;
  readonly columns: BreakdownDimension;
  readonly rowCategories: readonly string[];
  readonly columnCategories: readonly string[];
  /** Rows by columns. */
  readonly cells: readonly (readonly ReportValue[])[];
}

export interface RatingCount {
  readonly value: number;
  readonly label: string;
  readonly coops: number;
}

export interface ReportMetric {
  readonly id: string;
  readonly title: string;
  readonly section: ReportSection;
  readonly unit: ReportUnit;
  readonly definition: string;
  readonly countsPeople: boolean;
  /** The disclosure threshold applied; null for figures shown as they are. */
  readonly threshold: number | null;
  readonly total: ReportValue;
  readonly breakdowns: readonly ReportBreakdown[];
  /** Two-way breakdowns (hours and people by locality and service type); absent before version 3. */
  readonly crossBreakdowns?: readonly ReportCrossBreakdown[];
  /** How many of the report's co-ops the figure covers (fewer only where an optional metric is not recorded everywhere). */
  readonly reportedBy: number;
  /** For a rating: how many co-ops are at each level, and how many recorded none. */
  readonly distribution?: readonly RatingCount[];
  readonly notRecordedBy?: number;
}

export interface SuppressionNote {
  readonly metric: string;
  /** null: the metric's total. A cell of a two-way breakdown also names its column. */
  readonly breakdown: {
    readonly dimension: BreakdownDimension;
    readonly category: string;
    readonly column?: { readonly dimension: BreakdownDimension; readonly category: string };
  } | null;
  readonly reason: SuppressionReason;
}

export interface ConsolidatedReport {
  /** How many co-ops' returns the report is made from. */
  readonly coops: number;
  readonly metrics: readonly ReportMetric[];
  /** Why each figure was suppressed: for consortium staff and audit, never for commissioners. */
  readonly suppressions: readonly SuppressionNote[];
}

const WITHHELD: SuppressionReason = 'withheld: a co-op withheld its part of this figure on its own node';
const TOTAL_HIDDEN_ELSEWHERE: SuppressionReason = 'secondary: the same total is hidden in another breakdown of this figure';
const FROM_HIDDEN_PART = (part: string): SuppressionReason => `secondary: worked out from ${part}, which is suppressed or withheld`;

export function consolidate(
  definition: ReturnDefinition,
  returns: readonly CoopReturn[],
  options: ConsolidationOptions = {},
): ConsolidatedReport {
  try {
    return consolidateIndexed(definition, returns, options);
  } finally {
    figureIndex.clear();
  }
}

function consolidateIndexed(
  definition: ReturnDefinition,
  returns: readonly CoopReturn[],
  options: ConsolidationOptions,
): ConsolidatedReport {
  const suppressions: SuppressionNote[] = [];
  const published = new Map<string, ReportMetric>();
  // Sums first: rates and means are worked out from what the sums publish.
  for (const metric of definition.metrics) {
    if (metric.consolidation.kind === 'sum' && !metric.subsetOf)
      published.set(metric.id, consolidateSum(metric, returns, controlFor(metric, options), suppressions));
    if (metric.consolidation.kind === 'distribution') published.set(metric.id, consolidateRating(metric, returns));
  }
  // A subset is published with the figure it is part of, once that figure is settled.
  for (const metric of definition.metrics) {
    const whole = metric.subsetOf ? definition.metrics.find((m) => m.id === metric.subsetOf) : undefined;
    if (metric.consolidation.kind !== 'sum' || !metric.subsetOf) continue;
    if (!whole || !metric.countsPeople || metric.breakdowns.length)
      throw new Error(`${metric.id} is a subset of ${metric.subsetOf}, which the definition cannot publish with it`);
    published.set(
      metric.id,
      consolidateSubset(metric, whole, published.get(whole.id)!, returns, controlFor(metric, options), suppressions),
    );
  }
  // Places: hours by locality and service type, shown where the people behind them may be.
  for (const people of definition.metrics.filter((m) => m.countsPeople && m.consolidation.kind === 'sum')) {
    for (const cross of people.crossBreakdowns ?? []) {
      const hours = definition.metrics.filter(
        (m) => m.peopleBehind === people.id && m.crossBreakdowns?.some((c) => c.rows === cross.rows && c.columns === cross.columns),
      );
      consolidatePlaces(people, cross, hours, returns, controlFor(people, options), published, suppressions);
    }
  }
  for (const metric of definition.metrics.filter((m) => m.publishedWith))
    hideTogether(metric.id, metric.publishedWith!, published, suppressions);
  for (const metric of definition.metrics) {
    const c = metric.consolidation;
    if (c.kind === 'ratio') published.set(metric.id, consolidateRatio(metric, c, returns, published, suppressions));
    if (c.kind === 'weighted-mean') published.set(metric.id, consolidateMean(metric, c.weight, returns));
  }
  return { coops: returns.length, metrics: definition.metrics.map((m) => published.get(m.id)!), suppressions };
}

/** How a metric's counts of people are controlled. */
interface Control {
  readonly threshold: number;
  readonly coalitionSize?: number;
  readonly earlier: readonly EarlierRelease[];
}

function controlFor(metric: MetricDefinition, options: ConsolidationOptions): Control {
  const threshold =
    metric.section === 'workforce' ? (options.workforceThreshold ?? WORKFORCE_THRESHOLD) : (options.threshold ?? DEFAULT_THRESHOLD);
  return { threshold, coalitionSize: options.coalitionSize, earlier: options.earlierReleases ?? [] };
}

function head(metric: MetricDefinition): Pick<ReportMetric, 'id' | 'title' | 'section' | 'unit' | 'definition' | 'countsPeople'> {
  return {
    id: metric.id,
    title: metric.title,
    section: metric.section,
    unit: metric.unit,
    definition: metric.definition,
    countsPeople: metric.countsPeople,
  };
}

/**
 * A return's figures by metric, then dimension, then category, built once per return: a breakdown
 * by locality asks every co-op for every locality, which a search through each return's list made
 * the slowest part of consolidation. Returns are read-only here, so the index cannot go stale. The
 * total sits under the dimension '' and a breakdown of several dimensions under their names joined.
 * The indexes live for one call of `consolidate` (which is synchronous) and are dropped at its end: a
 * WeakMap kept them no longer in practice (each report reads its returns afresh), but its lookups and
 * the garbage collector's work on it cost a fifth of consolidating 1,000 returns.
 */
type FigureIndex = Map<string, Map<string, Map<string, ReturnFigure>>>;
const figureIndex = new Map<CoopReturn, FigureIndex>();

function cellOf(breakdown: Breakdown | null): [string, string] {
  if (breakdown === null) return ['', ''];
  const keys = Object.keys(breakdown) as BreakdownDimension[];
  // Nearly every cell names one dimension: no sorting or joining for it (it is looked up per co-op per cell).
  if (keys.length === 1) {
    const value = breakdown[keys[0]];
    return [keys[0], value === null || value === undefined ? '' : String(value)];
  }
  keys.sort();
  return [keys.join('&'), keys.map((k) => breakdown[k]).join('&')];
}

/** The return's figures of one metric in one dimension ('' for its total), by category. */
function figuresOf(r: CoopReturn, metric: string, dimension: string): ReadonlyMap<string, ReturnFigure> {
  let index = figureIndex.get(r);
  if (!index) {
    index = new Map();
    for (const f of r.figures) {
      const [dim, category] = cellOf(f.breakdown);
      const byDimension = index.get(f.metric) ?? index.set(f.metric, new Map()).get(f.metric)!;
      const byCategory = byDimension.get(dim) ?? byDimension.set(dim, new Map()).get(dim)!;
      // The first of two figures for the same cell wins, as a search through the list would find it.
      if (!byCategory.has(category)) byCategory.set(category, f);
    }
    figureIndex.set(r, index);
  }
  return index.get(metric)?.get(dimension) ?? EMPTY;
}

const EMPTY: ReadonlyMap<string, ReturnFigure> = new Map();

function figureOf(r: CoopReturn, metric: string, breakdown: Breakdown | null): ReturnFigure | undefined {
  const [dimension, category] = cellOf(breakdown);
  return figuresOf(r, metric, dimension).get(category);
}

function totalOf(r: CoopReturn, metric: string): number | null {
  const value = figureOf(r, metric, null)?.value;
  return typeof value === 'number' ? value : null;
}

/** A breakdown's categories: the vocabulary, or for localities every locality any co-op reported, sorted. */
function categoriesOf(dimension: BreakdownDimension, metric: string, returns: readonly CoopReturn[]): string[] {
  const vocabulary = DIMENSION_VOCABULARY[dimension];
  if (vocabulary) return [...vocabulary];
  // From each return's index (cells of several dimensions are filed under their names joined, so never here).
  const seen = new Set<string>();
  for (const r of returns) for (const category of figuresOf(r, metric, dimension).keys()) seen.add(category);
  return [...seen].sort((a, b) => a.localeCompare(b, 'en-GB'));
}

/** Hours carry two decimals, so sums are rounded to them; whole counts stay whole. */
const tidy = (n: number) => Math.round(n * 100) / 100;
const add = (values: readonly number[]) => tidy(values.reduce((a, b) => a + b, 0));

// ---------------------------------------------------------------------------------------------
// Sums
// ---------------------------------------------------------------------------------------------

function consolidateSum(
  metric: MetricDefinition,
  returns: readonly CoopReturn[],
  control: Control,
  notes: SuppressionNote[],
): ReportMetric {
  const { threshold } = control;
  const reporting = returns.filter((r) => totalOf(r, metric.id) !== null);
  if (reporting.length === 0) {
    const breakdowns = metric.breakdowns.map((dimension) => ({
      dimension,
      cells: categoriesOf(dimension, metric.id, returns).map((category) => ({ category, value: null })),
    }));
    return { ...head(metric), threshold: metric.countsPeople ? threshold : null, total: null, breakdowns, reportedBy: 0 };
  }
  if (!metric.countsPeople) {
    const breakdowns = metric.breakdowns.map((dimension) => {
      // Each co-op's own cells, in co-op order (the sum is rounded once, as before).
      const values = new Map<string, number[]>();
      for (const r of reporting)
        for (const [category, f] of figuresOf(r, metric.id, dimension))
          (values.get(category) ?? values.set(category, []).get(category)!).push(f.value ?? 0);
      return {
        dimension,
        cells: categoriesOf(dimension, metric.id, reporting).map((category) => ({ category, value: add(values.get(category) ?? []) })),
      };
    });
    return {
      ...head(metric),
      threshold: null,
      total: add(reporting.map((r) => totalOf(r, metric.id)!)),
      breakdowns,
      reportedBy: reporting.length,
    };
  }
  if (metric.breakdowns.length === 0) {
    const parts = (rs: readonly CoopReturn[]) =>
      reportingOf(rs, metric.id).map((r) => ({ coopId: r.coopId, value: totalOf(r, metric.id)! }));
    const contributions = parts(reporting);
    const earlier = control.earlier.map((e) => ({
      name: e.name,
      contributions: parts(e.returns),
      hidden: typeof publishedMetric(e, metric.id)?.total !== 'number',
    }));
    const single = publishSingleFigure(
      metric,
      { value: add(contributions.map((c) => c.value)), contributions },
      { threshold, coalitionSize: control.coalitionSize, earlier },
    );
    if (single.reason) notes.push({ metric: metric.id, breakdown: null, reason: single.reason });
    return { ...head(metric), threshold, total: single.figure, breakdowns: [], reportedBy: reporting.length };
  }
  return consolidatePeopleTables(metric, reporting, control, notes);
}

const reportingOf = (returns: readonly CoopReturn[], metric: string) => returns.filter((r) => totalOf(r, metric) !== null);
const publishedMetric = (e: EarlierRelease, metric: string) => e.published.find((m) => m.id === metric);

interface PeopleTable {
  readonly dimension: BreakdownDimension;
  readonly categories: readonly string[];
  readonly table: FigureTable;
  readonly withheld: readonly Suppression[];
}

function consolidatePeopleTables(
  metric: MetricDefinition,
  reporting: readonly CoopReturn[],
  control: Control,
  notes: SuppressionNote[],
): ReportMetric {
  const tables = metric.breakdowns.map((dimension) => {
    // A category only an earlier release had is shown here as 0: its holder knows it was there.
    const categories = categoriesOf(dimension, metric.id, [
      ...reporting,
      ...control.earlier.flatMap((e) => reportingOf(e.returns, metric.id)),
    ]);
    return {
      ...peopleTable(metric, dimension, categories, reporting),
      earlier: control.earlier.map((e) => earlierTable(metric, dimension, categories, e)),
    };
  });
  const run = (hideTotal: boolean) =>
    tables.map((t) =>
      suppressSmallCounts(t.table, {
        threshold: control.threshold,
        coalitionSize: control.coalitionSize,
        earlier: t.earlier,
        hiddenFromStart: [
          ...t.withheld,
          ...(hideTotal ? [{ position: { kind: 'grand-total' as const }, reason: TOTAL_HIDDEN_ELSEWHERE }] : []),
        ],
      }),
    );
  let results = run(false);
  // The breakdowns share their total: hidden in one, it must be hidden in all, and the rules run again around it.
  const hidden = results.map((r) => isSuppressed(r.table.grandTotal));
  if (hidden.some(Boolean) && !hidden.every(Boolean)) results = run(true);

  const breakdowns: ReportBreakdown[] = [];
  tables.forEach((t, i) => {
    const { table, suppressions } = results[i];
    breakdowns.push({ dimension: t.dimension, cells: t.categories.map((category, c) => ({ category, value: table.cells[0][c] })) });
    for (const s of suppressions) {
      // The one-row table repeats each cell as its column total and the total as its row total: note each figure once.
      if (s.position.kind === 'cell')
        notes.push({
          metric: metric.id,
          breakdown: { dimension: t.dimension, category: t.categories[s.position.column] },
          reason: s.reason,
        });
    }
  });
  const totalReasons = results.flatMap((r) => r.suppressions.filter((s) => s.position.kind === 'grand-total').map((s) => s.reason));
  if (totalReasons.length)
    notes.push({ metric: metric.id, breakdown: null, reason: totalReasons.find((r) => r !== TOTAL_HIDDEN_ELSEWHERE) ?? totalReasons[0] });
  return { ...head(metric), threshold: control.threshold, total: results[0].table.grandTotal, breakdowns, reportedBy: reporting.length };
}

/** A breakdown as an earlier release had it: each co-op's part then, and the figures it hid. */
function earlierTable(
  metric: MetricDefinition,
  dimension: BreakdownDimension,
  categories: readonly string[],
  e: EarlierRelease,
): EarlierTable {
  const then = peopleTable(metric, dimension, categories, reportingOf(e.returns, metric.id));
  const shown = publishedMetric(e, metric.id);
  const cells = shown?.breakdowns.find((b) => b.dimension === dimension)?.cells ?? [];
  const hidden: TablePosition[] = categories.flatMap((category, column): TablePosition[] => {
    const value = cells.find((c) => c.category === category)?.value;
    // A category the release did not list was 0 in it, as its total (the sum of those listed) shows.
    const wasHidden = value === undefined ? typeof shown?.total !== 'number' : typeof value !== 'number';
    return wasHidden
      ? [
          { kind: 'cell', row: 0, column },
          { kind: 'column-total', column },
        ]
      : [];
  });
  if (typeof shown?.total !== 'number') hidden.push({ kind: 'row-total', row: 0 }, { kind: 'grand-total' });
  return { name: e.name, contributions: then.table.contributions, hidden };
}

/** One breakdown as a one-row table with every co-op's part; cells a co-op withheld are hidden from the start. */
function peopleTable(
  metric: MetricDefinition,
  dimension: BreakdownDimension,
  categories: readonly string[],
  reporting: readonly CoopReturn[],
): PeopleTable {
  const withheldAt = new Set<number>();
  const column = new Map(categories.map((category, i) => [category, i]));
  const contributions = reporting.map((r) => {
    const cells: (ReturnFigure | undefined)[] = categories.map(() => undefined);
    for (const [category, f] of figuresOf(r, metric.id, dimension)) if (column.has(category)) cells[column.get(category)!] = f;
    const withheld = cells.flatMap((f, i) => (f?.suppressedOnNode ? [i] : []));
    const shown = cells.map((f) => (f && !f.suppressedOnNode && typeof f.value === 'number' ? f.value : 0));
    // What the co-op withheld in this breakdown is its total less the cells it showed; share it out evenly.
    const hiddenSum = Math.max(0, totalOf(r, metric.id)! - shown.reduce((a, b) => a + b, 0));
    withheld.forEach((i, k) => {
      shown[i] = Math.floor(hiddenSum / withheld.length) + (k < hiddenSum % withheld.length ? 1 : 0);
      withheldAt.add(i);
    });
    return { coopId: r.coopId, cells: [shown] };
  });
  const cells = categories.map((_, i) => contributions.reduce((a, c) => a + c.cells[0][i], 0));
  const grandTotal = cells.reduce((a, b) => a + b, 0);
  const table: FigureTable = {
    rowLabels: [metric.title],
    columnLabels: [...categories],
    cells: [cells],
    rowTotals: [grandTotal],
    columnTotals: cells,
    grandTotal,
    contributions,
  };
  const withheld = [...withheldAt]
    .sort((a, b) => a - b)
    .map((column): Suppression => ({ position: { kind: 'cell', row: 0, column }, reason: WITHHELD }));
  return { dimension, categories, table, withheld };
}

/**
 * A count of people who are all counted in another figure's total too (staff paid the Real Living
 * Wage, of the headcount) is published as a table of two cells -- those counted and those left
 * out -- whose total is the other figure, so that the people left out, when few, cannot be worked
 * out by subtraction. The total is hidden from the start when the other figure's table hid it.
 */
function consolidateSubset(
  metric: MetricDefinition,
  whole: MetricDefinition,
  wholePublished: ReportMetric,
  returns: readonly CoopReturn[],
  control: Control,
  notes: SuppressionNote[],
): ReportMetric {
  const { threshold } = control;
  const reporting = subsetReporting(returns, metric, whole);
  if (reporting.length === 0) return { ...head(metric), threshold, total: null, breakdowns: [], reportedBy: 0 };
  const table = subsetTable(metric, whole, reporting);
  const { table: out, suppressions } = suppressSmallCounts(table, {
    threshold,
    coalitionSize: control.coalitionSize,
    earlier: control.earlier.map((e) => earlierSubset(metric, whole, e)),
    hiddenFromStart: isHiddenValue(wholePublished.total)
      ? [{ position: { kind: 'grand-total' as const }, reason: `secondary: ${whole.id}, which this is part of, is suppressed` as const }]
      : [],
  });
  const reason = suppressions.find((s) => s.position.kind === 'cell' && s.position.column === 0)?.reason;
  if (reason) notes.push({ metric: metric.id, breakdown: null, reason });
  return { ...head(metric), threshold, total: out.cells[0][0], breakdowns: [], reportedBy: reporting.length };
}

const subsetReporting = (returns: readonly CoopReturn[], metric: MetricDefinition, whole: MetricDefinition) =>
  returns.filter((r) => totalOf(r, metric.id) !== null && totalOf(r, whole.id) !== null);

function subsetTable(metric: MetricDefinition, whole: MetricDefinition, reporting: readonly CoopReturn[]): FigureTable {
  const contributions = reporting.map((r) => {
    const part = totalOf(r, metric.id)!;
    return { coopId: r.coopId, cells: [[part, Math.max(0, totalOf(r, whole.id)! - part)]] };
  });
  const cells = [0, 1].map((i) => contributions.reduce((a, c) => a + c.cells[0][i], 0));
  const grandTotal = cells[0] + cells[1];
  return {
    rowLabels: [metric.title],
    columnLabels: [metric.id, `not ${metric.id}`],
    cells: [cells],
    rowTotals: [grandTotal],
    columnTotals: cells,
    grandTotal,
    contributions,
  };
}

/** The subset's table as an earlier release had it: the part as it showed it, and the whole as the whole's figure showed it. */
function earlierSubset(metric: MetricDefinition, whole: MetricDefinition, e: EarlierRelease): EarlierTable {
  const partShown = typeof publishedMetric(e, metric.id)?.total === 'number';
  const wholeShown = typeof publishedMetric(e, whole.id)?.total === 'number';
  const hidden: TablePosition[] = [];
  if (!partShown) hidden.push({ kind: 'cell', row: 0, column: 0 }, { kind: 'column-total', column: 0 });
  // Those left out are the whole less the part: known only when both were shown.
  if (!partShown || !wholeShown) hidden.push({ kind: 'cell', row: 0, column: 1 }, { kind: 'column-total', column: 1 });
  if (!wholeShown) hidden.push({ kind: 'row-total', row: 0 }, { kind: 'grand-total' });
  return { name: e.name, contributions: subsetTable(metric, whole, subsetReporting(e.returns, metric, whole)).contributions, hidden };
}

/** Two single counts published as a pair: one hidden, both hidden. */
function hideTogether(a: string, b: string, published: Map<string, ReportMetric>, notes: SuppressionNote[]): void {
  const [first, second] = [published.get(a), published.get(b)];
  if (!first || !second || first.breakdowns.length || second.breakdowns.length)
    throw new Error(`${a} and ${b} cannot be published as a pair`);
  for (const [hidden, shown] of [
    [first, second],
    [second, first],
  ]) {
    if (isHiddenValue(hidden.total) && shown.total !== null && !isHiddenValue(shown.total)) {
      published.set(shown.id, { ...shown, total: SUPPRESSED });
      notes.push({ metric: shown.id, breakdown: null, reason: `secondary: published as a pair with ${hidden.id}, which is suppressed` });
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Places: two-way tables of hours and the people behind them (place-disclosure.rules.ts)
// ---------------------------------------------------------------------------------------------

function crossCategories(metric: string, cross: CrossBreakdown, returns: readonly CoopReturn[]): { rows: string[]; columns: string[] } {
  const [rows, columns] = [new Set<string>(), new Set<string>()];
  for (const r of returns)
    for (const f of r.figures) {
      const [row, column] = [f.breakdown?.[cross.rows], f.breakdown?.[cross.columns]];
      if (f.metric !== metric || row === undefined || column === undefined) continue;
      rows.add(row);
      columns.add(column);
    }
  const sorted = (values: Set<string>, dimension: BreakdownDimension) =>
    DIMENSION_VOCABULARY[dimension] ? [...DIMENSION_VOCABULARY[dimension]!] : [...values].sort((a, b) => a.localeCompare(b, 'en-GB'));
  return { rows: sorted(rows, cross.rows), columns: sorted(columns, cross.columns) };
}

/** Where each row and column category sits in a two-way table. */
interface CrossIndex {
  readonly cross: CrossBreakdown;
  readonly rows: ReadonlyMap<string, number>;
  readonly columns: ReadonlyMap<string, number>;
}

/**
 * The figures of one metric in a return that fall in a two-way table: each two-way cell, and each
 * one-way cell of its rows' dimension. One pass over the return's own figures, so a co-op serving 3
 * localities of 500 costs its 3 rows, not 500 look-ups.
 */
function eachCrossFigure(
  r: CoopReturn,
  metric: string,
  index: CrossIndex,
  onCell: (row: number, column: number, f: ReturnFigure) => void,
  onRow: (row: number, f: ReturnFigure) => void,
): void {
  for (const f of r.figures) {
    if (f.metric !== metric || f.breakdown === null) continue;
    const keys = Object.keys(f.breakdown).filter((k) => f.breakdown![k as BreakdownDimension] !== undefined);
    const row = index.rows.get(f.breakdown[index.cross.rows] ?? '');
    if (row === undefined) continue;
    if (keys.length === 1) onRow(row, f);
    const column = index.columns.get(f.breakdown[index.cross.columns] ?? '');
    if (keys.length === 2 && column !== undefined) onCell(row, column, f);
  }
}

const countOf = (f: ReturnFigure): number | null => (f.suppressedOnNode ? null : typeof f.value === 'number' ? f.value : 0);

/** A co-op's people behind each cell, each row and in all; a count it withheld on its node is null. */
function placeCoop(r: CoopReturn, people: string, index: CrossIndex): PlaceCoop {
  const cells: (number | null)[][] = [...index.rows.keys()].map(() => [...index.columns.keys()].map(() => 0));
  const rowPeople: (number | null)[] = [...index.rows.keys()].map(() => 0);
  eachCrossFigure(
    r,
    people,
    index,
    (row, column, f) => (cells[row][column] = countOf(f)),
    (row, f) => (rowPeople[row] = countOf(f)),
  );
  return { coopId: r.coopId, cells, rowPeople, totalPeople: totalOf(r, people) ?? 0 };
}

/** What an earlier release hid of the hours table, read from what it published. */
function earlierPlaceHidden(shown: ReportMetric | undefined, cross: CrossBreakdown, rows: readonly string[], columns: readonly string[]) {
  const hidden: TablePosition[] = [];
  const isHidden = (v: ReportValue | undefined) => v !== undefined && v !== null && isSuppressed(v);
  const totalHidden = !shown || isHidden(shown.total);
  const table = shown?.crossBreakdowns?.find((c) => c.rows === cross.rows && c.columns === cross.columns);
  const margin = (dimension: BreakdownDimension, category: string) =>
    shown?.breakdowns.find((b) => b.dimension === dimension)?.cells.find((c) => c.category === category)?.value;
  rows.forEach((row, r) => {
    columns.forEach((column, c) => {
      const i = table?.rowCategories.indexOf(row) ?? -1;
      const j = table?.columnCategories.indexOf(column) ?? -1;
      // A category the release did not list was 0 in it, unless it hid everything.
      if (i < 0 || j < 0 ? totalHidden : isHidden(table!.cells[i][j])) hidden.push({ kind: 'cell', row: r, column: c });
    });
    const m = margin(cross.rows, row);
    if (m === undefined ? totalHidden : isHidden(m)) hidden.push({ kind: 'row-total', row: r });
  });
  columns.forEach((column, c) => {
    const m = margin(cross.columns, column);
    if (m === undefined ? totalHidden : isHidden(m)) hidden.push({ kind: 'column-total', column: c });
  });
  if (totalHidden) hidden.push({ kind: 'grand-total' });
  return hidden;
}

function consolidatePlaces(
  people: MetricDefinition,
  cross: CrossBreakdown,
  hours: readonly MetricDefinition[],
  returns: readonly CoopReturn[],
  control: Control,
  published: Map<string, ReportMetric>,
  notes: SuppressionNote[],
): void {
  const reporting = reportingOf(returns, people.id);
  if (reporting.length === 0) return;
  const { rows, columns } = crossCategories(people.id, cross, [
    ...reporting,
    ...control.earlier.flatMap((e) => reportingOf(e.returns, people.id)),
  ]);
  if (rows.length === 0 || columns.length === 0) return;
  const index: CrossIndex = { cross, rows: new Map(rows.map((x, i) => [x, i])), columns: new Map(columns.map((x, i) => [x, i])) };
  const grid: PlaceGrid = { rows, columns, coops: reporting.map((r) => placeCoop(r, people.id, index)) };
  const earlier: EarlierPlaceGrid[] = control.earlier.map((e) => ({
    name: e.name,
    coops: reportingOf(e.returns, people.id).map((r) => placeCoop(r, people.id, index)),
    hidden: earlierPlaceHidden(hours.length ? publishedMetric(e, hours[0].id) : undefined, cross, rows, columns),
  }));
  const pattern = placePattern(grid, { threshold: control.threshold, coalitionSize: control.coalitionSize, earlier });

  const peopleShown = published.get(people.id)!;
  const peopleCells = pattern.people.cells.map((row) => [...row]);
  published.set(people.id, {
    ...peopleShown,
    crossBreakdowns: [{ rows: cross.rows, columns: cross.columns, rowCategories: rows, columnCategories: columns, cells: peopleCells }],
  });
  notePattern(people.id, cross, rows, columns, pattern, notes, true);

  for (const metric of hours) {
    const shown = published.get(metric.id);
    const hoursReporting = reportingOf(returns, metric.id);
    if (!shown || hoursReporting.length === 0) continue;
    // Each co-op's own cells, in co-op order, summed and rounded once per cell as the one-way sums are.
    const parts: number[][][] = rows.map(() => columns.map(() => []));
    for (const x of hoursReporting)
      eachCrossFigure(
        x,
        metric.id,
        index,
        (r, c, f) => parts[r][c].push(f.value ?? 0),
        () => undefined,
      );
    const cells = parts.map((row, r) => row.map((values, c) => underPattern(add(values), pattern.cells[r][c])));
    const margin = (b: ReportBreakdown, categories: readonly string[], hidden: readonly boolean[]): ReportBreakdown => ({
      ...b,
      cells: b.cells.map((cell) => {
        const i = categories.indexOf(cell.category);
        return i >= 0 && typeof cell.value === 'number' ? { ...cell, value: underPattern(cell.value, hidden[i]) } : cell;
      }),
    });
    published.set(metric.id, {
      ...shown,
      threshold: control.threshold,
      total: typeof shown.total === 'number' ? underPattern(shown.total, pattern.total) : shown.total,
      breakdowns: shown.breakdowns.map((b) =>
        b.dimension === cross.rows
          ? margin(b, rows, pattern.rows)
          : b.dimension === cross.columns
            ? margin(b, columns, pattern.columns)
            : b,
      ),
      crossBreakdowns: [{ rows: cross.rows, columns: cross.columns, rowCategories: rows, columnCategories: columns, cells }],
    });
    notePattern(metric.id, cross, rows, columns, pattern, notes, false);
  }
}

/** Why each figure of a two-way table and its margins was hidden; the people table's margins are not published, so only its cells. */
function notePattern(
  metric: string,
  cross: CrossBreakdown,
  rows: readonly string[],
  columns: readonly string[],
  pattern: PlacePattern,
  notes: SuppressionNote[],
  cellsOnly: boolean,
): void {
  for (const s of pattern.suppressions) {
    const p = s.position;
    if (p.kind === 'cell')
      notes.push({
        metric,
        breakdown: { dimension: cross.rows, category: rows[p.row], column: { dimension: cross.columns, category: columns[p.column] } },
        reason: s.reason,
      });
    else if (cellsOnly) continue;
    else if (p.kind === 'row-total') notes.push({ metric, breakdown: { dimension: cross.rows, category: rows[p.row] }, reason: s.reason });
    else if (p.kind === 'column-total')
      notes.push({ metric, breakdown: { dimension: cross.columns, category: columns[p.column] }, reason: s.reason });
    else notes.push({ metric, breakdown: null, reason: s.reason });
  }
}

// ---------------------------------------------------------------------------------------------
// Rates, means and ratings
// ---------------------------------------------------------------------------------------------

function consolidateRatio(
  metric: MetricDefinition,
  c: { readonly numerator: readonly CellRef[]; readonly denominator: readonly CellRef[] },
  returns: readonly CoopReturn[],
  published: ReadonlyMap<string, ReportMetric>,
  notes: SuppressionNote[],
): ReportMetric {
  const parts = [...c.numerator, ...c.denominator];
  // A co-op that records none of the parts (all null, none withheld: spend it never recorded) is left
  // out, as a sum leaves it out; one that withheld a part, or recorded only some, leaves the rate unknown.
  const recording = returns.filter((r) => !parts.every((ref) => notRecorded(figureOf(r, ref.metric, ref.breakdown))));
  const base = { ...head(metric), threshold: null, breakdowns: [], reportedBy: recording.length };
  if (recording.length === 0) return { ...base, total: null };
  const hiddenPart = parts.find(
    (ref) =>
      isHiddenValue(publishedValue(published, ref)) ||
      recording.some((r) => typeof figureOf(r, ref.metric, ref.breakdown)?.value !== 'number'),
  );
  if (hiddenPart) {
    notes.push({ metric: metric.id, breakdown: null, reason: FROM_HIDDEN_PART(describeRef(hiddenPart)) });
    return { ...base, total: SUPPRESSED };
  }
  const summed = (refs: readonly CellRef[]) =>
    refs.reduce((a, ref) => a + recording.reduce((b, r) => b + (figureOf(r, ref.metric, ref.breakdown)!.value as number), 0), 0);
  return { ...base, total: reportPercent(summed(c.numerator), summed(c.denominator)) };
}

/** A figure the co-op does not record: absent, or null without having been withheld on its node. */
function notRecorded(figure: { value: number | null; suppressedOnNode?: true } | undefined): boolean {
  return figure === undefined || (figure.value === null && !figure.suppressedOnNode);
}

function publishedValue(published: ReadonlyMap<string, ReportMetric>, ref: CellRef): ReportValue | undefined {
  const metric = published.get(ref.metric);
  if (!metric) return undefined;
  if (ref.breakdown === null) return metric.total;
  const dimension = dimensionOf(ref.breakdown)!;
  return metric.breakdowns.find((b) => b.dimension === dimension)?.cells.find((cell) => cell.category === ref.breakdown![dimension])?.value;
}

function isHiddenValue(value: ReportValue | undefined): boolean {
  return value !== null && value !== undefined && isSuppressed(value);
}

function describeRef(ref: CellRef): string {
  if (ref.breakdown === null) return ref.metric;
  const dimension = dimensionOf(ref.breakdown)!;
  return `${ref.metric} (${dimension} ${ref.breakdown[dimension]})`;
}

/** The mean of the co-ops' values weighted by another figure, to one decimal place; null when nothing carries weight. */
function consolidateMean(metric: MetricDefinition, weight: CellRef, returns: readonly CoopReturn[]): ReportMetric {
  let weighted = 0;
  let weights = 0;
  for (const r of returns) {
    const value = figureOf(r, metric.id, null)?.value;
    const w = figureOf(r, weight.metric, weight.breakdown)?.value;
    if (typeof value !== 'number' || typeof w !== 'number' || w <= 0) continue;
    weighted += value * w;
    weights += w;
  }
  const total = weights === 0 ? null : Math.round((weighted / weights) * 10) / 10;
  return { ...head(metric), threshold: null, total, breakdowns: [], reportedBy: returns.length };
}

/** A rating is a fact about each co-op, not a quantity: count the co-ops at each level. */
function consolidateRating(metric: MetricDefinition, returns: readonly CoopReturn[]): ReportMetric {
  const values = returns.map((r) => totalOf(r, metric.id));
  const distribution = (metric.scale ?? []).map((level) => ({
    value: level.value,
    label: level.label,
    coops: values.filter((v) => v === level.value).length,
  }));
  const notRecordedBy = values.filter((v) => v === null).length;
  return {
    ...head(metric),
    threshold: null,
    total: null,
    breakdowns: [],
    reportedBy: returns.length - notRecordedBy,
    distribution,
    notRecordedBy,
  };
}
