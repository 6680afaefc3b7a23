import { BreakdownDimension, CellRef, MetricDefinition, MetricValidation, ReturnDefinition } from './return-definition';
import { CURRENT_RETURN_DEFINITION, RETURN_DEFINITIONS } from './return-definitions';
import { PERIOD_TYPE_RULES, PeriodType } from './return-period';

/*
 * Every return definition in words, for GET /reporting/definitions on the hub and on each node: what
 * each metric counts, its unit, breakdowns, validation, how the hub combines it across co-ops and how
 * disclosure control treats it. Worked out from the definitions themselves, so the words cannot
 * drift from the rules that apply.
 */

/** What a node withholds unless its admin set REPORTING_NODE_THRESHOLD otherwise (the hub describes nodes with it). */
export const DEFAULT_NODE_THRESHOLD = 2;

/** The thresholds the app applies (the hub's for publishing, a node's for what it withholds). */
export interface DisclosureThresholds {
  /** Counts of people from 1 to this are suppressed in the consortium report. */
  readonly threshold: number;
  /** The same for workforce counts. */
  readonly workforceThreshold: number;
  /** A node withholds breakdown cells of people from 1 to this before they leave it. */
  readonly nodeThreshold: number;
}

export interface PeriodTypeDescription {
  readonly type: PeriodType;
  readonly rule: string;
}

export interface MetricDescription {
  readonly id: string;
  readonly title: string;
  readonly section: MetricDefinition['section'];
  readonly definition: string;
  readonly unit: MetricDefinition['unit'];
  readonly countsPeople: boolean;
  readonly required: boolean;
  readonly breakdowns: readonly BreakdownDimension[];
  /** Two-way breakdowns, each as `rows × columns`. */
  readonly crossBreakdowns: readonly string[];
  readonly validation: MetricValidation & { readonly rule: string };
  readonly consolidation: { readonly kind: MetricDefinition['consolidation']['kind']; readonly rule: string };
  readonly disclosure: string;
  /** Whether this version changed the metric's definition from the version before (a break in a trend's series). */
  readonly changedFromPreviousVersion: boolean;
}

export interface DefinitionDescription {
  readonly id: string;
  readonly version: number;
  readonly title: string;
  /** The definition new cycles ask for. */
  readonly current: boolean;
  readonly periodTypes: readonly PeriodTypeDescription[];
  readonly metrics: readonly MetricDescription[];
}

const number = (n: number) => n.toLocaleString('en-GB');

export function validationRule(v: MetricValidation): string {
  const kind =
    v.type === 'integer'
      ? `a whole number from ${number(v.min)} to ${number(v.max)}`
      : `a number from ${number(v.min)} to ${number(v.max)} with at most ${v.decimals ?? 'any'} decimal place${v.decimals === 1 ? '' : 's'}`;
  return v.nullable ? `${kind}, or null (not recorded, or a rate with nothing to divide by)` : kind;
}

const refText = (ref: CellRef) =>
  ref.breakdown === null
    ? ref.metric
    : `${ref.metric} (${Object.entries(ref.breakdown)
        .map(([k, v]) => `${k} ${v}`)
        .join(', ')})`;

export function consolidationRule(metric: MetricDefinition): string {
  const c = metric.consolidation;
  switch (c.kind) {
    case 'sum':
      return metric.required
        ? 'summed across co-ops; each breakdown cell summed the same way; hours to two decimal places'
        : 'summed across the co-ops that record it (the report says how many in reportedBy); null when none does';
    case 'ratio':
      return (
        `100 × (the sum across co-ops of ${c.numerator.map(refText).join(' + ')}) / (the sum of ${c.denominator.map(refText).join(' + ')}), ` +
        "to one decimal place: worked out from the summed parts, never an average of the co-ops' rates; null when the denominator is 0"
      );
    case 'weighted-mean':
      return `the mean of the co-ops' values weighted by ${refText(c.weight)}, to one decimal place; co-ops with no weight left out`;
    case 'distribution':
      return 'not added up: the report counts the co-ops at each level of the scale, and those that recorded none';
  }
}

export function disclosureRule(metric: MetricDefinition, definition: ReturnDefinition, t: DisclosureThresholds): string {
  if (metric.countsPeople) {
    const threshold = metric.section === 'workforce' ? t.workforceThreshold : t.threshold;
    const parts = [
      `a count of people: a figure from 1 to ${threshold} is suppressed${metric.section === 'workforce' ? ' (the workforce threshold: Skills for Care publishes no group under 10)' : ''}, ` +
        'and further figures wherever a suppressed one could be worked out: from totals, by a co-op or any two pooling taking away their own part, or from an earlier release',
    ];
    if (metric.breakdowns.length || metric.crossBreakdowns?.length)
      parts.push(`a node withholds a breakdown cell of 1 to ${t.nodeThreshold} people, with a second cell, before it sends the return`);
    if (metric.subsetOf)
      parts.push(`published as a table with ${metric.subsetOf}, which it is part of, so the people left out are protected too`);
    if (metric.publishedWith) parts.push(`published as a pair with ${metric.publishedWith}: one suppressed, both suppressed`);
    if (metric.crossBreakdowns?.length) parts.push('its two-way cells are shown under the same pattern as the hours they stand behind');
    return parts.join('; ');
  }
  if (metric.peopleBehind)
    return (
      `hours of the care of identifiable people: each figure (a cell, a locality, a service type, the total) is shown only where the people behind it (${metric.peopleBehind}) may be, ` +
      `judged by distinct people with a threshold of ${t.threshold}, against each co-op and any two pooling, and against earlier releases, with the same secondary suppression as the people table`
    );
  const c = metric.consolidation;
  if (c.kind === 'ratio') {
    const parts = [...c.numerator, ...c.denominator].map((ref) => definition.metrics.find((m) => m.id === ref.metric));
    if (parts.some((m) => m?.countsPeople))
      return 'a rate: suppressed whenever a count of people it is worked out from is suppressed, or withheld on a node';
  }
  return 'an organisational figure (hours, money, a rate of events, a rating): shown as it is';
}

/** Whether a metric reads differently in a definition's previous version (or is new in it). */
export function changedFrom(previous: ReturnDefinition | undefined, metric: MetricDefinition): boolean {
  const before = previous?.metrics.find((m) => m.id === metric.id);
  return before !== undefined && before.definition !== metric.definition;
}

export function describeDefinition(definition: ReturnDefinition, thresholds: DisclosureThresholds): DefinitionDescription {
  const previous = RETURN_DEFINITIONS.find((d) => d.id === definition.id && d.version === definition.version - 1);
  return {
    id: definition.id,
    version: definition.version,
    title: definition.title,
    current: definition === CURRENT_RETURN_DEFINITION,
    periodTypes: definition.periodTypes.map((type) => ({ type, rule: PERIOD_TYPE_RULES[type] })),
    metrics: definition.metrics.map((m) => ({
      id: m.id,
      title: m.title,
      section: m.section,
      definition: m.definition,
      unit: m.unit,
      countsPeople: m.countsPeople,
      required: m.required,
      breakdowns: m.breakdowns,
      crossBreakdowns: (m.crossBreakdowns ?? []).map((x) => `${x.rows} × ${x.columns}`),
      validation: { ...m.validation, rule: validationRule(m.validation) },
      consolidation: { kind: m.consolidation.kind, rule: consolidationRule(m) },
      disclosure: disclosureRule(m, definition, thresholds),
      changedFromPreviousVersion: changedFrom(previous, m),
    })),
  };
}

/** Every definition and version the app knows, newest version of each first. */
export function describeDefinitions(thresholds: DisclosureThresholds): DefinitionDescription[] {
  return [...RETURN_DEFINITIONS]
    .sort((a, b) => a.id.localeCompare(b.id) || b.version - a.version)
    .map((d) => describeDefinition(d, thresholds));
}
