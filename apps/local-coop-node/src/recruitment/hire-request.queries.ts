import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';

import { Page, pageOf } from '@app/platform';

import { HireRequestView, ListHireRequestsQuery } from './hire-requests.dto';
import { RecruitmentErrors } from './recruitment.errors';
import { HireRequestStatus } from './recruitment.rules';

interface HireRequestRow {
  id: string;
  vacancy_id: string;
  profile_id: string;
  status: HireRequestStatus;
  reason: string | null;
  requested_at: Date;
  updated_at: Date;
}

@Injectable()
export class HireRequestQueries {
  constructor(private readonly dataSource: DataSource) {}

  /** Newest first. */
  async list(q: ListHireRequestsQuery): Promise<Page<HireRequestView>> {
    const where: string[] = [];
    const params: unknown[] = [];
    if (q.vacancyId) where.push(`vacancy_id = $${params.push(q.vacancyId)}`);
    if (q.status) where.push(`status = $${params.push(q.status)}`);
    const clause = where.length ? `WHERE ${where.join(' AND ')}` : '';
    const [{ total }]: { total: number }[] = await this.dataSource.query(
      `SELECT count(*)::int AS total FROM hire_request ${clause}`,
      params,
    );
    const rows: HireRequestRow[] = await this.dataSource.query(
      `SELECT * FROM hire_request ${clause} ORDER BY requested_at DESC, id LIMIT $${params.length + 1} OFFSET $${params.length + 2}`,
      [...params, q.limit, q.offset],
    );
    return pageOf(rows.map(toView), total, q);
  }

  async get(id: string, manager: EntityManager = this.dataSource.manager): Promise<HireRequestView> {
    const [row]: HireRequestRow[] = await manager.query('SELECT * FROM hire_request WHERE id = $1', [id]);
    if (!row) throw RecruitmentErrors.requestNotFound(id);
    return toView(row);
  }
}

function toView(r: HireRequestRow): HireRequestView {
  return {
    id: r.id,
    vacancyId: r.vacancy_id,
    profileId: r.profile_id,
    status: r.status,
    reason: r.reason,
    requestedAt: r.requested_at.toISOString(),
    updatedAt: r.updated_at.toISOString(),
  };
}
