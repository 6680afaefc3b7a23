import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

import { FUNDING_TYPES, FundingType, SERVICE_TYPES, ServiceType } from '@app/contracts';
import { Page, pageOf } from '@app/platform';
import { PeriodQuery } from '@app/platform';

import { CareErrors } from './care.errors';
import { CARE_TIME_ZONE, countImproved, GoalScores, monthBounds, percentOf, periodViolation } from './care.rules';
import { CareSummaryView, ContinuityListQuery, ContinuityView, ServiceTypeFigures } from './care-reports.dto';
import { ServiceUserQueries } from './service-user.queries';

interface ContinuityRow {
  service_user_id: string;
  full_name: string;
  distinct_carers: number;
  visits: number;
}

interface VisitFiguresRow {
  service_type: ServiceType;
  visits_planned: number;
  /** bigint, as is minutes_delivered: text from pg. */
  minutes_planned: string;
  visits_delivered: number;
  minutes_delivered: string;
  visits_missed: number;
  visits_cancelled: number;
}

interface GoalScoresRow {
  performance_at_start: number;
  satisfaction_at_start: number;
  performance_at_review: number | null;
  satisfaction_at_review: number | null;
}

/**
 * Visits that brought (or are to bring) a carer, starting from day $first up to day $next of the
 * co-op's calendar ($zone); the parameters are numbers of query placeholders.
 */
const monthVisits = (first: number, next: number, zone: number) => `v.status IN ('planned', 'delivered')
  AND v.planned_start >= ($${first}::date::timestamp AT TIME ZONE $${zone}) AND v.planned_start < ($${next}::date::timestamp AT TIME ZONE $${zone})`;

@Injectable()
export class CareReportQueries {
  constructor(
    private readonly dataSource: DataSource,
    private readonly people: ServiceUserQueries,
  ) {}

  async continuityOf(serviceUserId: string, month: string): Promise<ContinuityView> {
    const person = await this.people.get(serviceUserId);
    const { first, next } = monthBounds(month);
    const [row]: { distinct_carers: number; visits: number }[] = await this.dataSource.query(
      `SELECT count(DISTINCT v.carer_id)::int AS distinct_carers, count(*)::int AS visits FROM visit v WHERE v.service_user_id = $1 AND ${monthVisits(2, 3, 4)}`,
      [serviceUserId, first, next, CARE_TIME_ZONE],
    );
    return { serviceUserId, fullName: person.fullName, month, distinctCarers: row.distinct_carers, visits: row.visits };
  }

  /** Everyone visited in the month, most carers first: the people whose continuity most needs a look. */
  async continuity(q: ContinuityListQuery): Promise<Page<ContinuityView>> {
    const { first, next } = monthBounds(q.month);
    const params = [first, next, CARE_TIME_ZONE];
    const [{ total }]: { total: number }[] = await this.dataSource.query(
      `SELECT count(DISTINCT v.service_user_id)::int AS total FROM visit v WHERE ${monthVisits(1, 2, 3)}`,
      params,
    );
    const rows: ContinuityRow[] = await this.dataSource.query(
      `SELECT v.service_user_id, su.full_name, count(DISTINCT v.carer_id)::int AS distinct_carers, count(*)::int AS visits
         FROM visit v JOIN service_user su ON su.id = v.service_user_id
        WHERE ${monthVisits(1, 2, 3)}
        GROUP BY v.service_user_id, su.full_name
        ORDER BY distinct_carers DESC, su.full_name, v.service_user_id
        LIMIT $4 OFFSET $5`,
      [...params, q.limit, q.offset],
    );
    return pageOf(
      rows.map((r) => ({
        serviceUserId: r.service_user_id,
        fullName: r.full_name,
        month: q.month,
        distinctCarers: r.distinct_carers,
        visits: r.visits,
      })),
      total,
      q,
    );
  }

  async summary(period: PeriodQuery): Promise<CareSummaryView> {
    const violation = periodViolation(period);
    if (violation) throw CareErrors.invalid(violation);
    const people: { funding_type: FundingType; n: number }[] = await this.dataSource.query(
      `SELECT funding_type, count(*)::int AS n FROM service_user
        WHERE started_on <= $2 AND (ended_on IS NULL OR ended_on >= $1) GROUP BY funding_type`,
      [period.from, period.to],
    );
    const visits: VisitFiguresRow[] = await this.dataSource.query(
      `SELECT service_type,
              count(*) FILTER (WHERE status <> 'cancelled')::int AS visits_planned,
              coalesce(sum(planned_minutes) FILTER (WHERE status <> 'cancelled'), 0)::bigint AS minutes_planned,
              count(*) FILTER (WHERE status = 'delivered')::int AS visits_delivered,
              coalesce(sum(delivered_minutes), 0)::bigint AS minutes_delivered,
              count(*) FILTER (WHERE status = 'missed')::int AS visits_missed,
              count(*) FILTER (WHERE status = 'cancelled')::int AS visits_cancelled
         FROM visit
        WHERE planned_start >= ($1::date::timestamp AT TIME ZONE $3) AND planned_start < (($2::date + 1)::timestamp AT TIME ZONE $3)
        GROUP BY service_type`,
      [period.from, period.to, CARE_TIME_ZONE],
    );
    // Only the scores of goals reviewed in the period; "improved" is the rule's to decide (COPM's 2 points), not SQL's.
    const goals: GoalScoresRow[] = await this.dataSource.query(
      `SELECT g.performance_at_start, g.satisfaction_at_start, g.performance_at_review, g.satisfaction_at_review
         FROM care_goal g JOIN care_plan p ON p.id = g.care_plan_id
        WHERE p.reviewed_on BETWEEN $1 AND $2`,
      [period.from, period.to],
    );
    const scores: GoalScores[] = goals.map((g) => ({
      performanceAtStart: g.performance_at_start,
      satisfactionAtStart: g.satisfaction_at_start,
      performanceAtReview: g.performance_at_review,
      satisfactionAtReview: g.satisfaction_at_review,
    }));
    const improved = countImproved(scores);
    const peopleByFundingType = Object.fromEntries(
      FUNDING_TYPES.map((f) => [f, people.find((r) => r.funding_type === f)?.n ?? 0]),
    ) as Record<FundingType, number>;
    return {
      from: period.from,
      to: period.to,
      peopleSupported: people.reduce((sum, r) => sum + r.n, 0),
      peopleByFundingType,
      visitsByServiceType: Object.fromEntries(SERVICE_TYPES.map((s) => [s, toFigures(visits.find((r) => r.service_type === s))])) as Record<
        ServiceType,
        ServiceTypeFigures
      >,
      goalsReviewed: scores.length,
      goalsImproved: improved,
      goalsImprovedPercent: percentOf(improved, scores.length),
    };
  }
}

function toFigures(r: VisitFiguresRow | undefined): ServiceTypeFigures {
  return {
    visitsPlanned: r?.visits_planned ?? 0,
    minutesPlanned: Number(r?.minutes_planned ?? 0),
    visitsDelivered: r?.visits_delivered ?? 0,
    minutesDelivered: Number(r?.minutes_delivered ?? 0),
    visitsMissed: r?.visits_missed ?? 0,
    visitsCancelled: r?.visits_cancelled ?? 0,
  };
}
