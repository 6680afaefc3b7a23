import { ParsedPeriod, PeriodType, TREND_BASIS_RULES, TrendBasis } from '@app/contracts';

import { ReportBreakdown, ReportMetric, ReportValue } from './consolidation.rules';

/*
 * Trends that line up periods honestly. A series holds like with like: periods of one type (twelve
 * months, or four financial-year quarters), or, when asked to line up periods of every type
 * (`align`), flows as a rate per week -- a year's hours over its 365 days times 7 beside a month's
 * over its 31 -- with each point's days stated, stocks and rates as they are, and people counted
 * once in a period (people supported) only among periods of one type, because they neither add up
 * nor divide by days. A point whose metric reads differently from the point before (its definition
 * changed between versions of the return) starts a new series: it is marked as a break and no change
 * is worked out across it.
 */

export interface TrendInput {
  readonly period: ParsedPeriod;
  readonly release?: number;
  readonly coops: number;
  readonly metric: ReportMetric;
  /** The return definition's version the cycle asked for. */
  readonly definitionVersion: number;
}

export interface TrendPoint {
  readonly period: string;
  readonly periodType: PeriodType;
  readonly start: string;
  readonly end: string;
  readonly days: number;
  readonly release?: number;
  readonly definitionVersion: number;
  readonly coopsCovered: number;
  /** The figure as the report gives it. */
  readonly total: ReportValue;
  /** A flow over its period's days times 7, when periods of different lengths are lined up. */
  readonly perWeek?: ReportValue;
  /** From the point before, in what the series compares (per week when lined up); null across a break, or when either is not a number. */
  readonly change: number | null;
  /** The metric's definition changed from the point before: a new series starts here. */
  readonly breakInSeries: boolean;
  readonly breakdowns: readonly ReportBreakdown[];
  readonly distribution?: ReportMetric['distribution'];
}

export interface TrendSeries {
  readonly basis: TrendBasis;
  readonly basisRule: string;
  /** The period type of every point, or 'aligned' when flows of every type are lined up per week. */
  readonly periods: PeriodType | 'aligned';
  readonly points: readonly TrendPoint[];
}

const round2 = (n: number) => Math.round(n * 100) / 100;

function perWeek(value: ReportValue, days: number): ReportValue {
  return typeof value === 'number' ? round2((value / days) * 7) : value;
}

/** The series of one metric: `periodType` picks the periods, unless `align` lines up every type (flows per week). */
export function trendSeries(
  basis: TrendBasis,
  inputs: readonly TrendInput[],
  options: { periodType: PeriodType; align: boolean },
): TrendSeries {
  // People counted once in a period cannot be lined up across lengths: their series stays of one type.
  const align = options.align && basis !== 'people-in-period';
  const chosen = inputs
    .filter((i) => align || i.period.type === options.periodType)
    .sort((a, b) => a.period.start.localeCompare(b.period.start) || a.period.days - b.period.days);
  const scaled = align && basis === 'flow';
  let previous: { compared: ReportValue; definition: string } | undefined;
  const points = chosen.map((input): TrendPoint => {
    const m = input.metric;
    const compared = scaled ? perWeek(m.total, input.period.days) : m.total;
    const breakInSeries = previous !== undefined && previous.definition !== m.definition;
    const point: TrendPoint = {
      period: input.period.label,
      periodType: input.period.type,
      start: input.period.start,
      end: input.period.end,
      days: input.period.days,
      ...(input.release ? { release: input.release } : {}),
      definitionVersion: input.definitionVersion,
      coopsCovered: input.coops,
      total: m.total,
      ...(scaled ? { perWeek: compared } : {}),
      change: breakInSeries ? null : change(previous?.compared, compared),
      breakInSeries,
      breakdowns: scaled
        ? m.breakdowns.map((b) => ({ ...b, cells: b.cells.map((c) => ({ ...c, value: perWeek(c.value, input.period.days) })) }))
        : m.breakdowns,
      ...(m.distribution ? { distribution: m.distribution } : {}),
    };
    previous = { compared, definition: m.definition };
    return point;
  });
  return { basis, basisRule: TREND_BASIS_RULES[basis], periods: align ? 'aligned' : options.periodType, points };
}

function change(previous: ReportValue | undefined, current: ReportValue): number | null {
  if (typeof previous !== 'number' || typeof current !== 'number') return null;
  return round2(current - previous);
}
