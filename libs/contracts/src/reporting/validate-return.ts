import {
  Breakdown,
  BREAKDOWN_DIMENSIONS,
  BreakdownDimension,
  CrossBreakdown,
  crossBreakdownOf,
  DIMENSION_VOCABULARY,
  findMetric,
  MetricDefinition,
  ratioValue,
  ReturnDefinition,
  ReturnFigure,
  ReturnFigures,
  sameCell,
} from './return-definition';
import { parsePeriod, PERIOD_TYPE_RULES } from './return-period';

export const RETURN_PROBLEM_CODES = [
  'RETURN.WRONG_DEFINITION',
  'RETURN.WRONG_PERIOD',
  'RETURN.UNKNOWN_METRIC',
  'RETURN.DUPLICATE_FIGURE',
  'RETURN.MISSING_METRIC',
  'RETURN.MISSING_CELL',
  'RETURN.WRONG_DIMENSION',
  'RETURN.OUTSIDE_VOCABULARY',
  'RETURN.MISSING_VALUE',
  'RETURN.NOT_INTEGER',
  'RETURN.TOO_MANY_DECIMALS',
  'RETURN.OUT_OF_RANGE',
  'RETURN.BAD_SUPPRESSION',
  'RETURN.INCONSISTENT_RATE',
  'RETURN.CELLS_DO_NOT_ADD_UP',
  'RETURN.SUBSET_EXCEEDS_WHOLE',
] as const;
export type ReturnProblemCode = (typeof RETURN_PROBLEM_CODES)[number];

/** One thing wrong with a return, naming the metric and breakdown cell it is about (null: the return as a whole). */
export interface ReturnProblem {
  code: ReturnProblemCode;
  metric: string | null;
  breakdown: Breakdown | null;
  message: string;
}

export interface ReturnContext {
  /** The submitting co-op's public localities: when given, every locality cell must be one of them, and each needs a cell. */
  localities?: readonly string[];
  /**
   * The submitting co-op's consortium contracts: when given, every contract cell must be one of them.
   * A contract with no cell is not a problem (it may not have run in the period).
   */
  contracts?: readonly string[];
}

/** A rate may differ from what its parts give by rounding only. */
const RATE_TOLERANCE = 0.1;

/**
 * Checks a return's figures against its definition and lists every problem (none: the return is
 * valid). The figures' shape (types, bounds, unknown fields) is the payload class's to check first;
 * this checks what they mean: known metrics, the right breakdowns with values from the vocabulary,
 * every required metric and cell present once, values in range and of the right kind, withheld
 * cells only where the node may withhold, cells that add up to their total, a part no bigger than
 * its whole, and rates that agree with their parts.
 */
export function validateReturn(definition: ReturnDefinition, figures: ReturnFigures, context: ReturnContext = {}): ReturnProblem[] {
  const problems: ReturnProblem[] = [];
  const add = (code: ReturnProblemCode, metric: string | null, breakdown: Breakdown | null, message: string) =>
    problems.push({ code, metric, breakdown, message: `${where(metric, breakdown)}: ${message}` });

  if (figures.definitionId !== definition.id || figures.definitionVersion !== definition.version) {
    add(
      'RETURN.WRONG_DEFINITION',
      null,
      null,
      `the figures are for ${figures.definitionId} version ${figures.definitionVersion}, not ${definition.id} version ${definition.version}`,
    );
  }
  const period = parsePeriod(String(figures.period?.label));
  if (!period || period.start !== figures.period.start || period.end !== figures.period.end) {
    const expected = period ? `runs from ${period.start} to ${period.end}` : 'is not a period label (see return-period.ts)';
    add(
      'RETURN.WRONG_PERIOD',
      null,
      null,
      `period ${figures.period?.label} ${expected}, not ${figures.period?.start} to ${figures.period?.end}`,
    );
  } else if (!definition.periodTypes.includes(period.type)) {
    const allowed = definition.periodTypes.map((t) => PERIOD_TYPE_RULES[t]).join('; or ');
    add(
      'RETURN.WRONG_PERIOD',
      null,
      null,
      `period ${period.label} is not one ${definition.id} version ${definition.version} allows: ${allowed}`,
    );
  }

  const accepted: ReturnFigure[] = [];
  for (const f of figures.figures) {
    const breakdown = f.breakdown === null ? null : cleanBreakdown(f.breakdown);
    const metric = findMetric(definition, f.metric);
    if (!metric) {
      add('RETURN.UNKNOWN_METRIC', f.metric, breakdown, `${definition.id} version ${definition.version} has no metric ${f.metric}`);
      continue;
    }
    if (accepted.some((a) => a.metric === f.metric && sameCell(a.breakdown, breakdown))) {
      add('RETURN.DUPLICATE_FIGURE', f.metric, breakdown, 'the same figure is given more than once');
      continue;
    }
    if (breakdown !== null && !breakdownIsValid(metric, breakdown, context, (code, message) => add(code, metric.id, breakdown, message)))
      continue;
    accepted.push(f);
    checkValue(metric, { ...f, breakdown }, (code, message) => add(code, metric.id, breakdown, message));
  }

  for (const metric of definition.metrics) {
    if (!metric.required) continue;
    const mine = accepted.filter((f) => f.metric === metric.id);
    if (!mine.some((f) => f.breakdown === null))
      add('RETURN.MISSING_METRIC', metric.id, null, 'this required metric has no figure (its total)');
    for (const dimension of metric.breakdowns.filter((d) => d !== 'contract')) {
      for (const value of vocabularyOf(dimension, context) ?? []) {
        const cell = { [dimension]: value };
        if (!mine.some((f) => sameCell(f.breakdown, cell)))
          add('RETURN.MISSING_CELL', metric.id, cell, `this required metric has no figure for ${dimension} ${value}`);
      }
    }
    for (const cross of metric.crossBreakdowns ?? []) {
      for (const cell of crossCells(cross, context)) {
        if (!mine.some((f) => sameCell(f.breakdown, cell)))
          add(
            'RETURN.MISSING_CELL',
            metric.id,
            cell,
            `this required metric has no figure for ${cross.rows} and ${cross.columns} ${where('', cell)}`,
          );
      }
    }
  }

  for (const metric of definition.metrics) {
    for (const dimension of metric.breakdowns)
      checkCellsAddUp(metric, dimension, accepted, context, (message) => add('RETURN.CELLS_DO_NOT_ADD_UP', metric.id, null, message));
  }

  for (const metric of definition.metrics) {
    for (const cross of metric.crossBreakdowns ?? [])
      checkCrossAddsUp(metric, cross, accepted, context, (breakdown, message) =>
        add('RETURN.CELLS_DO_NOT_ADD_UP', metric.id, breakdown, message),
      );
  }

  for (const metric of definition.metrics) {
    if (metric.subsetOf)
      checkSubset(metric, metric.subsetOf, accepted, (breakdown, message) =>
        add('RETURN.SUBSET_EXCEEDS_WHOLE', metric.id, breakdown, message),
      );
  }

  for (const metric of definition.metrics) {
    const c = metric.consolidation;
    if (c.kind !== 'ratio') continue;
    const f = accepted.find((a) => a.metric === metric.id && a.breakdown === null);
    if (!f || f.suppressedOnNode) continue;
    const expected = ratioValue(c, (ref) => accepted.find((a) => a.metric === ref.metric && sameCell(a.breakdown, ref.breakdown))?.value);
    if (expected === undefined) continue;
    const agrees = expected === null || f.value === null ? expected === f.value : Math.abs(expected - f.value) <= RATE_TOLERANCE;
    if (!agrees) add('RETURN.INCONSISTENT_RATE', metric.id, null, `value ${f.value} does not agree with its parts, which give ${expected}`);
  }
  return problems;
}

function where(metric: string | null, breakdown: Breakdown | null): string {
  if (metric === null) return 'return';
  if (breakdown === null) return metric;
  return `${metric ? `${metric} ` : ''}[${Object.entries(breakdown)
    .map(([k, v]) => `${k}=${v}`)
    .join(', ')}]`;
}

/** The keys actually set: a class instance may carry declared but unset ones. */
function cleanBreakdown(b: Breakdown): Breakdown {
  return Object.fromEntries(Object.entries(b ?? {}).filter(([, v]) => v !== undefined));
}

function vocabularyOf(dimension: BreakdownDimension, context: ReturnContext): readonly string[] | null {
  if (dimension === 'locality') return context.localities ?? null;
  if (dimension === 'contract') return context.contracts ?? null;
  return DIMENSION_VOCABULARY[dimension];
}

/** Dimensions whose values are each co-op's own: what any value must look like when no list is given. */
const OPEN_DIMENSIONS: Partial<Record<BreakdownDimension, { test: (v: string) => boolean; what: string }>> = {
  locality: { test: (v) => v.length >= 2 && v.length <= 80, what: 'a locality name' },
  contract: {
    test: (v) => /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i.test(v),
    what: "one of the co-op's consortium contract ids",
  },
};

/** True when a cell names one of the metric's dimensions with a value from its vocabulary; otherwise says what is wrong. */
function breakdownIsValid(
  metric: MetricDefinition,
  breakdown: Breakdown,
  context: ReturnContext,
  add: (code: ReturnProblemCode, message: string) => void,
): boolean {
  const keys = Object.keys(breakdown);
  if (keys.length === 2) {
    const cross = crossBreakdownOf(metric, breakdown);
    if (!cross) {
      const crosses = (metric.crossBreakdowns ?? []).map((c) => `${c.rows} and ${c.columns}`);
      add(
        'RETURN.WRONG_DIMENSION',
        `${metric.id} is broken down two ways by ${crosses.join('; ') || 'nothing'}, not by ${keys.join(' and ')}`,
      );
      return false;
    }
    return [cross.rows, cross.columns].every((d) => valueIsKnown(d, breakdown[d], context, add));
  }
  if (keys.length !== 1) {
    add(
      'RETURN.WRONG_DIMENSION',
      `a breakdown cell names one dimension, or two of a two-way breakdown, not ${keys.length === 0 ? 'none' : keys.join(' and ')}`,
    );
    return false;
  }
  const dimension = keys[0] as BreakdownDimension;
  if (!(BREAKDOWN_DIMENSIONS as readonly string[]).includes(dimension) || !metric.breakdowns.includes(dimension)) {
    add('RETURN.WRONG_DIMENSION', `${metric.id} is broken down by ${metric.breakdowns.join(' and ') || 'nothing'}, not by ${dimension}`);
    return false;
  }
  return valueIsKnown(dimension, breakdown[dimension], context, add);
}

/** A dimension's value is one of its vocabulary (or of the co-op's own lists, or looks like one when none is given). */
function valueIsKnown(
  dimension: BreakdownDimension,
  value: string | undefined,
  context: ReturnContext,
  add: (code: ReturnProblemCode, message: string) => void,
): boolean {
  const vocabulary = vocabularyOf(dimension, context);
  const open = OPEN_DIMENSIONS[dimension];
  const known = typeof value === 'string' && (vocabulary ? vocabulary.includes(value) : (open?.test(value) ?? false));
  if (!known) {
    add(
      'RETURN.OUTSIDE_VOCABULARY',
      `${dimension} ${JSON.stringify(value)} is not ${vocabulary ? `one of ${vocabulary.join(', ')}` : (open?.what ?? 'known')}`,
    );
    return false;
  }
  return true;
}

function checkValue(
  metric: MetricDefinition,
  f: { breakdown: Breakdown | null; value: number | null; suppressedOnNode?: true },
  add: (code: ReturnProblemCode, message: string) => void,
): void {
  const rule = metric.validation;
  if (f.suppressedOnNode) {
    const mayWithhold = (metric.countsPeople && f.breakdown !== null) || metric.consolidation.kind === 'ratio';
    if (!mayWithhold)
      add('RETURN.BAD_SUPPRESSION', 'only a breakdown cell counting people, or a rate computed from one, may be withheld on the node');
    else if (f.value !== null) add('RETURN.BAD_SUPPRESSION', `a figure withheld on the node carries no value, not ${f.value}`);
    return;
  }
  const value = f.value;
  if (value === null) {
    if (!rule.nullable) add('RETURN.MISSING_VALUE', 'the value is null, and this metric needs one');
    return;
  }
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    add('RETURN.MISSING_VALUE', `the value ${JSON.stringify(value)} is not a number`);
    return;
  }
  if (rule.type === 'integer' && !Number.isInteger(value)) add('RETURN.NOT_INTEGER', `the value ${value} must be a whole number`);
  if (rule.type === 'decimal' && rule.decimals !== undefined && !hasAtMostDecimals(value, rule.decimals)) {
    add('RETURN.TOO_MANY_DECIMALS', `the value ${value} has more than ${rule.decimals} decimal place${rule.decimals === 1 ? '' : 's'}`);
  }
  if (value < rule.min || value > rule.max) add('RETURN.OUT_OF_RANGE', `the value ${value} is outside ${rule.min} to ${rule.max}`);
  if (metric.scale && Number.isInteger(value) && !metric.scale.some((level) => level.value === value)) {
    add('RETURN.OUT_OF_RANGE', `the value ${value} is not on the scale (${metric.scale.map((l) => `${l.value} ${l.label}`).join(', ')})`);
  }
}

/**
 * A one-way breakdown shares out its total: with every cell of the vocabulary present and none
 * withheld, the cells add up to it (decimals within the rounding of each cell). With cells withheld
 * on the node, the shown ones add up to the total less what is withheld; the node withholds only
 * people counts of at least 1 (and zeros only beside such a count: see `withholdOnNode`), so what is
 * withheld is at least 1, and the shown cells add up to no more than the total less one. Without this a
 * node could send shown cells bigger than their total by withholding one.
 */
function checkCellsAddUp(
  metric: MetricDefinition,
  dimension: BreakdownDimension,
  figures: readonly ReturnFigure[],
  context: ReturnContext,
  add: (message: string) => void,
): void {
  const total = figures.find((f) => f.metric === metric.id && f.breakdown === null)?.value;
  // Contracts: the cells the co-op sent are its contracts that ran in the period, so they share out the total.
  const vocabulary =
    dimension === 'contract'
      ? figures.filter((f) => f.metric === metric.id && typeof f.breakdown?.contract === 'string').map((f) => f.breakdown!.contract!)
      : vocabularyOf(dimension, context);
  // No contract cells at all: a node that does not break hours down by contract (yet) is not wrong.
  if (!vocabulary || vocabulary.length === 0 || typeof total !== 'number') return;
  let sum = 0;
  let withheld = 0;
  for (const value of vocabulary) {
    const cell = figures.find((f) => f.metric === metric.id && sameCell(f.breakdown, { [dimension]: value }));
    if (cell?.suppressedOnNode) withheld++;
    else if (!cell || typeof cell.value !== 'number') return;
    else sum += cell.value;
  }
  const tolerance = metric.validation.type === 'integer' ? 0 : 0.5 * 10 ** -(metric.validation.decimals ?? 2) * vocabulary.length + 1e-9;
  if (withheld === 0) {
    if (Math.abs(sum - total) > tolerance) add(`the ${dimension} cells add up to ${round(sum)}, not to the total ${total}`);
  } else if (sum > total - 1 + tolerance) {
    add(
      `the ${dimension} cells shown add up to ${round(sum)}, but with ${withheld} cell${withheld === 1 ? '' : 's'} withheld (at least 1 between them) ` +
        `they can add up to no more than the total ${total} less one, ${round(total - 1)}`,
    );
  }
}

/** Every cell of a two-way breakdown, when both its vocabularies are known. */
function crossCells(cross: CrossBreakdown, context: ReturnContext): Breakdown[] {
  const [rows, columns] = [vocabularyOf(cross.rows, context), vocabularyOf(cross.columns, context)];
  if (!rows || !columns) return [];
  return rows.flatMap((r) => columns.map((c) => ({ [cross.rows]: r, [cross.columns]: c })));
}

/**
 * A two-way breakdown's cells add up, line by line, to its margins (the one-way cells of each row
 * and column value), within the rounding of each cell. Where one person can count in several cells
 * of a row (`overlapping`), a row adds up to at least its margin and no cell is bigger than it. A
 * line with a cell or margin withheld on the node, or missing (reported already), is not checked.
 */
function checkCrossAddsUp(
  metric: MetricDefinition,
  cross: CrossBreakdown,
  figures: readonly ReturnFigure[],
  context: ReturnContext,
  add: (breakdown: Breakdown, message: string) => void,
): void {
  const [rows, columns] = [vocabularyOf(cross.rows, context), vocabularyOf(cross.columns, context)];
  if (!rows || !columns) return;
  const valueOf = (breakdown: Breakdown): number | undefined => {
    const f = figures.find((x) => x.metric === metric.id && sameCell(x.breakdown, breakdown));
    return f && !f.suppressedOnNode && typeof f.value === 'number' ? f.value : undefined;
  };
  // Each cell and the margin are rounded on their own: n cells and the margin, half a unit of the last place each.
  const tolerance = (n: number) =>
    metric.validation.type === 'integer' ? 0 : 0.5 * 10 ** -(metric.validation.decimals ?? 2) * (n + 1) + 1e-9;
  const lines: [BreakdownDimension, string, BreakdownDimension, readonly string[]][] = [
    ...rows.map((r): [BreakdownDimension, string, BreakdownDimension, readonly string[]] => [cross.rows, r, cross.columns, columns]),
    ...(cross.overlapping
      ? []
      : columns.map((c): [BreakdownDimension, string, BreakdownDimension, readonly string[]] => [cross.columns, c, cross.rows, rows])),
  ];
  for (const [dimension, value, across, values] of lines) {
    const margin = valueOf({ [dimension]: value });
    const cells = values.map((v) => valueOf({ [dimension]: value, [across]: v }));
    if (margin === undefined || cells.some((c) => c === undefined)) continue;
    const sum = round((cells as number[]).reduce((a, b) => a + b, 0));
    const line = { [dimension]: value };
    if (!cross.overlapping && Math.abs(sum - margin) > tolerance(values.length))
      add(line, `the cells of ${dimension} ${value} by ${across} add up to ${sum}, not to its ${dimension} cell ${margin}`);
    if (cross.overlapping && (sum < margin || (cells as number[]).some((c) => c > margin)))
      add(
        line,
        `the cells of ${dimension} ${value} by ${across} (${sum} in all, one person counting under each ${across} of theirs) ` +
          `must add up to at least its ${dimension} cell ${margin}, none bigger than it`,
      );
  }
}

/**
 * A count of people who are all also counted in another metric (staff paid the Real Living Wage, of
 * the staff headcount) is no bigger than it: its total, and any cell both give.
 */
function checkSubset(
  part: MetricDefinition,
  wholeId: string,
  figures: readonly ReturnFigure[],
  add: (breakdown: Breakdown | null, message: string) => void,
): void {
  for (const f of figures) {
    if (f.metric !== part.id || typeof f.value !== 'number' || f.suppressedOnNode) continue;
    const whole = figures.find((w) => w.metric === wholeId && sameCell(w.breakdown, f.breakdown));
    if (!whole || typeof whole.value !== 'number' || whole.suppressedOnNode) continue;
    if (f.value > whole.value)
      add(
        f.breakdown === null ? null : cleanBreakdown(f.breakdown),
        `the value ${f.value} is more than ${wholeId}, ${whole.value}, which ${part.id} is part of`,
      );
  }
}

function round(n: number): number {
  return Math.round(n * 10_000) / 10_000;
}

function hasAtMostDecimals(value: number, decimals: number): boolean {
  const scaled = value * 10 ** decimals;
  return Math.abs(scaled - Math.round(scaled)) < 1e-6;
}
