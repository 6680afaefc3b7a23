import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { CURRENT_RETURN_DEFINITION, ReturnDefinition, ReturnFigure, findMetric, findReturnDefinition } from '@app/contracts';
import { HubConfig } from '../config/hub.config';
import { HUB_CONFIG } from '../config/hub-config.token';
import { ConsolidatedReport, CoopReturn, ReportMetric, ReportValue, consolidate } from './consolidation.rules';
import { isSuppressed } from './disclosure-control.rules';
import { CsvPeriodReport, reportCsv } from './report-csv.rules';
import { ReportingErrors } from './reporting.errors';

/**
 * Which returns a report is made from. Commissioners see `approved` only: each co-op's current
 * return once consortium staff have approved it. Consortium staff may look at `submitted` (every
 * current return, approved or not) while they review.
 */
export type ReportBasis = 'approved' | 'submitted';

export interface ReportRequest {
  readonly basis: ReportBasis;
  /** Consortium staff see why each figure was suppressed; commissioners never do. */
  readonly withReasons: boolean;
}

interface CycleRow {
  id: string;
  definition_id: string;
  definition_version: number;
  period_label: string;
  period_start: string;
  period_end: string;
  due_at: Date;
}

interface IncludedReturn extends CoopReturn {
  readonly name: string;
}

/**
 * The consolidated report of a cycle: every co-op's return summed, rates from summed parts, counts
 * of people through disclosure control (consolidation.rules.ts), and a statement of what it covers.
 * Worked out on every request from the stored returns, so it always matches what was approved; a
 * cycle of a few hundred co-ops consolidates in milliseconds (see the README's figures).
 */
@Injectable()
export class ConsolidatedReports {
  constructor(
    private readonly dataSource: DataSource,
    @Inject(HUB_CONFIG) private readonly config: HubConfig,
  ) {}

  async report(cycleId: string, request: ReportRequest): Promise<object> {
    const cycle = await this.cycle(cycleId);
    const built = await this.build(cycle, request.basis);
    return this.present(cycle, built, request);
  }

  async csv(cycleId: string, basis: ReportBasis): Promise<{ filename: string; body: string }> {
    const cycle = await this.cycle(cycleId);
    const built = await this.build(cycle, basis);
    return { filename: `${cycle.definition_id}-${cycle.period_label}-${basis}.csv`, body: reportCsv([{ period: cycle.period_label, coops: built.report.coops, metrics: built.report.metrics }]) };
  }

  /** One metric across the cycles of a definition, oldest first, with the change from the period before. */
  async trend(metricId: string, range: { from?: string; to?: string }, request: ReportRequest): Promise<object> {
    const cycles = await this.cyclesInRange(range);
    const definition = cycles.length ? this.definitionOf(cycles[cycles.length - 1]) : CURRENT_RETURN_DEFINITION;
    const metric = findMetric(definition, metricId);
    if (!metric) throw ReportingErrors.unknownMetric(metricId, definition.metrics.map((m) => m.id));
    const points: object[] = [];
    let previous: ReportValue | undefined;
    for (const cycle of cycles) {
      const { report, coops } = await this.build(cycle, request.basis);
      const m = report.metrics.find((x) => x.id === metricId);
      if (!m) continue;
      points.push({
        period: cycle.period_label,
        cycleId: cycle.id,
        coopsCovered: coops.length,
        total: m.total,
        change: change(previous, m.total),
        breakdowns: m.breakdowns,
        ...(m.distribution ? { distribution: m.distribution } : {}),
      });
      previous = m.total;
    }
    return {
      metric: { id: metric.id, title: metric.title, unit: metric.unit, definition: metric.definition, countsPeople: metric.countsPeople },
      basis: request.basis,
      note: 'change is the difference from the period before (in percentage points for a rate); null when either figure is suppressed or not recorded. Co-ops covered can differ from period to period.',
      points,
    };
  }

  async trendCsv(metricId: string, range: { from?: string; to?: string }, basis: ReportBasis): Promise<{ filename: string; body: string }> {
    const cycles = await this.cyclesInRange(range);
    const periods: CsvPeriodReport[] = [];
    for (const cycle of cycles) {
      const { report } = await this.build(cycle, basis);
      const metrics = report.metrics.filter((m) => m.id === metricId);
      if (metrics.length === 0) throw ReportingErrors.unknownMetric(metricId, report.metrics.map((m) => m.id));
      periods.push({ period: cycle.period_label, coops: report.coops, metrics });
    }
    return { filename: `trend-${metricId}-${basis}.csv`, body: reportCsv(periods) };
  }

  private async build(cycle: CycleRow, basis: ReportBasis): Promise<{ report: ConsolidatedReport; coops: IncludedReturn[]; elapsedMs: number }> {
    const coops = await this.returns(cycle.id, basis);
    const started = process.hrtime.bigint();
    const report = consolidate(this.definitionOf(cycle), coops, { threshold: this.config.REPORTING_THRESHOLD, workforceThreshold: this.config.REPORTING_WORKFORCE_THRESHOLD });
    const elapsedMs = Number(process.hrtime.bigint() - started) / 1e6;
    return { report, coops, elapsedMs };
  }

  private present(cycle: CycleRow, built: { report: ConsolidatedReport; coops: IncludedReturn[]; elapsedMs: number }, request: ReportRequest): object {
    const { report, coops } = built;
    const suppressed = report.metrics.reduce((n, m) => n + countSuppressed(m), 0);
    return {
      cycleId: cycle.id,
      definition: { id: cycle.definition_id, version: cycle.definition_version },
      period: { label: cycle.period_label, start: cycle.period_start, end: cycle.period_end },
      basis: request.basis,
      generatedAt: new Date().toISOString(),
      coverage: {
        coops: coops.length,
        included: coops.map((c) => ({ coopId: c.coopId, name: c.name })),
        statement:
          request.basis === 'approved'
            ? `Covers ${coops.length} co-op${coops.length === 1 ? '' : 's'} whose ${cycle.period_label} return consortium staff have approved.`
            : `Covers the current return of ${coops.length} co-op${coops.length === 1 ? '' : 's'}, approved or not: for review, not for publication.`,
      },
      disclosure: {
        threshold: this.config.REPORTING_THRESHOLD,
        workforceThreshold: this.config.REPORTING_WORKFORCE_THRESHOLD,
        suppressedFigures: suppressed,
        note:
          'Counts of people from 1 to the threshold are suppressed, and further figures wherever a suppressed one could be worked out from totals or by one co-op taking away its own part. ' +
          'A suppressed figure is {"suppressed": true}, never a number; null means not recorded, or a rate with nothing to divide by.',
      },
      metrics: report.metrics,
      ...(request.withReasons ? { suppressions: report.suppressions, consolidationMs: Math.round(built.elapsedMs * 100) / 100 } : {}),
    };
  }

  private async cycle(id: string): Promise<CycleRow> {
    const [cycle] = await this.dataSource.query('SELECT * FROM return_cycle WHERE id = $1', [id]);
    if (!cycle) throw ReportingErrors.cycleNotFound(id);
    return cycle;
  }

  private async cyclesInRange(range: { from?: string; to?: string }): Promise<CycleRow[]> {
    return this.dataSource.query(
      `SELECT * FROM return_cycle WHERE ($1::text IS NULL OR period_label >= $1) AND ($2::text IS NULL OR period_label <= $2) ORDER BY period_start, opened_at`,
      [range.from ?? null, range.to ?? null],
    );
  }

  private definitionOf(cycle: CycleRow): ReturnDefinition {
    return findReturnDefinition(cycle.definition_id, cycle.definition_version)!;
  }

  /**
   * The returns a report is made from: each co-op's current one, and for `approved` only when the
   * latest review of that very return approved it.
   */
  private async returns(cycleId: string, basis: ReportBasis): Promise<IncludedReturn[]> {
    const rows: { coop_id: string; name: string; figures: { figures: ReturnFigure[] } }[] = await this.dataSource.query(
      `SELECT s.coop_id, c.name, s.figures
         FROM return_submission s JOIN coop c ON c.id = s.coop_id
        WHERE s.cycle_id = $1 AND s.superseded_at IS NULL
          AND ($2 = 'submitted' OR (
                SELECT r.decision FROM return_review r WHERE r.message_id = s.message_id ORDER BY r.reviewed_at DESC, r.id DESC LIMIT 1
              ) = 'approved')
        ORDER BY s.coop_id`,
      [cycleId, basis],
    );
    return rows.map((r) => ({ coopId: r.coop_id, name: r.name, figures: r.figures.figures }));
  }
}

function change(previous: ReportValue | undefined, current: ReportValue): number | null {
  if (typeof previous !== 'number' || typeof current !== 'number') return null;
  return Math.round((current - previous) * 100) / 100;
}

function countSuppressed(m: ReportMetric): number {
  const figures = [m.total, ...m.breakdowns.flatMap((b) => b.cells.map((c) => c.value))];
  return figures.filter((f) => f !== null && isSuppressed(f)).length;
}
