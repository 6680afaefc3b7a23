import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';

import { CONTRACT_TYPES, QuarterPeriod, ReturnFigure } from '@app/contracts';

import { breakdownFigures, REPORTING_TIME_ZONE } from './node-return.rules';

/** The total row (all_contracts 1) and one per contract type; every count an int. */
type StaffFiguresRow = {
  headcount: number;
  starters: number;
  leavers: number;
  leavers_12_months: number;
  paid_real_living_wage: number;
} & ({ all_contracts: 1; contract_type: null } | { all_contracts: 0; contract_type: string });

interface OtherFiguresRow {
  vacancies: number;
  trainings: number;
}

/**
 * The workforce figures of a return, as the Skills for Care data set counts them. A leave date is
 * the last day worked (the workforce feature's isEmployedOn), so a leaver counts on it.
 */
@Injectable()
export class WorkforceFigureQueries {
  async figures(m: EntityManager, p: QuarterPeriod): Promise<ReturnFigure[]> {
    // The Real Living Wage of the rulebook in force at the end of the last day, or the founding one.
    const rows: StaffFiguresRow[] = await m.query(
      `WITH wage AS (
         SELECT coalesce(
           (SELECT (rulebook->>'realLivingWagePencePerHour')::int FROM rulebook_version
             WHERE adopted_at < (($2::date + 1)::timestamp AT TIME ZONE $3) ORDER BY version DESC LIMIT 1),
           (SELECT (rulebook->>'realLivingWagePencePerHour')::int FROM rulebook_version ORDER BY version LIMIT 1)) AS pence)
       SELECT s.contract_type, GROUPING(s.contract_type) AS all_contracts,
              count(*) FILTER (WHERE s.started_on <= $2::date AND (s.left_on IS NULL OR s.left_on >= $2::date))::int AS headcount,
              count(*) FILTER (WHERE s.started_on BETWEEN $1::date AND $2::date)::int AS starters,
              count(*) FILTER (WHERE s.left_on BETWEEN $1::date AND $2::date)::int AS leavers,
              count(*) FILTER (WHERE s.contract_type IN ('permanent', 'zero-hours')
                                 AND s.left_on > ($2::date - interval '12 months')::date AND s.left_on <= $2::date)::int AS leavers_12_months,
              count(*) FILTER (WHERE s.started_on <= $2::date AND (s.left_on IS NULL OR s.left_on >= $2::date)
                                 AND s.hourly_pay_pence >= (SELECT pence FROM wage))::int AS paid_real_living_wage
         FROM staff s
        GROUP BY GROUPING SETS ((), (s.contract_type))`,
      [p.start, p.end, REPORTING_TIME_ZONE],
    );
    const [other]: OtherFiguresRow[] = await m.query(
      `SELECT (SELECT count(*) FROM vacancy WHERE opened_on <= $2::date AND (closed_on IS NULL OR closed_on > $2::date))::int AS vacancies,
              (SELECT count(*) FROM training_record WHERE completed_on BETWEEN $1::date AND $2::date)::int AS trainings`,
      [p.start, p.end],
    );
    const total: Partial<StaffFiguresRow> = rows.find((r) => r.all_contracts === 1) ?? {};
    const headcountByContract = new Map<string, number>(
      rows.filter((r) => r.all_contracts === 0).map((r) => [r.contract_type, r.headcount]),
    );
    const figure = (metric: string, value: number | undefined): ReturnFigure => ({ metric, breakdown: null, value: value ?? 0 });
    return [
      figure('staff_headcount', total.headcount),
      ...breakdownFigures('staff_headcount', 'contract_type', CONTRACT_TYPES, headcountByContract),
      figure('staff_starters', total.starters),
      figure('staff_leavers', total.leavers),
      figure('staff_leavers_12_months', total.leavers_12_months),
      figure('vacancies_open', other.vacancies),
      figure('staff_paid_real_living_wage', total.paid_real_living_wage),
      figure('training_completions', other.trainings),
    ];
  }
}
