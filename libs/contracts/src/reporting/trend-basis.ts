import { MetricDefinition } from './return-definition';

/*
 * How a metric lines up across periods of different lengths, for trends.
 *
 * - `flow`: a sum over the days of the period (hours, visits, starters, spend): a year holds about
 *   twelve months of it, so periods of different lengths compare only as a rate per week.
 * - `stock`: taken on the period's last day (headcount, members, vacancies) or over a fixed window
 *   ending then (leavers in the last 12 months): compares as it is, whatever the period's length.
 * - `rate`: a percentage or a rating worked out within the figure: compares as it is (its
 *   definition says what window it covers).
 * - `people-in-period`: people active on at least one day of the period (people supported): it
 *   grows with the period's length, but not in proportion (the same person counts once in a month
 *   and once in a year), so neither a rate per week nor the figure as it is lines up: only periods
 *   of the same type compare.
 */
export const TREND_BASES = ['flow', 'stock', 'rate', 'people-in-period'] as const;
export type TrendBasis = (typeof TREND_BASES)[number];

/** Metrics taken on the last day of the period, or over a fixed window ending on it. */
const STOCKS: ReadonlySet<string> = new Set([
  'staff_headcount',
  'staff_leavers_12_months',
  'vacancies_open',
  'staff_paid_real_living_wage',
  'volunteers_active',
  'members',
]);

/** People counted once however many days of the period they were active on. */
const PEOPLE_IN_PERIOD: ReadonlySet<string> = new Set(['people_supported', 'people_visited']);

/** A metric not named above is a rate by its unit, and otherwise a flow: a sum over the period's days. */
export function trendBasisOf(metric: Pick<MetricDefinition, 'id' | 'unit'>): TrendBasis {
  if (metric.unit === 'percent' || metric.unit === 'rating') return 'rate';
  if (STOCKS.has(metric.id)) return 'stock';
  if (PEOPLE_IN_PERIOD.has(metric.id)) return 'people-in-period';
  return 'flow';
}

export const TREND_BASIS_RULES: Readonly<Record<TrendBasis, string>> = Object.freeze({
  flow: 'a sum over the days of the period: periods of different lengths line up as a rate per week (the figure over the days of its period, times 7)',
  stock: "taken on the period's last day (or over a fixed window ending then): lines up as it is, whatever the period's length",
  rate: 'a rate within the figure: lines up as it is',
  'people-in-period':
    'people active on at least one day of the period: grows with the period, not in proportion, so only periods of the same type line up',
});
