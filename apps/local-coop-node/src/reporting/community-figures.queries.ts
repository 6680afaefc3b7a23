import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';

import { CQC_RATING_SCALE, QuarterPeriod, ReturnFigure, STAKEHOLDER_CLASSES } from '@app/contracts';

import { localSupplierSpendPence } from '../purchasing';
import { breakdownFigures, REPORTING_TIME_ZONE } from './node-return.rules';

/** Counts as int, hours as float8. */
interface VolunteeringRow {
  active: number;
  hours: number;
  exchanged: number;
  into_paid_work: number;
}

/** The total row (all_classes 1) and one per stakeholder class. */
type MembersRow = { n: number } & ({ all_classes: 1; stakeholder_class: null } | { all_classes: 0; stakeholder_class: string });

interface BallotsRow {
  held: number;
  /** Null when no ballot closed in the period. */
  mean_turnout: number | null;
}

/** Volunteering and the time bank, membership and ballots, and the co-op's CQC rating. */
@Injectable()
export class CommunityFigureQueries {
  async figures(m: EntityManager, p: QuarterPeriod, cqcRating: string | null): Promise<ReturnFigure[]> {
    const [v]: VolunteeringRow[] = await m.query(
      `SELECT (SELECT count(*) FROM volunteer WHERE joined_on <= $2::date AND (left_on IS NULL OR left_on > $2::date))::int AS active,
              (SELECT round(coalesce(sum(minutes), 0) / 60.0, 2) FROM volunteer_hours WHERE worked_on BETWEEN $1::date AND $2::date)::float8 AS hours,
              (SELECT round(coalesce(sum(minutes), 0) / 60.0, 2) FROM time_transfer
                WHERE purpose IN ('respite', 'help') AND occurred_on BETWEEN $1::date AND $2::date)::float8 AS exchanged,
              (SELECT count(*) FROM volunteer WHERE moved_into_paid_work_on BETWEEN $1::date AND $2::date)::int AS into_paid_work`,
      [p.start, p.end],
    );
    const members: MembersRow[] = await m.query(
      `SELECT stakeholder_class, GROUPING(stakeholder_class) AS all_classes, count(*)::int AS n
         FROM member
        WHERE admitted_on <= $1::date AND (withdrawn_on IS NULL OR withdrawn_on > $1::date)
        GROUP BY GROUPING SETS ((), (stakeholder_class))`,
      [p.end],
    );
    // Turnout from the counts fixed in each final result, not its rounded percentage.
    const [b]: BallotsRow[] = await m.query(
      `SELECT count(*)::int AS held,
              round(avg(CASE WHEN (result->>'eligible')::int = 0 THEN 0
                             ELSE 100.0 * (result->>'voted')::int / (result->>'eligible')::int END), 1)::float8 AS mean_turnout
         FROM ballot
        WHERE closed_at IS NOT NULL
          AND closes_at >= ($1::date::timestamp AT TIME ZONE $3) AND closes_at < (($2::date + 1)::timestamp AT TIME ZONE $3)`,
      [p.start, p.end, REPORTING_TIME_ZONE],
    );
    const figure = (metric: string, value: number | null): ReturnFigure => ({ metric, breakdown: null, value });
    return [
      figure('volunteers_active', v.active),
      figure('volunteer_hours', v.hours),
      figure('time_credit_hours_exchanged', v.exchanged),
      figure('volunteers_into_paid_work', v.into_paid_work),
      figure('members', members.find((r) => r.all_classes === 1)?.n ?? 0),
      ...breakdownFigures(
        'members',
        'stakeholder_class',
        STAKEHOLDER_CLASSES,
        new Map(members.filter((r) => r.all_classes === 0).map((r) => [r.stakeholder_class, r.n])),
      ),
      figure('ballots_held', b.held),
      figure('ballot_mean_turnout_percent', b.mean_turnout),
      figure('cqc_rating', CQC_RATING_SCALE.find((l) => l.label === cqcRating)?.value ?? null),
      // Not recorded on a node yet: sent as null, never as a zero nobody counted.
      figure('safeguarding_concerns_raised', null),
      figure('local_supplier_spend', await localSupplierSpendPence(m, p, REPORTING_TIME_ZONE)),
    ];
  }
}
