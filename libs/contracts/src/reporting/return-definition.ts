import { CONTRACT_TYPES, FUNDING_TYPES, SAFEGUARDING_CATEGORIES, SERVICE_TYPES, STAKEHOLDER_CLASSES } from '../vocabulary';
import { PeriodType } from './return-period';

/**
 * The shape of a return definition: a versioned data set of metrics that every co-op node computes
 * from its own records and the hub validates and consolidates. A definition is data, so a new
 * version is a new constant beside the old one, never an edit of it: submissions already made
 * against a version must keep meaning what they meant.
 */

/** Where a metric sits in the report; workforce counts of people get the higher disclosure threshold. */
export const REPORT_SECTIONS = ['care', 'workforce', 'volunteering', 'governance', 'regulation'] as const;
export type ReportSection = (typeof REPORT_SECTIONS)[number];

export const REPORT_UNITS = ['people', 'hours', 'percent', 'count', 'pence', 'rating'] as const;
export type ReportUnit = (typeof REPORT_UNITS)[number];

/**
 * The ways a figure may be broken down. A cell of a one-way breakdown names one dimension; a cell of
 * a two-way breakdown (`CrossBreakdown`) names two. `contract` is a consortium contract's id, as the
 * hub issued it when the council awarded it.
 */
export const BREAKDOWN_DIMENSIONS = [
  'locality',
  'service_type',
  'funding_type',
  'contract_type',
  'stakeholder_class',
  'contract',
  'safeguarding_category',
] as const;
export type BreakdownDimension = (typeof BREAKDOWN_DIMENSIONS)[number];

/**
 * One cell of a breakdown, e.g. `{ funding_type: 'self-funder' }`, or of a two-way breakdown,
 * `{ locality: 'Marsden', service_type: 'personal-care' }`; null is the metric's total.
 */
export type Breakdown = Partial<Record<BreakdownDimension, string>>;

/**
 * A two-way breakdown: a table whose rows are the values of the first dimension and columns those of
 * the second, one cell for each pair. Its margins are the metric's one-way breakdowns by each
 * dimension, which the metric must also have.
 */
export interface CrossBreakdown {
  readonly rows: BreakdownDimension;
  readonly columns: BreakdownDimension;
  /**
   * One person can count in several cells of a row (a person with visits of two service types
   * counts under both), so a row's cells add up to at least its one-way cell, not to it. Without
   * this, cells add up to their margins both ways (hours do).
   */
  readonly overlapping?: true;
}

/**
 * The values each dimension may take. Localities are each co-op's own public localities (its
 * profile) and contracts each co-op's own consortium contracts, so they are not fixed lists:
 * `validateReturn` checks them against the lists it is given.
 */
export const DIMENSION_VOCABULARY: Readonly<Record<BreakdownDimension, readonly string[] | null>> = Object.freeze({
  locality: null,
  service_type: SERVICE_TYPES,
  funding_type: FUNDING_TYPES,
  contract_type: CONTRACT_TYPES,
  stakeholder_class: STAKEHOLDER_CLASSES,
  contract: null,
  safeguarding_category: SAFEGUARDING_CATEGORIES,
});

export interface MetricValidation {
  readonly type: 'integer' | 'decimal';
  readonly min: number;
  readonly max: number;
  /** Most decimal places a decimal value may carry. */
  readonly decimals?: number;
  /** Whether null is a valid value (a rate with nothing to divide by, a fact not recorded). */
  readonly nullable: boolean;
}

/** A figure another metric is computed from: a metric's total (breakdown null) or one of its cells. */
export interface CellRef {
  readonly metric: string;
  readonly breakdown: Breakdown | null;
}

/**
 * How the hub combines one co-op's figures with another's. Rates are never averaged: the hub sums
 * their parts across co-ops and divides, which is why every rate names its parts.
 */
export type Consolidation =
  | { readonly kind: 'sum' }
  /** 100 × (sum of the numerator figures) / (sum of the denominator figures), one decimal place; null when the denominator is 0. */
  | { readonly kind: 'ratio'; readonly numerator: readonly CellRef[]; readonly denominator: readonly CellRef[] }
  /** The mean of the co-ops' values weighted by another figure (e.g. mean turnout weighted by ballots held). */
  | { readonly kind: 'weighted-mean'; readonly weight: CellRef }
  /** A categorical value (a rating): the hub counts co-ops per value, it does not add them. */
  | { readonly kind: 'distribution' };

export interface RatingLevel {
  readonly value: number;
  readonly label: string;
}

export interface MetricDefinition {
  /** snake_case, stable for the life of the definition version. */
  readonly id: string;
  readonly title: string;
  readonly section: ReportSection;
  /** Plain English: what is counted, from which records, on which days. */
  readonly definition: string;
  readonly unit: ReportUnit;
  /** A count of people (or of events about identifiable people): small counts need disclosure control before anyone sees them. */
  readonly countsPeople: boolean;
  /** One-way breakdowns reported besides the total; each needs a cell for every value of its vocabulary. */
  readonly breakdowns: readonly BreakdownDimension[];
  /** Two-way breakdowns (a cell for every pair of values); both dimensions are among `breakdowns`, unless the rows overlap. */
  readonly crossBreakdowns?: readonly CrossBreakdown[];
  /**
   * For organisational figures that describe the care of identifiable people (hours by locality and
   * service type): the count of people behind each of its cells, a metric with the same
   * breakdowns. The hub shows a cell only where the people behind it may be shown, so that one
   * person's care hours are never published.
   */
  readonly peopleBehind?: string;
  /** A required metric must be in every return; an optional one may be left out or sent as null (not recorded). */
  readonly required: boolean;
  readonly validation: MetricValidation;
  readonly consolidation: Consolidation;
  /**
   * For a count of people who are all also counted in another metric's total (staff paid the Real
   * Living Wage, of the staff headcount): the hub publishes the two as one table, so the people
   * left out (headcount less those paid it) cannot be worked out when they are few.
   */
  readonly subsetOf?: string;
  /**
   * Another count of people published with this one, hidden whenever this one is and the other way
   * round: starters and leavers, because last quarter's headcount and this quarter's give their
   * difference, so one shown would give the other away.
   */
  readonly publishedWith?: string;
  /** For unit `rating`: what each coded value means. */
  readonly scale?: readonly RatingLevel[];
}

export interface ReturnDefinition {
  /** kebab-case, e.g. ccm-quarterly. */
  readonly id: string;
  readonly version: number;
  readonly title: string;
  /** The kinds of period a cycle may ask this definition for (return-period.ts). */
  readonly periodTypes: readonly PeriodType[];
  readonly metrics: readonly MetricDefinition[];
}

/** One figure of a return: the plain shape of `ReturnFigureV1`, for code that builds or reads figures. */
export interface ReturnFigure {
  metric: string;
  breakdown: Breakdown | null;
  value: number | null;
  suppressedOnNode?: true;
}

/** A return's figures: the plain shape of `ReturnFiguresV1`. */
export interface ReturnFigures {
  definitionId: string;
  definitionVersion: number;
  period: { label: string; start: string; end: string };
  figures: ReturnFigure[];
}

export const METRIC_ID_PATTERN = /^[a-z][a-z0-9]*(?:_[a-z0-9]+)*$/;
export const DEFINITION_ID_PATTERN = /^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/;

export function findMetric(definition: ReturnDefinition, id: string): MetricDefinition | undefined {
  return definition.metrics.find((m) => m.id === id);
}

/** The dimensions a breakdown cell names, in the order of BREAKDOWN_DIMENSIONS (none for the total). */
export function dimensionsOf(breakdown: Breakdown | null): BreakdownDimension[] {
  if (breakdown === null) return [];
  return BREAKDOWN_DIMENSIONS.filter((d) => breakdown[d] !== undefined);
}

/** The metric's two-way breakdown a cell belongs to, if it names exactly that breakdown's two dimensions. */
export function crossBreakdownOf(metric: MetricDefinition, breakdown: Breakdown | null): CrossBreakdown | undefined {
  const keys = breakdown === null ? [] : Object.keys(breakdown);
  if (keys.length !== 2) return undefined;
  return metric.crossBreakdowns?.find((c) => keys.includes(c.rows) && keys.includes(c.columns) && c.rows !== c.columns);
}

/** The one dimension a breakdown cell names, or null for the total (or a cell of a two-way breakdown, or a malformed one). */
export function dimensionOf(breakdown: Breakdown | null): BreakdownDimension | null {
  if (breakdown === null) return null;
  const keys = Object.keys(breakdown) as BreakdownDimension[];
  return keys.length === 1 ? keys[0] : null;
}

/** Two breakdowns name the same cell. */
export function sameCell(a: Breakdown | null, b: Breakdown | null): boolean {
  if (a === null || b === null) return a === b;
  const keys = Object.keys(a);
  return keys.length === Object.keys(b).length && keys.every((k) => a[k as BreakdownDimension] === b[k as BreakdownDimension]);
}

/** A share as a percentage to one decimal place, or null when there is nothing to share out. */
export function reportPercent(part: number, whole: number): number | null {
  return whole === 0 ? null : Math.round((part * 1000) / whole) / 10;
}

/**
 * The value of a ratio metric from its parts, as the node computes it and the hub recomputes it
 * from consolidated parts. `valueOf` gives a part's value; any part missing or withheld (undefined
 * or null) leaves the ratio unknown (undefined).
 */
export function ratioValue(
  consolidation: Extract<Consolidation, { kind: 'ratio' }>,
  valueOf: (ref: CellRef) => number | null | undefined,
): number | null | undefined {
  let numerator = 0;
  let denominator = 0;
  for (const ref of consolidation.numerator) {
    const v = valueOf(ref);
    if (v === null || v === undefined) return undefined;
    numerator += v;
  }
  for (const ref of consolidation.denominator) {
    const v = valueOf(ref);
    if (v === null || v === undefined) return undefined;
    denominator += v;
  }
  return reportPercent(numerator, denominator);
}
