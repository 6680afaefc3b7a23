import { ReportMetric, ReportValue } from './consolidation.rules';
import { isSuppressed, SUPPRESSED_LABEL } from './disclosure-control.rules';

/*
 * CSV for spreadsheets: one row per figure, a header row, and the definition beside every figure so
 * the file stands on its own when it is passed around. A figure's cell is never blank: a suppressed
 * figure reads "suppressed", a figure nobody recorded "not recorded", a rate with nothing to divide
 * by "not applicable", and the `status` column says the same in one word for filters. Text that a
 * spreadsheet would run as a formula (starting =, +, -, @, tab or carriage return) is prefixed with
 * an apostrophe. UTF-8 with a byte-order mark, so Excel reads accented locality names right.
 */

export const CSV_COLUMNS = [
  'period',
  'section',
  'metric',
  'title',
  'unit',
  'breakdown',
  'category',
  'value',
  'status',
  'coops_covered',
  'disclosure_threshold',
  'definition',
] as const;

/** What joins the two dimensions, and the two categories, of a two-way cell in the CSV. */
export const CROSS = ' × ';

export interface CsvPeriodReport {
  readonly period: string;
  readonly coops: number;
  readonly metrics: readonly ReportMetric[];
}

export type FigureStatus = 'shown' | 'suppressed' | 'not-recorded' | 'not-applicable';

export function statusOf(metric: Pick<ReportMetric, 'unit'>, value: ReportValue): FigureStatus {
  if (value === null) return metric.unit === 'percent' ? 'not-applicable' : 'not-recorded';
  return isSuppressed(value) ? 'suppressed' : 'shown';
}

export function valueText(metric: Pick<ReportMetric, 'unit'>, value: ReportValue): string {
  const status = statusOf(metric, value);
  if (status === 'suppressed') return SUPPRESSED_LABEL;
  if (status === 'not-recorded') return 'not recorded';
  if (status === 'not-applicable') return 'not applicable';
  return String(value);
}

export function reportCsv(reports: readonly CsvPeriodReport[]): string {
  const rows: string[][] = [[...CSV_COLUMNS]];
  for (const report of reports) {
    for (const m of report.metrics) {
      const row = (breakdown: string, category: string, value: ReportValue, covered = m.reportedBy) => [
        report.period,
        m.section,
        m.id,
        m.title,
        m.unit,
        breakdown,
        category,
        valueText(m, value),
        statusOf(m, value),
        String(covered),
        m.threshold === null ? 'none (not a count of people)' : String(m.threshold),
        m.definition,
      ];
      if (m.distribution) {
        for (const level of m.distribution)
          rows.push(row('rating', level.label, level.coops, m.reportedBy).map((v, i) => (CSV_COLUMNS[i] === 'unit' ? 'co-ops' : v)));
        if (m.notRecordedBy)
          rows.push(row('rating', 'not recorded', m.notRecordedBy).map((v, i) => (CSV_COLUMNS[i] === 'unit' ? 'co-ops' : v)));
        continue;
      }
      rows.push(row('total', 'all', m.total));
      for (const b of m.breakdowns)
        for (const c of b.cells) rows.push(row(b.dimension, c.label ? `${c.label} [${c.category}]` : c.category, c.value));
      // A two-way cell names both its dimensions and both its categories, joined with ' × ' (never in a category of the vocabulary).
      for (const x of m.crossBreakdowns ?? [])
        x.rowCategories.forEach((r, i) =>
          x.columnCategories.forEach((c, j) => rows.push(row(`${x.rows}${CROSS}${x.columns}`, `${r}${CROSS}${c}`, x.cells[i][j]))),
        );
    }
  }
  return '\uFEFF' + rows.map((r) => r.map(csvCell).join(',')).join('\r\n') + '\r\n';
}

export function csvCell(text: string): string {
  const safe = /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}
