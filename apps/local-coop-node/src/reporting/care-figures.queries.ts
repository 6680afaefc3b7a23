import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';

import { FUNDING_TYPES, QuarterPeriod, ReturnFigure, SERVICE_TYPES } from '@app/contracts';

import { breakdownFigures, REPORTING_TIME_ZONE } from './node-return.rules';

/**
 * One row per grouping set: the total (GROUPING 1 for both), one per funding type, one per locality.
 * A column left out of the set comes back null.
 */
type PeopleSupportedRow = { n: number } & (
  | { all_funding: 1; all_localities: 1; funding_type: null; locality: null }
  | { all_funding: 0; all_localities: 1; funding_type: string; locality: null }
  | { all_funding: 1; all_localities: 0; funding_type: null; locality: string }
);

/** Hours, as float8; the total row (all_services 1) has no service type. */
type CareHoursRow = { planned: number; delivered: number } & (
  { all_services: 1; service_type: null } | { all_services: 0; service_type: string }
);

interface GoalsRow {
  reviewed: number;
  improved: number;
}

/**
 * The care figures of a return, each one GROUP BY in PostgreSQL: people supported, hours planned
 * and delivered, personal goals. Only counts and sums come back, never a row about a person.
 */
@Injectable()
export class CareFigureQueries {
  /** `goalRise` is the rise in a score that makes a goal improved under the requested definition (`goalImprovementRise`). */
  async figures(m: EntityManager, p: QuarterPeriod, localities: readonly string[], goalRise: number): Promise<ReturnFigure[]> {
    return [...(await this.peopleSupported(m, p, localities)), ...(await this.hours(m, p)), ...(await this.goals(m, p, goalRise))];
  }

  /** Support active on any day of the period; the total and both one-way breakdowns from one scan. */
  private async peopleSupported(m: EntityManager, p: QuarterPeriod, localities: readonly string[]): Promise<ReturnFigure[]> {
    const rows: PeopleSupportedRow[] = await m.query(
      `SELECT funding_type, locality, GROUPING(funding_type) AS all_funding, GROUPING(locality) AS all_localities, count(*)::int AS n
         FROM service_user
        WHERE started_on <= $2::date AND (ended_on IS NULL OR ended_on >= $1::date)
        GROUP BY GROUPING SETS ((), (funding_type), (locality))`,
      [p.start, p.end],
    );
    const total = rows.find((r) => r.all_funding === 1 && r.all_localities === 1)?.n ?? 0;
    const byFunding = new Map<string, number>(rows.filter((r) => r.all_funding === 0).map((r) => [r.funding_type, r.n]));
    const byLocality = new Map<string, number>(rows.filter((r) => r.all_localities === 0).map((r) => [r.locality, r.n]));
    return [
      { metric: 'people_supported', breakdown: null, value: total },
      ...breakdownFigures('people_supported', 'funding_type', FUNDING_TYPES, byFunding),
      ...breakdownFigures('people_supported', 'locality', localities, byLocality),
    ];
  }

  /** Visits due to start on a day of the period in the co-op's calendar; planned leaves out cancelled ones. */
  private async hours(m: EntityManager, p: QuarterPeriod): Promise<ReturnFigure[]> {
    const rows: CareHoursRow[] = await m.query(
      `SELECT service_type, GROUPING(service_type) AS all_services,
              round(coalesce(sum(planned_minutes) FILTER (WHERE status <> 'cancelled'), 0) / 60.0, 2)::float8 AS planned,
              round(coalesce(sum(delivered_minutes) FILTER (WHERE status = 'delivered'), 0) / 60.0, 2)::float8 AS delivered
         FROM visit
        WHERE planned_start >= ($1::date::timestamp AT TIME ZONE $3) AND planned_start < (($2::date + 1)::timestamp AT TIME ZONE $3)
        GROUP BY GROUPING SETS ((), (service_type))`,
      [p.start, p.end, REPORTING_TIME_ZONE],
    );
    const total = rows.find((r) => r.all_services === 1);
    const cells = rows.filter((r) => r.all_services === 0);
    return (['planned', 'delivered'] as const).flatMap((kind) => [
      { metric: `care_hours_${kind}`, breakdown: null, value: total?.[kind] ?? 0 },
      ...breakdownFigures(`care_hours_${kind}`, 'service_type', SERVICE_TYPES, new Map(cells.map((r) => [r.service_type, r[kind]]))),
    ]);
  }

  /** "Improved" is the care feature's rule (goalImproved): performance or satisfaction up by at least `rise` at review. */
  private async goals(m: EntityManager, p: QuarterPeriod, rise: number): Promise<ReturnFigure[]> {
    const [row]: GoalsRow[] = await m.query(
      `SELECT count(*)::int AS reviewed,
              count(*) FILTER (WHERE g.performance_at_review - g.performance_at_start >= $3 OR g.satisfaction_at_review - g.satisfaction_at_start >= $3)::int AS improved
         FROM care_goal g JOIN care_plan cp ON cp.id = g.care_plan_id
        WHERE cp.reviewed_on BETWEEN $1::date AND $2::date AND g.performance_at_review IS NOT NULL`,
      [p.start, p.end, rise],
    );
    return [
      { metric: 'goals_reviewed', breakdown: null, value: row.reviewed },
      { metric: 'goals_improved', breakdown: null, value: row.improved },
    ];
  }
}
