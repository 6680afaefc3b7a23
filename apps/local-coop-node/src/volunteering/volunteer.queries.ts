import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';

import { OpenPeriodQuery as PeriodQuery, Page, pageOf, Principal } from '@app/platform';

import { VOLUNTEER_ACTIVITIES, VolunteerActivity } from './volunteer.rules';
import { assertMayActOnVolunteer } from './volunteer-access.rules';
import { VolunteeringErrors } from './volunteering.errors';
import { HoursView, ListHoursQuery, ListVolunteersQuery, VolunteeringSummaryView, VolunteerView } from './volunteers.dto';

export const COLUMNS = 'v.id, v.full_name, v.member_id, v.joined_on, v.left_on, v.leaving_reason, v.moved_into_paid_work_on, v.paid_role';

/** The volunteer columns of COLUMNS, as `pg` returns them (dates as 'YYYY-MM-DD'). */
export interface VolunteerRecord {
  id: string;
  full_name: string;
  member_id: string | null;
  joined_on: string;
  left_on: string | null;
  leaving_reason: string | null;
  moved_into_paid_work_on: string | null;
  paid_role: string | null;
}

/** A volunteer_hours row with the transfer that credited it. */
interface HoursRecord {
  id: string;
  volunteer_id: string;
  worked_on: string;
  activity: VolunteerActivity;
  minutes: number;
  note: string | null;
  recorded_at: Date;
  transfer_id: string;
}

@Injectable()
export class VolunteerQueries {
  constructor(private readonly dataSource: DataSource) {}

  async list(q: ListVolunteersQuery): Promise<Page<VolunteerView>> {
    const where: string[] = [];
    const params: unknown[] = [];
    if (q.status === 'active') where.push('v.left_on IS NULL');
    if (q.status === 'left') where.push('v.left_on IS NOT NULL');
    if (q.inPaidWork === 'true') where.push('v.moved_into_paid_work_on IS NOT NULL');
    if (q.inPaidWork === 'false') where.push('v.moved_into_paid_work_on IS NULL');
    if (q.name) where.push(`v.full_name ILIKE $${params.push(`%${q.name.replace(/[\\%_]/g, (c) => `\\${c}`)}%`)}`);
    const clause = where.length ? `WHERE ${where.join(' AND ')}` : '';
    const [{ total }]: { total: number }[] = await this.dataSource.query(
      `SELECT count(*)::int AS total FROM volunteer v ${clause}`,
      params,
    );
    const rows: VolunteerRecord[] = await this.dataSource.query(
      `SELECT ${COLUMNS} FROM volunteer v ${clause} ORDER BY v.full_name, v.id LIMIT $${params.length + 1} OFFSET $${params.length + 2}`,
      [...params, q.limit, q.offset],
    );
    return pageOf(rows.map(toView), total, q);
  }

  async get(id: string, manager: EntityManager = this.dataSource.manager): Promise<VolunteerView> {
    const [row]: VolunteerRecord[] = await manager.query(`SELECT ${COLUMNS} FROM volunteer v WHERE v.id = $1`, [id]);
    if (!row) throw VolunteeringErrors.volunteerNotFound(id);
    return toView(row);
  }

  /** The volunteer, if the caller may see them; otherwise the same 404 as a volunteer that does not exist. */
  async visibleTo(principal: Principal, id: string, manager: EntityManager = this.dataSource.manager): Promise<VolunteerView> {
    const volunteer = await this.get(id, manager);
    assertMayActOnVolunteer(principal, volunteer);
    return volunteer;
  }

  async forMember(memberId: string | undefined, manager: EntityManager = this.dataSource.manager): Promise<VolunteerView | null> {
    if (!memberId) return null;
    const [row]: VolunteerRecord[] = await manager.query(`SELECT ${COLUMNS} FROM volunteer v WHERE v.member_id = $1`, [memberId]);
    return row ? toView(row) : null;
  }

  async hours(volunteerId: string, q: ListHoursQuery): Promise<Page<HoursView>> {
    const where = ['h.volunteer_id = $1'];
    const params: unknown[] = [volunteerId];
    if (q.activity) where.push(`h.activity = $${params.push(q.activity)}`);
    if (q.from) where.push(`h.worked_on >= $${params.push(q.from)}`);
    if (q.to) where.push(`h.worked_on <= $${params.push(q.to)}`);
    const clause = `WHERE ${where.join(' AND ')}`;
    const [{ total }]: { total: number }[] = await this.dataSource.query(
      `SELECT count(*)::int AS total FROM volunteer_hours h ${clause}`,
      params,
    );
    const rows: HoursRecord[] = await this.dataSource.query(
      `SELECT h.*, t.id AS transfer_id FROM volunteer_hours h JOIN time_transfer t ON t.volunteer_hours_id = h.id ${clause}
        ORDER BY h.worked_on DESC, h.recorded_at DESC, h.id LIMIT $${params.length + 1} OFFSET $${params.length + 2}`,
      [...params, q.limit, q.offset],
    );
    return pageOf(rows.map(toHoursView), total, q);
  }

  /** Every entry of hours the volunteer gave, oldest first, for their data export. */
  async allHours(manager: EntityManager, volunteerId: string): Promise<HoursView[]> {
    const rows: HoursRecord[] = await manager.query(
      'SELECT h.*, t.id AS transfer_id FROM volunteer_hours h JOIN time_transfer t ON t.volunteer_hours_id = h.id WHERE h.volunteer_id = $1 ORDER BY h.worked_on, h.recorded_at, h.id',
      [volunteerId],
    );
    return rows.map(toHoursView);
  }

  async hoursEntry(manager: EntityManager, id: string): Promise<HoursView> {
    const [row]: HoursRecord[] = await manager.query(
      'SELECT h.*, t.id AS transfer_id FROM volunteer_hours h JOIN time_transfer t ON t.volunteer_hours_id = h.id WHERE h.id = $1',
      [id],
    );
    return toHoursView(row);
  }

  /** Hours given by activity, volunteers active at the period's end, and moves into paid work within it. */
  async summary(period: PeriodQuery, today: string): Promise<VolunteeringSummaryView> {
    const from = period.from ?? null;
    const to = period.to ?? null;
    const rows: { activity: VolunteerActivity; minutes: string }[] = await this.dataSource.query(
      `SELECT activity, sum(minutes)::bigint AS minutes FROM volunteer_hours
        WHERE ($1::date IS NULL OR worked_on >= $1::date) AND ($2::date IS NULL OR worked_on <= $2::date) GROUP BY activity`,
      [from, to],
    );
    const [people]: { active: number; moved: number }[] = await this.dataSource.query(
      `SELECT count(*) FILTER (WHERE joined_on <= $2::date AND (left_on IS NULL OR left_on > $2::date))::int AS active,
              count(*) FILTER (WHERE moved_into_paid_work_on >= coalesce($1::date, '-infinity') AND moved_into_paid_work_on <= $2::date)::int AS moved
         FROM volunteer`,
      [from, to ?? today],
    );
    const minutesByActivity = Object.fromEntries(
      VOLUNTEER_ACTIVITIES.map((a) => [a, Number(rows.find((r) => r.activity === a)?.minutes ?? 0)]),
    ) as Record<VolunteerActivity, number>;
    return {
      from,
      to,
      activeVolunteers: people.active,
      minutesGiven: Object.values(minutesByActivity).reduce((s, m) => s + m, 0),
      minutesByActivity,
      movedIntoPaidWork: people.moved,
    };
  }
}

export function toView(r: VolunteerRecord): VolunteerView {
  return {
    id: r.id,
    fullName: r.full_name,
    memberId: r.member_id,
    joinedOn: r.joined_on,
    leftOn: r.left_on,
    leavingReason: r.leaving_reason,
    movedIntoPaidWorkOn: r.moved_into_paid_work_on,
    paidRole: r.paid_role,
  };
}

function toHoursView(r: HoursRecord): HoursView {
  return {
    id: r.id,
    volunteerId: r.volunteer_id,
    workedOn: r.worked_on,
    activity: r.activity,
    minutes: r.minutes,
    note: r.note,
    recordedAt: r.recorded_at,
    transferId: r.transfer_id,
  };
}
