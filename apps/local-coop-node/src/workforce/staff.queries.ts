import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';

import { ContractType } from '@app/contracts';
import { Page, pageOf, todayIso } from '@app/platform';

import { RulebookStore } from '../rulebook';
import { ListStaffQuery, ListTrainingQuery, StaffDataView, StaffView, TrainingView } from './staff.dto';
import { WorkforceErrors } from './workforce.errors';
import { paidAtLeastRealLivingWage, StaffRole, trainingIsCurrent } from './workforce.rules';

interface StaffRow {
  id: string;
  full_name: string;
  role: StaffRole;
  contract_type: ContractType;
  hourly_pay_pence: number;
  contracted_minutes_per_week: number;
  started_on: string;
  left_on: string | null;
  leaving_reason: string | null;
  member_id: string | null;
  locality: string;
  disadvantaged: boolean;
  created_at: Date;
}

interface TrainingRow {
  id: string;
  staff_id: string;
  course: string;
  completed_on: string;
  expires_on: string | null;
  recorded_at: Date;
}

const today = () => todayIso();

@Injectable()
export class StaffQueries {
  constructor(
    private readonly dataSource: DataSource,
    private readonly rulebooks: RulebookStore,
  ) {}

  async list(q: ListStaffQuery): Promise<Page<StaffView>> {
    const where: string[] = [];
    const params: unknown[] = [];
    if (q.contractType) where.push(`contract_type = $${params.push(q.contractType)}`);
    if (q.role) where.push(`role = $${params.push(q.role)}`);
    if (q.locality) where.push(`locality = $${params.push(q.locality)}`);
    if (q.activeOn) {
      const on = params.push(q.activeOn);
      where.push(`started_on <= $${on} AND (left_on IS NULL OR left_on >= $${on})`);
    }
    const clause = where.length ? `WHERE ${where.join(' AND ')}` : '';
    const [{ total }]: { total: number }[] = await this.dataSource.query(`SELECT count(*)::int AS total FROM staff ${clause}`, params);
    const rows: StaffRow[] = await this.dataSource.query(
      `SELECT * FROM staff ${clause} ORDER BY full_name, id LIMIT $${params.length + 1} OFFSET $${params.length + 2}`,
      [...params, q.limit, q.offset],
    );
    const rlw = await this.realLivingWage();
    return pageOf(
      rows.map((r) => toStaffView(r, rlw)),
      total,
      q,
    );
  }

  async get(id: string, manager: EntityManager = this.dataSource.manager): Promise<StaffView> {
    const [row]: StaffRow[] = await manager.query('SELECT * FROM staff WHERE id = $1', [id]);
    if (!row) throw WorkforceErrors.staffNotFound(id);
    return toStaffView(row, await this.realLivingWage(manager));
  }

  async assertExists(manager: EntityManager, id: string): Promise<void> {
    const [row]: unknown[] = await manager.query('SELECT 1 FROM staff WHERE id = $1', [id]);
    if (!row) throw WorkforceErrors.staffNotFound(id);
  }

  async trainingOf(staffId: string, q: ListTrainingQuery): Promise<Page<TrainingView>> {
    await this.assertExists(this.dataSource.manager, staffId);
    const [{ total }]: { total: number }[] = await this.dataSource.query(
      'SELECT count(*)::int AS total FROM training_record WHERE staff_id = $1',
      [staffId],
    );
    const rows: TrainingRow[] = await this.dataSource.query(
      'SELECT * FROM training_record WHERE staff_id = $1 ORDER BY completed_on DESC, id LIMIT $2 OFFSET $3',
      [staffId, q.limit, q.offset],
    );
    return pageOf(rows.map(toTrainingView), total, q);
  }

  /** Every staff record linked to a member (someone may be employed more than once), each with all its training. */
  async ofMember(manager: EntityManager, memberId: string): Promise<StaffDataView[]> {
    const rows: StaffRow[] = await manager.query('SELECT * FROM staff WHERE member_id = $1 ORDER BY started_on, id', [memberId]);
    if (rows.length === 0) return [];
    const rlw = await this.realLivingWage(manager);
    const out: StaffDataView[] = [];
    for (const row of rows) {
      const training: TrainingRow[] = await manager.query(
        'SELECT * FROM training_record WHERE staff_id = $1 ORDER BY completed_on DESC, id',
        [row.id],
      );
      out.push({ record: toStaffView(row, rlw), training: training.map(toTrainingView) });
    }
    return out;
  }

  async trainingRecord(id: string, manager: EntityManager): Promise<TrainingView> {
    const [row]: TrainingRow[] = await manager.query('SELECT * FROM training_record WHERE id = $1', [id]);
    return toTrainingView(row);
  }

  private async realLivingWage(manager?: EntityManager): Promise<number> {
    return (await this.rulebooks.current(manager)).rulebook.realLivingWagePencePerHour;
  }
}

function toStaffView(r: StaffRow, realLivingWagePencePerHour: number): StaffView {
  return {
    id: r.id,
    fullName: r.full_name,
    role: r.role,
    contractType: r.contract_type,
    hourlyPayPence: r.hourly_pay_pence,
    contractedMinutesPerWeek: r.contracted_minutes_per_week,
    startedOn: r.started_on,
    leftOn: r.left_on,
    leavingReason: r.leaving_reason,
    memberId: r.member_id,
    locality: r.locality,
    paidAtLeastRealLivingWage: paidAtLeastRealLivingWage(r.hourly_pay_pence, realLivingWagePencePerHour),
    disadvantaged: r.disadvantaged,
  };
}

function toTrainingView(r: TrainingRow): TrainingView {
  return {
    id: r.id,
    staffId: r.staff_id,
    course: r.course,
    completedOn: r.completed_on,
    expiresOn: r.expires_on,
    current: trainingIsCurrent({ completedOn: r.completed_on, expiresOn: r.expires_on }, today()),
  };
}
