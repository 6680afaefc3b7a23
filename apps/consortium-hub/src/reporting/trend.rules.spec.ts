import { parsePeriod, trendBasisOf } from '@app/contracts';

import { ReportMetric } from './consolidation.rules';
import { TrendInput, trendSeries } from './trend.rules';

/** The same records seen through a month, a quarter and a year: 10 hours of care every day, 12 staff on every last day. */
const HOURS_A_DAY = 10;
const metric = (id: string, total: ReportMetric['total'], definition = `${id}, as defined`): ReportMetric => ({
  id,
  title: id,
  section: 'care',
  unit: id.includes('hours') ? 'hours' : 'people',
  definition,
  countsPeople: !id.includes('hours'),
  threshold: null,
  total,
  breakdowns: [],
  reportedBy: 3,
});
const input = (label: string, m: (days: number) => ReportMetric, definitionVersion = 3): TrendInput => {
  const period = parsePeriod(label)!;
  return { period, coops: 3, metric: m(period.days), definitionVersion };
};

describe('trends that line up periods of different lengths', () => {
  const hours = (days: number) => metric('care_hours_delivered', HOURS_A_DAY * days);
  const headcount = () => metric('staff_headcount', 12);
  const people = (days: number) => metric('people_supported', 40 + Math.round(days / 30));
  const mixed = (m: (days: number) => ReportMetric) => [input('2026', m), input('2026-05', m), input('2026/27-Q1', m), input('2026-Q3', m)];

  it('shows like with like by default: only the periods of one type', () => {
    const series = trendSeries('flow', mixed(hours), { periodType: 'quarter', align: false });
    expect(series.periods).toBe('quarter');
    expect(series.points.map((p) => [p.period, p.days, p.total])).toEqual([['2026-Q3', 92, 920]]);
    expect(series.points[0].perWeek).toBeUndefined();
  });

  it('lines up a month, a financial-year quarter, a quarter and a year of the same records as hours per week, each with its days', () => {
    const series = trendSeries(trendBasisOf({ id: 'care_hours_delivered', unit: 'hours' }), mixed(hours), {
      periodType: 'quarter',
      align: true,
    });
    expect(series.periods).toBe('aligned');
    expect(series.points.map((p) => [p.period, p.periodType, p.days, p.total, p.perWeek])).toEqual([
      ['2026', 'year', 365, 3650, 70],
      ['2026/27-Q1', 'fy-quarter', 91, 910, 70],
      ['2026-05', 'month', 31, 310, 70],
      ['2026-Q3', 'quarter', 92, 920, 70],
    ]);
    // The same care every day: no change per week, though the totals differ twelvefold.
    expect(series.points.slice(1).map((p) => p.change)).toEqual([0, 0, 0]);
  });

  it('lines up a stock as it is: the headcount on the last day does not grow with the period', () => {
    const series = trendSeries(trendBasisOf({ id: 'staff_headcount', unit: 'people' }), mixed(headcount), {
      periodType: 'month',
      align: true,
    });
    expect(series.basis).toBe('stock');
    expect(series.points.map((p) => p.total)).toEqual([12, 12, 12, 12]);
    expect(series.points.every((p) => p.perWeek === undefined)).toBe(true);
  });

  it('keeps people counted once in a period to one type even when asked to line up, since they neither add up nor divide by days', () => {
    const series = trendSeries(trendBasisOf({ id: 'people_supported', unit: 'people' }), mixed(people), {
      periodType: 'month',
      align: true,
    });
    expect(series.basis).toBe('people-in-period');
    expect(series.periods).toBe('month');
    expect(series.points.map((p) => p.period)).toEqual(['2026-05']);
  });

  it('marks a break in series where the definition changed between versions, with no change across it', () => {
    const inputs = [
      input('2026-Q1', () => metric('goals_improved', 10, 'improved: any rise'), 2),
      input('2026-Q2', () => metric('goals_improved', 12, 'improved: any rise'), 2),
      input('2026-Q3', () => metric('goals_improved', 6, 'improved: a rise of 2 points or more (COPM)'), 3),
      input('2026-Q4', () => metric('goals_improved', 7, 'improved: a rise of 2 points or more (COPM)'), 3),
    ];
    const series = trendSeries('flow', inputs, { periodType: 'quarter', align: false });
    expect(series.points.map((p) => [p.period, p.breakInSeries, p.change, p.definitionVersion])).toEqual([
      ['2026-Q1', false, null, 2],
      ['2026-Q2', false, 2, 2],
      ['2026-Q3', true, null, 3],
      ['2026-Q4', false, 1, 3],
    ]);
  });

  it('keeps a suppressed figure suppressed per week, and no change next to it', () => {
    const series = trendSeries(
      'flow',
      [input('2026-05', () => metric('care_hours_delivered', { suppressed: true })), input('2026-06', hours)],
      { periodType: 'month', align: true },
    );
    expect(series.points.map((p) => [p.perWeek, p.change])).toEqual([
      [{ suppressed: true }, null],
      [70, null],
    ]);
  });

  it('classifies every metric of the current return', () => {
    expect(trendBasisOf({ id: 'volunteer_hours', unit: 'hours' })).toBe('flow');
    expect(trendBasisOf({ id: 'staff_turnover_percent', unit: 'percent' })).toBe('rate');
    expect(trendBasisOf({ id: 'members', unit: 'people' })).toBe('stock');
    expect(trendBasisOf({ id: 'staff_starters', unit: 'people' })).toBe('flow');
  });
});
