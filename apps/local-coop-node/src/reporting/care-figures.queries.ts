import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';

import { FUNDING_TYPES, QuarterPeriod, ReturnFigure, SERVICE_TYPES } from '@app/contracts';

import { breakdownFigures, crossFigures, REPORTING_TIME_ZONE } from './node-return.rules';

/**
 * One row per grouping set: the total (GROUPING 1 for both), one per funding type, one per locality.
 * A column left out of the set comes back null.
 */
type PeopleSupportedRow = { n: number } & (
  | { all_funding: 1; all_localities: 1; funding_type: null; locality: null }
  | { all_funding: 0; all_localities: 1; funding_type: string; locality: null }
  | { all_funding: 1; all_localities: 0; funding_type: null; locality: string }
);

/**
 * Hours, as float8, and the people visited, one row per grouping set: the total (both GROUPING 1),
 * by service type, by locality, and by locality and service type. A column left out of the set
 * comes back null.
 */
interface CareHoursRow {
  service_type: string | null;
  locality: string | null;
  all_services: 0 | 1;
  all_localities: 0 | 1;
  planned: number;
  delivered: number;
  people: number;
}

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
    return [
      ...(await this.peopleSupported(m, p, localities)),
      ...(await this.hours(m, p, localities)),
      ...(await this.goals(m, p, goalRise)),
    ];
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

  /**
   * Visits due to start on a day of the period in the co-op's calendar; planned leaves out cancelled
   * ones. A visit's locality is its person's. The people visited (any visit not cancelled) are
   * counted in the same scan: once each in the total and their locality, once per service type in
   * the two-way cells.
   */
  private async hours(m: EntityManager, p: QuarterPeriod, localities: readonly string[]): Promise<ReturnFigure[]> {
    const rows: CareHoursRow[] = await m.query(
      `SELECT v.service_type, su.locality, GROUPING(v.service_type) AS all_services, GROUPING(su.locality) AS all_localities,
              round(coalesce(sum(v.planned_minutes) FILTER (WHERE v.status <> 'cancelled'), 0) / 60.0, 2)::float8 AS planned,
              round(coalesce(sum(v.delivered_minutes) FILTER (WHERE v.status = 'delivered'), 0) / 60.0, 2)::float8 AS delivered,
              count(DISTINCT v.service_user_id) FILTER (WHERE v.status <> 'cancelled')::int AS people
         FROM visit v JOIN service_user su ON su.id = v.service_user_id
        WHERE v.planned_start >= ($1::date::timestamp AT TIME ZONE $3) AND v.planned_start < (($2::date + 1)::timestamp AT TIME ZONE $3)
        GROUP BY GROUPING SETS ((), (v.service_type), (su.locality), (su.locality, v.service_type))`,
      [p.start, p.end, REPORTING_TIME_ZONE],
    );
    const total = rows.find((r) => r.all_services === 1 && r.all_localities === 1);
    const byService = rows.filter((r) => r.all_services === 0 && r.all_localities === 1);
    const byLocality = rows.filter((r) => r.all_services === 1 && r.all_localities === 0);
    const crossed = rows.filter((r) => r.all_services === 0 && r.all_localities === 0);
    const figuresOf = (metric: string, pick: (r: CareHoursRow) => number, oneWay: 'service_type' | null): ReturnFigure[] => [
      { metric, breakdown: null, value: total ? pick(total) : 0 },
      ...(oneWay ? breakdownFigures(metric, 'service_type', SERVICE_TYPES, new Map(byService.map((r) => [r.service_type!, pick(r)]))) : []),
      ...breakdownFigures(metric, 'locality', localities, new Map(byLocality.map((r) => [r.locality!, pick(r)]))),
      ...crossFigures(
        metric,
        ['locality', localities],
        ['service_type', SERVICE_TYPES],
        new Map(crossed.map((r) => [`${r.locality}\u0000${r.service_type}`, pick(r)])),
      ),
    ];
    return [
      ...figuresOf('care_hours_planned', (r) => r.planned, 'service_type'),
      ...figuresOf('care_hours_delivered', (r) => r.delivered, 'service_type'),
      ...figuresOf('people_visited', (r) => r.people, null),
    ];
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
