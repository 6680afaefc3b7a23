import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';

import { WEEK_TIME_ZONE } from '@app/contracts';

import { SpareMinutes } from './spare-care-hours.rules';

interface TotalsRow {
  contracted: number;
  planned: number;
}

interface LocalitySpareRow {
  locality: string;
  spare_minutes: number;
}

/*
 * The week's visits (not cancelled) by carer and locality of the person visited, and the staff
 * employed on at least one day of the week. $1 is the Monday; the week ends at the next Monday's
 * midnight on the co-op's calendar, as the care feature counts days.
 */
const WEEK = `
  week_visits AS (
    SELECT v.carer_id, su.locality, sum(v.planned_minutes)::numeric AS minutes
      FROM visit v JOIN service_user su ON su.id = v.service_user_id
     WHERE v.status <> 'cancelled'
       AND v.planned_start >= ($1::date::timestamp AT TIME ZONE $2)
       AND v.planned_start < (($1::date + 7)::timestamp AT TIME ZONE $2)
     GROUP BY v.carer_id, su.locality),
  employed AS (
    SELECT s.id, s.contracted_minutes_per_week::numeric AS contracted
      FROM staff s
     WHERE s.started_on <= $1::date + 6 AND (s.left_on IS NULL OR s.left_on >= $1::date))`;

/** Sums for spare-care-hours.rules.ts, computed in PostgreSQL: no row about a person comes back. */
@Injectable()
export class SpareCareHoursQueries {
  async minutes(m: EntityManager, weekStart: string): Promise<SpareMinutes> {
    const [totals]: TotalsRow[] = await m.query(
      `WITH ${WEEK}
       SELECT (SELECT coalesce(sum(contracted), 0) FROM employed)::float8 AS contracted,
              (SELECT coalesce(sum(minutes), 0) FROM week_visits)::float8 AS planned`,
      [weekStart, WEEK_TIME_ZONE],
    );
    // Each carer's spare minutes, shared across localities in proportion to their planned minutes
    // there. A carer with visits but no employment in the week (which the care rules prevent) counts
    // as contracted for nothing, as in the total.
    const allocated: LocalitySpareRow[] = await m.query(
      `WITH ${WEEK},
         carer AS (SELECT carer_id, sum(minutes) AS planned FROM week_visits GROUP BY carer_id)
       SELECT w.locality, sum((coalesce(e.contracted, 0) - c.planned) * w.minutes / c.planned)::float8 AS spare_minutes
         FROM week_visits w
         JOIN carer c ON c.carer_id = w.carer_id
         LEFT JOIN employed e ON e.id = w.carer_id
        GROUP BY w.locality`,
      [weekStart, WEEK_TIME_ZONE],
    );
    return {
      contractedMinutes: totals.contracted,
      plannedMinutes: totals.planned,
      allocated: allocated.map((r) => ({ locality: r.locality, spareMinutes: r.spare_minutes })),
    };
  }
}
