import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';

import { FundingType } from '@app/contracts';
import { Page, pageOf } from '@app/platform';

import { CareErrors } from './care.errors';
import { CARE_TIME_ZONE } from './care.rules';
import { ListServiceUsersQuery, ServiceUserView } from './service-users.dto';

interface ServiceUserRow {
  id: string;
  full_name: string;
  date_of_birth: string | null;
  address: string | null;
  locality: string;
  funding_type: FundingType;
  started_on: string;
  ended_on: string | null;
  created_at: Date;
  erased_at: Date | null;
}

@Injectable()
export class ServiceUserQueries {
  constructor(private readonly dataSource: DataSource) {}

  async list(q: ListServiceUsersQuery): Promise<Page<ServiceUserView>> {
    const where: string[] = [];
    const params: unknown[] = [];
    if (q.fundingType) where.push(`funding_type = $${params.push(q.fundingType)}`);
    if (q.locality) where.push(`locality = $${params.push(q.locality)}`);
    if (q.supportedOn) {
      const on = params.push(q.supportedOn);
      where.push(`started_on <= $${on} AND (ended_on IS NULL OR ended_on >= $${on})`);
    }
    if (q.name) where.push(`full_name ILIKE $${params.push(`%${q.name.replace(/[\\%_]/g, (c) => `\\${c}`)}%`)}`);
    const clause = where.length ? `WHERE ${where.join(' AND ')}` : '';
    const [{ total }]: { total: number }[] = await this.dataSource.query(
      `SELECT count(*)::int AS total FROM service_user ${clause}`,
      params,
    );
    const rows: ServiceUserRow[] = await this.dataSource.query(
      `SELECT * FROM service_user ${clause} ORDER BY full_name, id LIMIT $${params.length + 1} OFFSET $${params.length + 2}`,
      [...params, q.limit, q.offset],
    );
    return pageOf(rows.map(toView), total, q);
  }

  async get(id: string, manager: EntityManager = this.dataSource.manager): Promise<ServiceUserView> {
    const [row]: ServiceUserRow[] = await manager.query('SELECT * FROM service_user WHERE id = $1', [id]);
    if (!row) throw CareErrors.serviceUserNotFound(id);
    return toView(row);
  }

  /** Visits that would fall outside support if it ended on this day (cancelled and missed ones do not matter). */
  async countVisitsAfter(manager: EntityManager, id: string, lastDay: string): Promise<number> {
    const [{ n }]: { n: number }[] = await manager.query(
      `SELECT count(*)::int AS n FROM visit
        WHERE service_user_id = $1 AND status IN ('planned', 'delivered') AND planned_start >= (($2::date + 1)::timestamp AT TIME ZONE $3)`,
      [id, lastDay, CARE_TIME_ZONE],
    );
    return n;
  }
}

function toView(r: ServiceUserRow): ServiceUserView {
  return {
    id: r.id,
    fullName: r.full_name,
    dateOfBirth: r.date_of_birth,
    address: r.address,
    locality: r.locality,
    fundingType: r.funding_type,
    startedOn: r.started_on,
    endedOn: r.ended_on,
  };
}
