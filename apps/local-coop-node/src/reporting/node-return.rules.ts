import {
  Breakdown,
  BreakdownDimension,
  COPM_MEANINGFUL_CHANGE,
  CrossBreakdown,
  crossBreakdownOf,
  dimensionOf,
  dimensionsOf,
  MetricDefinition,
  ratioValue,
  ReturnDefinition,
  ReturnFigure,
  sameCell,
  SERVICE_TYPES,
} from '@app/contracts';

/** The co-op's calendar, the care feature's: a visit belongs to the day it starts on in this zone. */
export const REPORTING_TIME_ZONE = 'Europe/London';

/**
 * Whether a definition counts what the node records from version 3 on (COPM's meaningful change,
 * safeguarding concerns, its own purchases, the Type B share, visits tagged with their contract). A
 * return asked for under an older version keeps that version's meaning, so it is computed as before.
 */
export function countsNodeRecords(definition: Pick<ReturnDefinition, 'id' | 'version'>): boolean {
  return definition.id !== 'ccm-quarterly' || definition.version >= 3;
}

/** The rise in a COPM score that makes a goal "improved": any rise (1 point) before version 3, the clinically meaningful change from it. */
export function goalImprovementRise(definition: Pick<ReturnDefinition, 'id' | 'version'>): number {
  return countsNodeRecords(definition) ? COPM_MEANINGFUL_CHANGE : 1;
}

/**
 * The figures as the requested definition means them: where version 3 gave a metric a new meaning,
 * `recorded` (the node's records) replaces `earlier` (what versions 1 and 2 send) for version 3 on.
 */
export function figuresForVersion(
  definition: Pick<ReturnDefinition, 'id' | 'version'>,
  earlier: readonly ReturnFigure[],
  recorded: readonly ReturnFigure[],
): ReturnFigure[] {
  if (!countsNodeRecords(definition)) return [...earlier];
  const replaced = new Set(recorded.map((f) => f.metric));
  return [...earlier.filter((f) => !replaced.has(f.metric)), ...recorded];
}

/**
 * A metric's total and one cell per value of the dimension's vocabulary, zeros filled in (a missing
 * row from GROUP BY is a zero, not an unknown). Values found that are not in the vocabulary follow,
 * so that validation can name them; they never leave the node (see `withholdOnNode`).
 */
export function breakdownFigures(
  metric: string,
  dimension: BreakdownDimension,
  vocabulary: readonly string[],
  cells: ReadonlyMap<string, number>,
): ReturnFigure[] {
  const extra = [...cells.keys()].filter((k) => !vocabulary.includes(k)).sort();
  return [...vocabulary, ...extra].map((value) => ({ metric, breakdown: { [dimension]: value }, value: cells.get(value) ?? 0 }));
}

/**
 * A two-way breakdown's cells, one for every pair of values, zeros filled in; `cells` is keyed by
 * the row value and column value joined with a NUL. Row values found outside the row vocabulary
 * follow (validation names them, and `withholdOnNode` keeps them from leaving the node).
 */
export function crossFigures(
  metric: string,
  [rows, rowValues]: [BreakdownDimension, readonly string[]],
  [columns, columnValues]: [BreakdownDimension, readonly string[]],
  cells: ReadonlyMap<string, number>,
): ReturnFigure[] {
  const seen = [...cells.keys()].map((k) => k.split('\u0000')[0]);
  const extra = [...new Set(seen.filter((r) => !rowValues.includes(r)))].sort();
  return [...rowValues, ...extra].flatMap((r) =>
    columnValues.map((c) => ({ metric, breakdown: { [rows]: r, [columns]: c }, value: cells.get(`${r}\u0000${c}`) ?? 0 })),
  );
}

/** Every figure in the definition's order, each rate computed from its parts exactly as the hub will recompute it. */
export function withRates(definition: ReturnDefinition, base: readonly ReturnFigure[]): ReturnFigure[] {
  const valueOf = (metric: string, breakdown: Breakdown | null) =>
    base.find((f) => f.metric === metric && sameCell(f.breakdown, breakdown))?.value;
  return definition.metrics.flatMap((m): ReturnFigure[] => {
    const c = m.consolidation;
    // Only the breakdowns this version has: the node computes the current one's, a cycle may ask for an older one.
    if (c.kind !== 'ratio') return base.filter((f) => f.metric === m.id && hasBreakdown(m, f.breakdown));
    return [{ metric: m.id, breakdown: null, value: ratioValue(c, (ref) => valueOf(ref.metric, ref.breakdown)) ?? null }];
  });
}

function hasBreakdown(metric: MetricDefinition, breakdown: Breakdown | null): boolean {
  const dimensions = dimensionsOf(breakdown);
  if (dimensions.length === 0) return true;
  if (dimensions.length === 1) return metric.breakdowns.includes(dimensions[0]);
  return crossBreakdownOf(metric, breakdown) !== undefined;
}

export interface NodeDisclosure {
  /** Counts of people from 1 to this in a breakdown cell are withheld. */
  threshold: number;
  /** The co-op's public localities: the only locality names that may leave the node. */
  localities: readonly string[];
}

/**
 * The figures as they may leave the node. A breakdown cell counting 1 to `threshold` people is
 * withheld. Because the total goes too, a lone withheld cell could be recovered by subtraction, so
 * one more cell of the same breakdown is withheld with it (the smallest, preferring one that is not
 * zero). A rate computed from a withheld cell would give it back too, so it is withheld as well.
 * Cells for a locality that is not one of the co-op's public localities are left out altogether.
 */
export function withholdOnNode(definition: ReturnDefinition, figures: readonly ReturnFigure[], d: NodeDisclosure): ReturnFigure[] {
  const kept = figures.filter((f) => f.breakdown?.locality === undefined || d.localities.includes(f.breakdown.locality));
  const withheld = new Set<ReturnFigure>();
  for (const metric of definition.metrics.filter((m) => m.countsPeople)) {
    for (const cross of metric.crossBreakdowns ?? []) withholdCrossCells(metric.id, cross, kept, d.threshold, withheld);
    for (const dimension of metric.breakdowns) {
      const cells = kept.filter((f) => f.metric === metric.id && dimensionOf(f.breakdown) === dimension && typeof f.value === 'number');
      const small = cells.filter((c) => c.value! >= 1 && c.value! <= d.threshold);
      small.forEach((c) => withheld.add(c));
      if (small.length !== 1) continue;
      // Stable sort: among equals, the vocabulary's order decides, so the choice is the same every time.
      const complement = cells
        .filter((c) => !withheld.has(c))
        .sort((a, b) => Number(a.value === 0) - Number(b.value === 0) || a.value! - b.value!)[0];
      if (complement) withheld.add(complement);
    }
  }
  const isWithheld = (metric: string, breakdown: Breakdown | null) =>
    [...withheld].some((w) => w.metric === metric && sameCell(w.breakdown, breakdown));
  for (const metric of definition.metrics) {
    const c = metric.consolidation;
    if (c.kind !== 'ratio' || ![...c.numerator, ...c.denominator].some((ref) => isWithheld(ref.metric, ref.breakdown))) continue;
    kept.filter((f) => f.metric === metric.id).forEach((f) => withheld.add(f));
  }
  return kept.map((f) => (withheld.has(f) ? { metric: f.metric, breakdown: f.breakdown, value: null, suppressedOnNode: true } : f));
}

/**
 * Small cells of a two-way table of people are withheld; a line with one withheld cell gets a second
 * (the smallest, preferring one not zero), until no line has one alone, because the line's one-way
 * cell would give it back. Rows whose people may count in several cells (`overlapping`) add up to no
 * one-way cell, so only columns need a second cell, and only when the columns' one-way cells are
 * sent.
 */
function withholdCrossCells(
  metric: string,
  cross: CrossBreakdown,
  figures: readonly ReturnFigure[],
  threshold: number,
  withheld: Set<ReturnFigure>,
): void {
  const cells = figures.filter((f) => f.metric === metric && crossBreakdownOfCell(f.breakdown, cross) && typeof f.value === 'number');
  cells.filter((c) => c.value! >= 1 && c.value! <= threshold).forEach((c) => withheld.add(c));
  const margins = (dimension: BreakdownDimension) => figures.some((f) => f.metric === metric && dimensionOf(f.breakdown) === dimension);
  const lineDimensions = [
    ...(cross.overlapping ? [] : [cross.rows]),
    ...(cross.overlapping && !margins(cross.columns) ? [] : [cross.columns]),
  ].filter(margins);
  for (let changed = true; changed;) {
    changed = false;
    for (const dimension of lineDimensions) {
      const lines = new Map<string, ReturnFigure[]>();
      for (const c of cells)
        (lines.get(c.breakdown![dimension]!) ?? lines.set(c.breakdown![dimension]!, []).get(c.breakdown![dimension]!)!).push(c);
      for (const line of lines.values()) {
        if (line.filter((c) => withheld.has(c)).length !== 1) continue;
        const partner = line
          .filter((c) => !withheld.has(c))
          .sort((a, b) => Number(a.value === 0) - Number(b.value === 0) || a.value! - b.value!)[0];
        if (partner) {
          withheld.add(partner);
          changed = true;
        }
      }
    }
  }
}

const crossBreakdownOfCell = (breakdown: Breakdown | null, cross: CrossBreakdown) =>
  breakdown !== null &&
  Object.keys(breakdown).length === 2 &&
  breakdown[cross.rows] !== undefined &&
  breakdown[cross.columns] !== undefined;

/** What a consortium contract gives the return: its contracted and delivered hours in the period and its service. */
export interface ContractPeriodHours {
  contractId: string;
  serviceType: string;
  contractedHours: number;
  deliveredHours: number;
}

/**
 * Delivered against contracted hours of the co-op's consortium contracts, in total, by service type
 * and per contract (each contract that ran in the period): organisational figures (hours), so
 * nothing here is withheld.
 */
export function contractFigures(contracts: readonly ContractPeriodHours[]): ReturnFigure[] {
  const hundredths = (n: number) => Math.round(n * 100);
  const byService = (pick: (c: ContractPeriodHours) => number) =>
    new Map(
      SERVICE_TYPES.map((service) => [
        service,
        contracts.filter((c) => c.serviceType === service).reduce((a, c) => a + hundredths(pick(c)), 0) / 100,
      ]),
    );
  return (['contract_hours_contracted', 'contract_hours_delivered'] as const).flatMap((metric) => {
    const cells = byService((c) => (metric === 'contract_hours_contracted' ? c.contractedHours : c.deliveredHours));
    const total = [...cells.values()].reduce((a, v) => a + hundredths(v), 0) / 100;
    const pick = (c: ContractPeriodHours) => (metric === 'contract_hours_contracted' ? c.contractedHours : c.deliveredHours);
    const perContract = contracts.map((c): ReturnFigure => ({
      metric,
      breakdown: { contract: c.contractId },
      value: hundredths(pick(c)) / 100,
    }));
    return [{ metric, breakdown: null, value: total }, ...breakdownFigures(metric, 'service_type', SERVICE_TYPES, cells), ...perContract];
  });
}

/** A share of people sent without its parts: how many are in it, of how many. */
export interface ShareCount {
  metric: string;
  part: number;
  whole: number;
}

/**
 * A share sent without its parts can still give people away: with the headcount published beside it,
 * a share of few people is a small count, and a share where at most a few are left out tells that
 * nearly everyone (or everyone) has the attribute. Such a share is withheld: when 1 to `threshold`
 * people are in it, or when it has people and at most `threshold` are not in it.
 */
export function withholdSharesOfFew(figures: readonly ReturnFigure[], shares: readonly ShareCount[], threshold: number): ReturnFigure[] {
  const few = new Set(shares.filter((s) => s.part >= 1 && (s.part <= threshold || s.whole - s.part <= threshold)).map((s) => s.metric));
  return figures.map((f) =>
    few.has(f.metric) && f.breakdown === null && f.value !== null
      ? { metric: f.metric, breakdown: null, value: null, suppressedOnNode: true }
      : f,
  );
}
