import {
  Breakdown,
  BreakdownDimension,
  CellRef,
  DIMENSION_VOCABULARY,
  MetricDefinition,
  ReportSection,
  ReportUnit,
  ReturnDefinition,
  ReturnFigure,
  dimensionOf,
  reportPercent,
  sameCell,
} from '@app/contracts';
import {
  DEFAULT_THRESHOLD,
  FigureTable,
  KnownPart,
  PublishedFigure,
  SUPPRESSED,
  Suppression,
  SuppressionReason,
  WORKFORCE_THRESHOLD,
  isSuppressed,
  publishSingleFigure,
  suppressSmallCounts,
} from './disclosure-control.rules';

/*
 * Consolidation: the co-ops' returns for one cycle become the consortium's figures.
 *
 * - Sums are summed. An optional metric a co-op does not record (null) is left out of the sum, and
 *   the metric says how many co-ops it covers (`reportedBy`); when none records it, it is null.
 * - Rates are never averaged: their parts are summed across co-ops and the rate worked out from the
 *   sums, so a co-op of 5 staff weighs what its 5 staff weigh. A rate is suppressed when one of its
 *   parts is (it would give the part back), and unknown -- so suppressed -- when a co-op withheld a
 *   part on its own node.
 * - A weighted mean (turnout) is weighted by its weight's figure (ballots held).
 * - A rating is not added up: the report counts the co-ops at each level.
 * - Counts of people go through disclosure control (disclosure-control.rules.ts) before anyone sees
 *   them: each breakdown is a one-row table whose total is the metric's total. A cell some co-op
 *   withheld on its node is unknown here, so it is suppressed from the start; its value in the table
 *   is the hub's estimate (what the co-op withheld in that breakdown -- its total less its cells
 *   shown -- shared evenly among its withheld cells), used only to choose further cells to hide.
 *   A total hidden in one breakdown is hidden in the metric's other breakdowns too. Workforce
 *   counts use the workforce threshold (Skills for Care hides groups under 10).
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
  /**
   * Earlier releases of the same cycle's report, each by the co-ops whose returns it holds and that
   * are unchanged since: a commissioner who kept one knows those co-ops' figures summed, so this
   * release must not let them subtract it and see a small count of the co-ops added since.
   */
  readonly earlierReleases?: readonly EarlierRelease[];
}

export interface EarlierRelease {
  readonly name: string;
  /** The co-ops it holds whose approved return is still the same: a holder knows their figures summed. */
  readonly coopIds: readonly string[];
  /**
   * What it published. A holder can subtract any figure it showed from the same figure now, whoever
   * joined, left or corrected a return in between, so a figure that differs from it by 1 to the
   * threshold is hidden too.
   */
  readonly published?: readonly ReportMetric[];
}

/** The figure an earlier release showed for a metric's total (breakdown null) or one of its cells, if it showed one. */
function shownBefore(e: EarlierRelease, metric: string, breakdown: { dimension: BreakdownDimension; category: string } | null): number | undefined {
  const m = e.published?.find((x) => x.id === metric);
  const value = breakdown === null ? m?.total : m?.breakdowns.find((b) => b.dimension === breakdown.dimension)?.cells.find((c) => c.category === breakdown.category)?.value;
  return typeof value === 'number' ? value : undefined;
}

/** The first earlier release that showed a figure differing from this one by 1 to the threshold. */
function smallDifference(earlier: readonly EarlierRelease[], threshold: number, now: number, metric: string, breakdown: { dimension: BreakdownDimension; category: string } | null): EarlierRelease | undefined {
  return earlier.find((e) => {
    const then = shownBefore(e, metric, breakdown);
    return then !== undefined && Math.abs(now - then) >= 1 && Math.abs(now - then) <= threshold;
  });
}

const DIFFERS_FROM = (e: EarlierRelease): SuppressionReason => `secondary: differs by a small count from what ${e.name} showed`;

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
  /** How many of the report's co-ops the figure covers (fewer only where an optional metric is not recorded everywhere). */
  readonly reportedBy: number;
  /** For a rating: how many co-ops are at each level, and how many recorded none. */
  readonly distribution?: readonly RatingCount[];
  readonly notRecordedBy?: number;
}

export interface SuppressionNote {
  readonly metric: string;
  /** null: the metric's total. */
  readonly breakdown: { readonly dimension: BreakdownDimension; readonly category: string } | null;
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

export function consolidate(definition: ReturnDefinition, returns: readonly CoopReturn[], options: ConsolidationOptions = {}): ConsolidatedReport {
  const suppressions: SuppressionNote[] = [];
  const published = new Map<string, ReportMetric>();
  // Sums first: rates and means are worked out from what the sums publish.
  for (const metric of definition.metrics) {
    if (metric.consolidation.kind === 'sum' && !metric.subsetOf) published.set(metric.id, consolidateSum(metric, returns, thresholdFor(metric, options), suppressions, options.earlierReleases ?? []));
    if (metric.consolidation.kind === 'distribution') published.set(metric.id, consolidateRating(metric, returns));
  }
  // A subset is published with the figure it is part of, once that figure is settled.
  for (const metric of definition.metrics) {
    const whole = metric.subsetOf ? definition.metrics.find((m) => m.id === metric.subsetOf) : undefined;
    if (metric.consolidation.kind !== 'sum' || !metric.subsetOf) continue;
    if (!whole || !metric.countsPeople || metric.breakdowns.length) throw new Error(`${metric.id} is a subset of ${metric.subsetOf}, which the definition cannot publish with it`);
    published.set(metric.id, consolidateSubset(metric, whole, published.get(whole.id)!, returns, thresholdFor(metric, options), suppressions, options.earlierReleases ?? []));
  }
  for (const metric of definition.metrics.filter((m) => m.publishedWith)) hideTogether(metric.id, metric.publishedWith!, published, suppressions);
  for (const metric of definition.metrics) {
    const c = metric.consolidation;
    if (c.kind === 'ratio') published.set(metric.id, consolidateRatio(metric, c, returns, published, suppressions));
    if (c.kind === 'weighted-mean') published.set(metric.id, consolidateMean(metric, c.weight, returns));
  }
  return { coops: returns.length, metrics: definition.metrics.map((m) => published.get(m.id)!), suppressions };
}

function thresholdFor(metric: MetricDefinition, options: ConsolidationOptions): number {
  return metric.section === 'workforce' ? (options.workforceThreshold ?? WORKFORCE_THRESHOLD) : (options.threshold ?? DEFAULT_THRESHOLD);
}

function head(metric: MetricDefinition): Pick<ReportMetric, 'id' | 'title' | 'section' | 'unit' | 'definition' | 'countsPeople'> {
  return { id: metric.id, title: metric.title, section: metric.section, unit: metric.unit, definition: metric.definition, countsPeople: metric.countsPeople };
}

function figureOf(r: CoopReturn, metric: string, breakdown: Breakdown | null): ReturnFigure | undefined {
  return r.figures.find((f) => f.metric === metric && sameCell(f.breakdown, breakdown));
}

function totalOf(r: CoopReturn, metric: string): number | null {
  const value = figureOf(r, metric, null)?.value;
  return typeof value === 'number' ? value : null;
}

/** A breakdown's categories: the vocabulary, or for localities every locality any co-op reported, sorted. */
function categoriesOf(dimension: BreakdownDimension, metric: string, returns: readonly CoopReturn[]): string[] {
  const vocabulary = DIMENSION_VOCABULARY[dimension];
  if (vocabulary) return [...vocabulary];
  const seen = new Set<string>();
  for (const r of returns) for (const f of r.figures) if (f.metric === metric && dimensionOf(f.breakdown) === dimension) seen.add(f.breakdown![dimension]!);
  return [...seen].sort((a, b) => a.localeCompare(b, 'en-GB'));
}

/** Hours carry two decimals, so sums are rounded to them; whole counts stay whole. */
const tidy = (n: number) => Math.round(n * 100) / 100;
const add = (values: readonly number[]) => tidy(values.reduce((a, b) => a + b, 0));

// ---------------------------------------------------------------------------------------------
// Sums
// ---------------------------------------------------------------------------------------------

function consolidateSum(metric: MetricDefinition, returns: readonly CoopReturn[], threshold: number, notes: SuppressionNote[], earlier: readonly EarlierRelease[]): ReportMetric {
  const reporting = returns.filter((r) => totalOf(r, metric.id) !== null);
  if (reporting.length === 0) {
    const breakdowns = metric.breakdowns.map((dimension) => ({ dimension, cells: categoriesOf(dimension, metric.id, returns).map((category) => ({ category, value: null })) }));
    return { ...head(metric), threshold: metric.countsPeople ? threshold : null, total: null, breakdowns, reportedBy: 0 };
  }
  if (!metric.countsPeople) {
    const breakdowns = metric.breakdowns.map((dimension) => ({
      dimension,
      cells: categoriesOf(dimension, metric.id, reporting).map((category) => ({
        category,
        value: add(reporting.map((r) => figureOf(r, metric.id, { [dimension]: category })?.value ?? 0)),
      })),
    }));
    return { ...head(metric), threshold: null, total: add(reporting.map((r) => totalOf(r, metric.id)!)), breakdowns, reportedBy: reporting.length };
  }
  if (metric.breakdowns.length === 0) {
    const contributions = reporting.map((r) => ({ coopId: r.coopId, value: totalOf(r, metric.id)! }));
    const knownBy = earlier.map((e) => ({ name: e.name, cells: [[contributions.filter((c) => e.coopIds.includes(c.coopId)).reduce((a, c) => a + c.value, 0)]] }));
    const value = add(contributions.map((c) => c.value));
    let single = publishSingleFigure(metric, { value, contributions }, { threshold, knownBy });
    const release = single.reason ? undefined : smallDifference(earlier, threshold, value, metric.id, null);
    if (release) single = { figure: SUPPRESSED, reason: DIFFERS_FROM(release) };
    if (single.reason) notes.push({ metric: metric.id, breakdown: null, reason: single.reason });
    return { ...head(metric), threshold, total: single.figure, breakdowns: [], reportedBy: reporting.length };
  }
  return consolidatePeopleTables(metric, reporting, threshold, notes, earlier);
}

interface PeopleTable {
  readonly dimension: BreakdownDimension;
  readonly categories: readonly string[];
  readonly table: FigureTable;
  readonly withheld: readonly Suppression[];
}

function consolidatePeopleTables(metric: MetricDefinition, reporting: readonly CoopReturn[], threshold: number, notes: SuppressionNote[], earlier: readonly EarlierRelease[]): ReportMetric {
  const tables = metric.breakdowns.map((dimension) => peopleTable(metric, dimension, reporting));
  const run = (hideTotal: boolean) =>
    tables.map((t) =>
      suppressSmallCounts(t.table, {
        threshold,
        knownBy: knownParts(t.table, earlier),
        hiddenFromStart: [...t.withheld, ...differingFrom(earlier, threshold, metric.id, t), ...(hideTotal ? [{ position: { kind: 'grand-total' as const }, reason: TOTAL_HIDDEN_ELSEWHERE }] : [])],
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
      if (s.position.kind === 'cell') notes.push({ metric: metric.id, breakdown: { dimension: t.dimension, category: t.categories[s.position.column] }, reason: s.reason });
    }
  });
  const totalReasons = results.flatMap((r) => r.suppressions.filter((s) => s.position.kind === 'grand-total').map((s) => s.reason));
  if (totalReasons.length) notes.push({ metric: metric.id, breakdown: null, reason: totalReasons.find((r) => r !== TOTAL_HIDDEN_ELSEWHERE) ?? totalReasons[0] });
  return { ...head(metric), threshold, total: results[0].table.grandTotal, breakdowns, reportedBy: reporting.length };
}

/** The figures of a breakdown table that differ by a small count from what an earlier release showed. */
function differingFrom(earlier: readonly EarlierRelease[], threshold: number, metric: string, t: PeopleTable): Suppression[] {
  const cells = t.table.cells[0];
  const hidden: Suppression[] = [];
  t.categories.forEach((category, column) => {
    const release = smallDifference(earlier, threshold, cells[column], metric, { dimension: t.dimension, category });
    if (release) hidden.push({ position: { kind: 'cell', row: 0, column }, reason: DIFFERS_FROM(release) });
  });
  const release = smallDifference(earlier, threshold, t.table.grandTotal, metric, null);
  if (release) hidden.push({ position: { kind: 'grand-total' }, reason: DIFFERS_FROM(release) });
  return hidden;
}

/** What a holder of each earlier release knows of a table: the parts of the co-ops it held, summed. */
function knownParts(table: FigureTable, earlier: readonly EarlierRelease[]): KnownPart[] {
  return earlier.map((e) => {
    const held = table.contributions.filter((c) => e.coopIds.includes(c.coopId));
    return { name: e.name, cells: table.cells.map((row, r) => row.map((_, c) => held.reduce((a, h) => a + h.cells[r][c], 0))) };
  });
}

/** One breakdown as a one-row table with every co-op's part; cells a co-op withheld are hidden from the start. */
function peopleTable(metric: MetricDefinition, dimension: BreakdownDimension, reporting: readonly CoopReturn[]): PeopleTable {
  const categories = categoriesOf(dimension, metric.id, reporting);
  const withheldAt = new Set<number>();
  const contributions = reporting.map((r) => {
    const cells = categories.map((category) => figureOf(r, metric.id, { [dimension]: category }));
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
    columnLabels: categories,
    cells: [cells],
    rowTotals: [grandTotal],
    columnTotals: cells,
    grandTotal,
    contributions,
  };
  const withheld = [...withheldAt].sort((a, b) => a - b).map((column): Suppression => ({ position: { kind: 'cell', row: 0, column }, reason: WITHHELD }));
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
  threshold: number,
  notes: SuppressionNote[],
  earlier: readonly EarlierRelease[],
): ReportMetric {
  const reporting = returns.filter((r) => totalOf(r, metric.id) !== null && totalOf(r, whole.id) !== null);
  if (reporting.length === 0) return { ...head(metric), threshold, total: null, breakdowns: [], reportedBy: 0 };
  const contributions = reporting.map((r) => {
    const part = totalOf(r, metric.id)!;
    return { coopId: r.coopId, cells: [[part, Math.max(0, totalOf(r, whole.id)! - part)]] };
  });
  const cells = [0, 1].map((i) => contributions.reduce((a, c) => a + c.cells[0][i], 0));
  const grandTotal = cells[0] + cells[1];
  const table: FigureTable = { rowLabels: [metric.title], columnLabels: [metric.id, `not ${metric.id}`], cells: [cells], rowTotals: [grandTotal], columnTotals: cells, grandTotal, contributions };
  const wholeHidden = isHiddenValue(wholePublished.total);
  const { table: out, suppressions } = suppressSmallCounts(table, {
    threshold,
    knownBy: knownParts(table, earlier),
    hiddenFromStart: [
      ...(wholeHidden ? [{ position: { kind: 'grand-total' as const }, reason: `secondary: ${whole.id}, which this is part of, is suppressed` as const }] : []),
      ...(() => {
        const release = smallDifference(earlier, threshold, cells[0], metric.id, null);
        return release ? [{ position: { kind: 'cell' as const, row: 0, column: 0 }, reason: DIFFERS_FROM(release) }] : [];
      })(),
    ],
  });
  const reason = suppressions.find((s) => s.position.kind === 'cell' && s.position.column === 0)?.reason;
  if (reason) notes.push({ metric: metric.id, breakdown: null, reason });
  return { ...head(metric), threshold, total: out.cells[0][0], breakdowns: [], reportedBy: reporting.length };
}

/** Two single counts published as a pair: one hidden, both hidden. */
function hideTogether(a: string, b: string, published: Map<string, ReportMetric>, notes: SuppressionNote[]): void {
  const [first, second] = [published.get(a), published.get(b)];
  if (!first || !second || first.breakdowns.length || second.breakdowns.length) throw new Error(`${a} and ${b} cannot be published as a pair`);
  for (const [hidden, shown] of [[first, second], [second, first]]) {
    if (isHiddenValue(hidden.total) && shown.total !== null && !isHiddenValue(shown.total)) {
      published.set(shown.id, { ...shown, total: SUPPRESSED });
      notes.push({ metric: shown.id, breakdown: null, reason: `secondary: published as a pair with ${hidden.id}, which is suppressed` });
    }
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
  const base = { ...head(metric), threshold: null, breakdowns: [], reportedBy: returns.length };
  if (returns.length === 0) return { ...base, total: null };
  const parts = [...c.numerator, ...c.denominator];
  const hiddenPart = parts.find((ref) => isHiddenValue(publishedValue(published, ref)) || returns.some((r) => typeof figureOf(r, ref.metric, ref.breakdown)?.value !== 'number'));
  if (hiddenPart) {
    notes.push({ metric: metric.id, breakdown: null, reason: FROM_HIDDEN_PART(describeRef(hiddenPart)) });
    return { ...base, total: SUPPRESSED };
  }
  const summed = (refs: readonly CellRef[]) => refs.reduce((a, ref) => a + returns.reduce((b, r) => b + (figureOf(r, ref.metric, ref.breakdown)!.value as number), 0), 0);
  return { ...base, total: reportPercent(summed(c.numerator), summed(c.denominator)) };
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
  const distribution = (metric.scale ?? []).map((level) => ({ value: level.value, label: level.label, coops: values.filter((v) => v === level.value).length }));
  const notRecordedBy = values.filter((v) => v === null).length;
  return { ...head(metric), threshold: null, total: null, breakdowns: [], reportedBy: returns.length - notRecordedBy, distribution, notRecordedBy };
}
