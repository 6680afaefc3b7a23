import { barShares } from '@app/web/bar-chart.rules';

import type { ReportMetric, ReportValue } from './consolidation.rules';
import { statusOf, valueText } from './report-csv.rules';

/** One row of a figure's table and one bar of its chart; a suppressed figure has no bar, never a bar of 0. */
export interface FigureRow {
  readonly label: string;
  readonly text: string;
  readonly status: 'shown' | 'suppressed' | 'not-recorded' | 'not-applicable';
  /** The bar's length from 0 to 1 of the longest: null for a figure not shown. */
  readonly share: number | null;
}

export interface FigureTableView {
  readonly caption: string;
  readonly rows: readonly FigureRow[];
  /** Whether a chart is worth drawing: two or more figures shown. */
  readonly chart: boolean;
}

interface MetricLike {
  readonly title: string;
  readonly unit: ReportMetric['unit'];
  readonly total: ReportValue;
  readonly breakdowns: readonly {
    readonly dimension: string;
    readonly cells: readonly { category: string; value: ReportValue; label?: string }[];
  }[];
}

const UNIT_SUFFIX: Record<string, string> = { percent: '%' };

/** A metric as the report page shows it: its total, and one table (with its chart) per breakdown. */
export function metricTables(metric: MetricLike): { total: string; tables: FigureTableView[] } {
  const suffix = UNIT_SUFFIX[metric.unit] ?? '';
  const text = (value: ReportValue) => {
    const plain = valueText(metric, value);
    return statusOf(metric, value) === 'shown' && suffix ? `${plain}${suffix}` : plain;
  };
  const tables = metric.breakdowns.map((b) => {
    const shown = b.cells.map((c) => (typeof c.value === 'number' ? c.value : null));
    const shares = barShares(shown);
    const rows: FigureRow[] = b.cells.map((c, i) => ({
      label: c.label ?? c.category,
      text: text(c.value),
      status: statusOf(metric, c.value),
      share: shares[i] ?? null,
    }));
    return { caption: `${metric.title} by ${b.dimension.replace(/[_-]/g, ' ')}`, rows, chart: shown.filter((v) => v !== null).length >= 2 };
  });
  return { total: text(metric.total), tables };
}
