import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

import {
  CURRENT_RETURN_DEFINITION,
  findMetric,
  findReturnDefinition,
  MetricDefinition,
  ParsedPeriod,
  parsePeriod,
  PeriodType,
  ReturnDefinition,
  ReturnFigure,
  trendBasisOf,
} from '@app/contracts';

import { HubConfig } from '../config/hub.config';
import { HUB_CONFIG } from '../config/hub-config.token';
import { contractLabels } from '../tendering';
import { consolidate, ConsolidatedReport, CoopReturn, EarlierRelease, ReportMetric, SuppressionNote } from './consolidation.rules';
import { isSuppressed } from './disclosure-control.rules';
import { ReleaseSummaryView, ReportBasis, ReportDocumentView, TrendView } from './report.dto';
import { CsvPeriodReport, reportCsv } from './report-csv.rules';
import { ReportingErrors } from './reporting.errors';
import { TrendInput, trendSeries } from './trend.rules';

/** Which periods a trend lines up: from and to are period labels of any type (both included, by their dates). */
export interface TrendRange {
  readonly from?: string;
  readonly to?: string;
  /** The periods of the series (default: from's or to's type, else calendar quarters). */
  readonly periodType?: PeriodType;
  /** Line up every period type: flows per week, stocks and rates as they are. */
  readonly align?: boolean;
}

/** Which report: a published release (the latest unless `release` says which), or a live look (staff only). */
export interface ReportView {
  readonly release?: number;
  readonly basis?: ReportBasis;
}

export interface CycleRow {
  id: string;
  definition_id: string;
  definition_version: number;
  period_label: string;
  period_start: string;
  period_end: string;
  period_type: PeriodType;
}

interface IncludedReturn extends CoopReturn {
  readonly name: string;
  readonly messageId: string;
}

export interface ReleaseRow {
  id: string;
  number: number;
  published_at: Date;
  published_by: string;
  coops: { coopId: string; name: string; messageId: string }[];
  report: StoredReport;
  suppressions: SuppressionNote[];
}

/** A report as stored in a release (or presented for a live look): what commissioners see, without the reasons for suppression. */
export type StoredReport = Omit<ReportDocumentView, 'suppressions' | 'consolidationMs'>;

type Queryable = Pick<DataSource, 'query'>;

/**
 * The consolidated report of a cycle: every approved return summed, rates from summed parts, counts
 * of people through disclosure control (consolidation.rules.ts), and a statement of what it covers.
 *
 * Commissioners read published releases only. Consortium staff publish one once the returns they
 * want in it are approved; a release never changes, and a later release (more co-ops approved, or a
 * return corrected after a send-back) is checked against every earlier one, so that a commissioner
 * who kept the earlier release cannot subtract it and see a small count of the co-ops added since.
 */
@Injectable()
export class ConsolidatedReports {
  constructor(
    private readonly dataSource: DataSource,
    @Inject(HUB_CONFIG) private readonly config: HubConfig,
  ) {}

  /** The releases of a cycle, newest first. */
  async releases(cycleId: string): Promise<ReleaseSummaryView[]> {
    await this.cycle(cycleId);
    const rows: ReleaseRow[] = await this.dataSource.query(
      'SELECT number, published_at, coops FROM report_release WHERE cycle_id = $1 ORDER BY number DESC',
      [cycleId],
    );
    return rows.map((r) => ({ number: r.number, publishedAt: new Date(r.published_at).toISOString(), coops: r.coops.length }));
  }

  async report(cycleId: string, view: ReportView, withReasons: boolean): Promise<ReportDocumentView> {
    const cycle = await this.cycle(cycleId);
    if (view.basis) {
      const coops = await this.returns(this.dataSource, cycleId, view.basis);
      const started = process.hrtime.bigint();
      const report = this.consolidate(cycle, coops, []);
      const consolidationMs = Math.round((Number(process.hrtime.bigint() - started) / 1e6) * 100) / 100;
      return {
        ...this.present(cycle, await this.labelled(this.dataSource, report), coops, { kind: 'live', basis: view.basis }),
        suppressions: report.suppressions,
        consolidationMs,
      };
    }
    const release = await this.release(cycle, view.release);
    return withReasons ? { ...release.report, suppressions: release.suppressions } : release.report;
  }

  async csv(cycleId: string, view: ReportView): Promise<{ filename: string; body: string }> {
    const cycle = await this.cycle(cycleId);
    const name = `${cycle.definition_id}-${cycle.period_label}`;
    if (view.basis) {
      const coops = await this.returns(this.dataSource, cycleId, view.basis);
      const report = await this.labelled(this.dataSource, this.consolidate(cycle, coops, []));
      return {
        filename: `${name}-${view.basis}.csv`,
        body: reportCsv([{ period: cycle.period_label, coops: report.coops, metrics: report.metrics }]),
      };
    }
    const release = await this.release(cycle, view.release);
    return { filename: `${name}-release-${release.number}.csv`, body: reportCsv([csvPeriod(release.report)]) };
  }

  /**
   * One metric across cycles, oldest first, with the change from the period before: each cycle's
   * latest release (cycles with none are left out), or for staff a live look.
   */
  async trend(metricId: string, range: TrendRange, basis?: ReportBasis): Promise<TrendView> {
    const metric = knownMetric(metricId);
    return trendOf(metric, await this.trendReports(range, basis), range, basis);
  }

  /** Every metric of the current definition across periods, as `trend` gives each, each period's report read once. */
  async trends(range: TrendRange, basis?: ReportBasis): Promise<TrendView[]> {
    const reports = await this.trendReports(range, basis);
    return CURRENT_RETURN_DEFINITION.metrics.map((metric) => trendOf(metric, reports, range, basis));
  }

  /** The figures of the trend's periods as the reports give them (one row per figure and period). */
  async trendCsv(metricId: string, range: TrendRange, basis?: ReportBasis): Promise<{ filename: string; body: string }> {
    const metric = knownMetric(metricId);
    const reports = await this.trendReports(range, basis);
    const shown = new Set(trendOf(metric, reports, range, basis).points.map((p) => p.period));
    const periods = onlyMetric(
      metricId,
      reports.filter((r) => shown.has(r.period)),
    );
    return { filename: `trend-${metricId}-${basis ?? 'published'}.csv`, body: reportCsv(periods) };
  }

  /** Each period's report in the range, oldest first: its latest published release, or a live look for staff. */
  private async trendReports(range: TrendRange, basis?: ReportBasis): Promise<TrendPeriod[]> {
    // Labels of different types do not sort as text (2026-05 and 2026-Q2): the range is by dates.
    const cycles: CycleRow[] = await this.dataSource.query(
      `SELECT * FROM return_cycle WHERE ($1::date IS NULL OR period_start >= $1::date) AND ($2::date IS NULL OR period_end <= $2::date)
        ORDER BY period_start, period_end, opened_at`,
      [range.from ? parsePeriod(range.from)!.start : null, range.to ? parsePeriod(range.to)!.end : null],
    );
    const periods: TrendPeriod[] = [];
    for (const cycle of cycles) {
      const head = { parsed: parsePeriod(cycle.period_label)!, definitionVersion: cycle.definition_version };
      if (basis) {
        const coops = await this.returns(this.dataSource, cycle.id, basis);
        const report = this.consolidate(cycle, coops, []);
        periods.push({ ...head, period: cycle.period_label, coops: report.coops, metrics: report.metrics });
      } else {
        const [latest]: ReleaseRow[] = await this.dataSource.query(
          'SELECT number, report FROM report_release WHERE cycle_id = $1 ORDER BY number DESC LIMIT 1',
          [cycle.id],
        );
        if (latest) periods.push({ ...head, ...csvPeriod(latest.report), metrics: latest.report.metrics, release: latest.number });
      }
    }
    return periods;
  }

  /** Contract cells get a readable name beside their id. */
  async labelled(q: Queryable, report: ConsolidatedReport): Promise<ConsolidatedReport> {
    const ids = report.metrics.flatMap((m) =>
      m.breakdowns.filter((b) => b.dimension === 'contract').flatMap((b) => b.cells.map((c) => c.category)),
    );
    if (ids.length === 0) return report;
    const labels = await contractLabels(q, [...new Set(ids)]);
    const metrics = report.metrics.map((m) => ({
      ...m,
      breakdowns: m.breakdowns.map((b) =>
        b.dimension === 'contract'
          ? { ...b, cells: b.cells.map((c) => ({ ...c, label: labels.get(c.category) ?? 'unknown contract' })) }
          : b,
      ),
    }));
    return { ...report, metrics };
  }

  consolidate(cycle: CycleRow, coops: readonly CoopReturn[], earlierReleases: readonly EarlierRelease[]): ConsolidatedReport {
    return consolidate(this.definitionOf(cycle), coops, {
      threshold: this.config.REPORTING_THRESHOLD,
      workforceThreshold: this.config.REPORTING_WORKFORCE_THRESHOLD,
      earlierReleases,
    });
  }

  present(
    cycle: CycleRow,
    report: ConsolidatedReport,
    coops: readonly IncludedReturn[],
    source: { kind: 'release'; number: number; publishedAt: Date } | { kind: 'live'; basis: ReportBasis },
  ): StoredReport {
    const suppressed = report.metrics.reduce((n, m) => n + countSuppressed(m), 0);
    const n = `${coops.length} co-op${coops.length === 1 ? '' : 's'}`;
    const statement =
      source.kind === 'release'
        ? `Release ${source.number} of the ${cycle.period_label} report, published ${source.publishedAt.toISOString().slice(0, 10)}: covers ${n} whose return consortium staff have approved.`
        : source.basis === 'approved'
          ? `Not published: covers the ${n} approved so far, as the next release would.`
          : `Not published: covers the current return of ${n}, approved or not, for review.`;
    return {
      cycleId: cycle.id,
      definition: { id: cycle.definition_id, version: cycle.definition_version },
      period: { label: cycle.period_label, start: cycle.period_start, end: cycle.period_end },
      ...(source.kind === 'release'
        ? { release: { number: source.number, publishedAt: source.publishedAt.toISOString() } }
        : { basis: source.basis }),
      generatedAt: new Date().toISOString(),
      coverage: { coops: coops.length, included: coops.map((c) => ({ coopId: c.coopId, name: c.name })), statement },
      disclosure: {
        threshold: this.config.REPORTING_THRESHOLD,
        workforceThreshold: this.config.REPORTING_WORKFORCE_THRESHOLD,
        suppressedFigures: suppressed,
        note:
          'Counts of people from 1 to the threshold are suppressed, and further figures wherever a suppressed one could be worked out from totals, by one co-op taking away its own part, or by taking an earlier release of this report away. ' +
          'A suppressed figure is {"suppressed": true}, never a number; null means not recorded, or a rate with nothing to divide by.',
      },
      metrics: [...report.metrics],
    };
  }

  private async release(cycle: CycleRow, number?: number): Promise<ReleaseRow> {
    const [row]: ReleaseRow[] = await this.dataSource.query(
      `SELECT * FROM report_release WHERE cycle_id = $1 AND ($2::int IS NULL OR number = $2) ORDER BY number DESC LIMIT 1`,
      [cycle.id, number ?? null],
    );
    if (!row) throw number ? ReportingErrors.releaseNotFound(cycle.period_label, number) : ReportingErrors.notPublished(cycle.period_label);
    return row;
  }

  private async cycle(id: string): Promise<CycleRow> {
    const [cycle] = await this.dataSource.query('SELECT * FROM return_cycle WHERE id = $1', [id]);
    if (!cycle) throw ReportingErrors.cycleNotFound(id);
    return cycle;
  }

  private definitionOf(cycle: CycleRow): ReturnDefinition {
    return findReturnDefinition(cycle.definition_id, cycle.definition_version)!;
  }

  /** The returns an earlier release was made from, by their message ids (a corrected return keeps its row, superseded). */
  async returnsByMessage(q: Queryable, messageIds: readonly string[]): Promise<CoopReturn[]> {
    const rows: { coop_id: string; figures: { figures: ReturnFigure[] } }[] = await q.query(
      'SELECT coop_id, figures FROM return_submission WHERE message_id = ANY($1::uuid[]) ORDER BY coop_id',
      [messageIds],
    );
    if (rows.length !== messageIds.length) throw new Error('an earlier release names a return the hub no longer holds');
    return rows.map((r) => ({ coopId: r.coop_id, figures: r.figures.figures }));
  }

  /**
   * Each co-op's current return, and for `approved` only when the latest review of that very return
   * approved it.
   */
  async returns(q: Queryable, cycleId: string, basis: ReportBasis): Promise<IncludedReturn[]> {
    const rows: { coop_id: string; name: string; message_id: string; figures: { figures: ReturnFigure[] } }[] = await q.query(
      `SELECT s.coop_id, c.name, s.message_id, s.figures
         FROM return_submission s JOIN coop c ON c.id = s.coop_id
        WHERE s.cycle_id = $1 AND s.superseded_at IS NULL
          AND ($2 = 'submitted' OR (
                SELECT r.decision FROM return_review r WHERE r.message_id = s.message_id ORDER BY r.reviewed_at DESC, r.id DESC LIMIT 1
              ) = 'approved')
        ORDER BY s.coop_id`,
      [cycleId, basis],
    );
    return rows.map((r) => ({ coopId: r.coop_id, name: r.name, messageId: r.message_id, figures: r.figures.figures }));
  }
}

function csvPeriod(report: StoredReport): CsvPeriodReport {
  return { period: report.period.label, coops: report.coverage.coops, metrics: report.metrics };
}

type TrendPeriod = CsvPeriodReport & { release?: number; parsed: ParsedPeriod; definitionVersion: number };

function knownMetric(metricId: string): MetricDefinition {
  const metric = findMetric(CURRENT_RETURN_DEFINITION, metricId);
  if (!metric)
    throw ReportingErrors.unknownMetric(
      metricId,
      CURRENT_RETURN_DEFINITION.metrics.map((m) => m.id),
    );
  return metric;
}

/** The periods with only the one metric; a cycle of an older definition may not have it: it is left out rather than shown as unknown. */
function onlyMetric(metricId: string, periods: readonly TrendPeriod[]): TrendPeriod[] {
  return periods.map((p) => ({ ...p, metrics: p.metrics.filter((m) => m.id === metricId) })).filter((p) => p.metrics.length === 1);
}

/** One metric across the periods, lined up honestly (trend.rules.ts). */
function trendOf(metric: MetricDefinition, reports: readonly TrendPeriod[], range: TrendRange, basis?: ReportBasis): TrendView {
  const inputs: TrendInput[] = onlyMetric(metric.id, reports).map((p) => ({
    period: p.parsed,
    ...(p.release ? { release: p.release } : {}),
    coops: p.coops,
    metric: p.metrics[0],
    definitionVersion: p.definitionVersion,
  }));
  const periodType = range.periodType ?? parsePeriod(range.from ?? range.to ?? '')?.type ?? 'quarter';
  const series = trendSeries(trendBasisOf(metric), inputs, { periodType, align: range.align === true });
  return {
    metric: { id: metric.id, title: metric.title, unit: metric.unit, definition: metric.definition, countsPeople: metric.countsPeople },
    source: basis ? `live, ${basis} returns (consortium staff only)` : "each cycle's latest published release",
    note:
      "Like with like: the periods of one type, or with align=true every type with flows as a rate per week (perWeek, over each period's days). " +
      'change is the difference from the period before (in percentage points for a rate; per week when lined up); null when either figure is suppressed or not recorded, ' +
      "and across a break in series, where the metric's definition changed between versions of the return. Co-ops covered can differ from period to period.",
    basis: series.basis,
    basisRule: series.basisRule,
    periods: series.periods,
    points: [...series.points],
  };
}

function countSuppressed(m: ReportMetric): number {
  const figures = [
    m.total,
    ...m.breakdowns.flatMap((b) => b.cells.map((c) => c.value)),
    ...(m.crossBreakdowns ?? []).flatMap((x) => x.cells.flat()),
  ];
  return figures.filter((f) => f !== null && isSuppressed(f)).length;
}
