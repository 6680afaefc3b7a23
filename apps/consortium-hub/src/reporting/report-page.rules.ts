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

/** A two-way table on the page: rows by columns, each figure's text and status; no chart (a grid reads better as a table). */
export interface FigureGridView {
  readonly caption: string;
  readonly rowHeading: string;
  readonly columnLabels: readonly string[];
  readonly rows: readonly { readonly label: string; readonly cells: readonly Pick<FigureRow, 'text' | 'status'>[] }[];
}

interface MetricLike {
  readonly title: string;
  readonly unit: ReportMetric['unit'];
  readonly total: ReportValue;
  readonly breakdowns: readonly {
    readonly dimension: string;
    readonly cells: readonly { category: string; value: ReportValue; label?: string }[];
  }[];
  readonly crossBreakdowns?: readonly {
    readonly rows: string;
    readonly columns: string;
    readonly rowCategories: readonly string[];
    readonly columnCategories: readonly string[];
    readonly cells: readonly (readonly ReportValue[])[];
  }[];
}

const words = (dimension: string) => dimension.replace(/[_-]/g, ' ');

const UNIT_SUFFIX: Record<string, string> = { percent: '%' };

/** A metric as the report page shows it: its total, one table (with its chart) per breakdown, and a grid per two-way breakdown. */
export function metricTables(metric: MetricLike): { total: string; tables: FigureTableView[]; grids: FigureGridView[] } {
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
    return { caption: `${metric.title} by ${words(b.dimension)}`, rows, chart: shown.filter((v) => v !== null).length >= 2 };
  });
  const grids = (metric.crossBreakdowns ?? []).map((x) => ({
    caption: `${metric.title} by ${words(x.rows)} and ${words(x.columns)}`,
    rowHeading: words(x.rows),
    columnLabels: x.columnCategories,
    rows: x.rowCategories.map((label, i) => ({
      label,
      cells: x.cells[i].map((value) => ({ text: text(value), status: statusOf(metric, value) })),
    })),
  }));
  return { total: text(metric.total), tables, grids };
}
