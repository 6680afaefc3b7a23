import { BadRequestException, Injectable } from '@nestjs/common';

import { CURRENT_RETURN_DEFINITION, PeriodType } from '@app/contracts';
import { DomainError } from '@app/platform';

import { ConsolidatedReports } from '../reporting';
import { trendChart, trendRows } from './trend-chart.rules';

/**
 * What the trends page shows: every metric of the return definition across periods, through the trends
 * API's own query (GET /reporting/trends gives one metric of the same), from each cycle's latest published
 * release, so commissioners and staff alike see published figures only, with their disclosure control.
 */
@Injectable()
export class TrendPages {
  constructor(private readonly reports: ConsolidatedReports) {}

  async trends(range: { from?: string; to?: string; periodType?: PeriodType }) {
    const sections = new Map(CURRENT_RETURN_DEFINITION.metrics.map((m) => [m.id, m.section]));
    const trends = await this.reports.trends(range);
    const metrics = trends.map((trend) => {
      const rating = trend.metric.unit === 'rating';
      return {
        ...trend.metric,
        section: sections.get(trend.metric.id),
        note: trend.note,
        rating,
        chart: rating ? null : trendChart(trend.metric.unit, trend.points),
        rows: trendRows(trend.metric.unit, trend.points),
        distribution: rating
          ? trend.points.map((p) => ({ period: p.period, levels: (p.distribution ?? []).map((d) => ({ label: d.label, coops: d.coops })) }))
          : [],
      };
    });
    const periods = [...new Set(metrics.flatMap((m) => m.rows.map((r) => r.period)))];
    return { metrics, periods, source: "each cycle's latest published release" };
  }

  csv(metric: string, range: { from?: string; to?: string; periodType?: PeriodType }) {
    return this.reports.trendCsv(metric, range).catch(invalidAsBadRequest);
  }
}

function invalidAsBadRequest(error: unknown): never {
  if (error instanceof DomainError && error.kind === 'invalid') throw new BadRequestException(error.message);
  throw error;
}
