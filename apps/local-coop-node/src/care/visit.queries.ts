import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';

import { ServiceType } from '@app/contracts';
import { Page, pageOf } from '@app/platform';

import { CareErrors } from './care.errors';
import { CARE_TIME_ZONE, VisitStatus } from './care.rules';
import { ListVisitsQuery, VisitView } from './visits.dto';

export interface VisitRow {
  id: string;
  service_user_id: string;
  carer_id: string;
  service_type: ServiceType;
  planned_start: Date;
  planned_minutes: number;
  status: VisitStatus;
  delivered_minutes: number | null;
  contract_id: string | null;
  created_at: Date;
}

@Injectable()
export class VisitQueries {
  constructor(private readonly dataSource: DataSource) {}

  async list(q: ListVisitsQuery): Promise<Page<VisitView>> {
    const where: string[] = [];
    const params: unknown[] = [];
    if (q.serviceUserId) where.push(`service_user_id = $${params.push(q.serviceUserId)}`);
    if (q.carerId) where.push(`carer_id = $${params.push(q.carerId)}`);
    if (q.status) where.push(`status = $${params.push(q.status)}`);
    if (q.serviceType) where.push(`service_type = $${params.push(q.serviceType)}`);
    if (q.contractId) where.push(`contract_id = $${params.push(q.contractId)}`);
    // Day bounds become instants in the co-op's zone, so the index on planned_start still serves.
    if (q.from || q.to) params.push(CARE_TIME_ZONE);
    const zone = params.length;
    if (q.from) where.push(`planned_start >= ($${params.push(q.from)}::date::timestamp AT TIME ZONE $${zone})`);
    if (q.to) where.push(`planned_start < (($${params.push(q.to)}::date + 1)::timestamp AT TIME ZONE $${zone})`);
    const clause = where.length ? `WHERE ${where.join(' AND ')}` : '';
    const [{ total }]: { total: number }[] = await this.dataSource.query(`SELECT count(*)::int AS total FROM visit ${clause}`, params);
    const rows: VisitRow[] = await this.dataSource.query(
      `SELECT * FROM visit ${clause} ORDER BY planned_start, id LIMIT $${params.length + 1} OFFSET $${params.length + 2}`,
      [...params, q.limit, q.offset],
    );
    return pageOf(rows.map(toView), total, q);
  }

  async get(id: string, manager: EntityManager = this.dataSource.manager): Promise<VisitView> {
    const [row]: VisitRow[] = await manager.query('SELECT * FROM visit WHERE id = $1', [id]);
    if (!row) throw CareErrors.visitNotFound(id);
    return toView(row);
  }
}

function toView(r: VisitRow): VisitView {
  return {
    id: r.id,
    serviceUserId: r.service_user_id,
    carerId: r.carer_id,
    serviceType: r.service_type,
    plannedStart: r.planned_start.toISOString(),
    plannedMinutes: r.planned_minutes,
    status: r.status,
    deliveredMinutes: r.delivered_minutes,
    contractId: r.contract_id,
  };
}
