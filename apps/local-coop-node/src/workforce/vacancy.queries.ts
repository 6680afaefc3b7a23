import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';

import { ContractType } from '@app/contracts';
import { Page, pageOf } from '@app/platform';

import { RulebookStore } from '../rulebook';
import { ListVacanciesQuery, VacancyView } from './vacancies.dto';
import { WorkforceErrors } from './workforce.errors';
import { paidAtLeastRealLivingWage, StaffRole, VacancyStatus } from './workforce.rules';

interface VacancyRow {
  id: string;
  role: StaffRole;
  contract_type: ContractType;
  minutes_per_week: number;
  hourly_pay_pence: number;
  locality: string;
  opened_on: string;
  closed_on: string | null;
  status: VacancyStatus;
  pooled: boolean;
  starts_on: string | null;
}

@Injectable()
export class VacancyQueries {
  constructor(
    private readonly dataSource: DataSource,
    private readonly rulebooks: RulebookStore,
  ) {}

  async list(q: ListVacanciesQuery): Promise<Page<VacancyView>> {
    const where: string[] = [];
    const params: unknown[] = [];
    if (q.status !== 'all') where.push(`status = $${params.push(q.status)}`);
    if (q.role) where.push(`role = $${params.push(q.role)}`);
    if (q.contractType) where.push(`contract_type = $${params.push(q.contractType)}`);
    if (q.locality) where.push(`locality = $${params.push(q.locality)}`);
    const clause = where.length ? `WHERE ${where.join(' AND ')}` : '';
    const [{ total }]: { total: number }[] = await this.dataSource.query(`SELECT count(*)::int AS total FROM vacancy ${clause}`, params);
    const rows: VacancyRow[] = await this.dataSource.query(
      `SELECT * FROM vacancy ${clause} ORDER BY opened_on DESC, id LIMIT $${params.length + 1} OFFSET $${params.length + 2}`,
      [...params, q.limit, q.offset],
    );
    const rlw = await this.realLivingWage();
    return pageOf(
      rows.map((r) => toView(r, rlw)),
      total,
      q,
    );
  }

  async get(id: string, manager: EntityManager = this.dataSource.manager): Promise<VacancyView> {
    const [row]: VacancyRow[] = await manager.query('SELECT * FROM vacancy WHERE id = $1', [id]);
    if (!row) throw WorkforceErrors.vacancyNotFound(id);
    return toView(row, await this.realLivingWage(manager));
  }

  /** Open at the end of the day: a vacancy closed that day no longer counts. */
  async countOpenAtEndOf(on: string): Promise<number> {
    const [{ n }]: { n: number }[] = await this.dataSource.query(
      'SELECT count(*)::int AS n FROM vacancy WHERE opened_on <= $1 AND (closed_on IS NULL OR closed_on > $1)',
      [on],
    );
    return n;
  }

  private async realLivingWage(manager?: EntityManager): Promise<number> {
    return (await this.rulebooks.current(manager)).rulebook.realLivingWagePencePerHour;
  }
}

function toView(r: VacancyRow, realLivingWagePencePerHour: number): VacancyView {
  return {
    id: r.id,
    role: r.role,
    contractType: r.contract_type,
    minutesPerWeek: r.minutes_per_week,
    hourlyPayPence: r.hourly_pay_pence,
    locality: r.locality,
    openedOn: r.opened_on,
    closedOn: r.closed_on,
    status: r.status,
    paidAtLeastRealLivingWage: paidAtLeastRealLivingWage(r.hourly_pay_pence, realLivingWagePencePerHour),
    pooled: r.pooled,
    startsOn: r.starts_on,
  };
}
