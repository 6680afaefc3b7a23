import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';

import { SafeguardingCategory, SafeguardingOutcome } from '@app/contracts';
import { Page, pageOf } from '@app/platform';

import { CareErrors } from './care.errors';
import { ListSafeguardingConcernsQuery, SafeguardingConcernView } from './safeguarding-concerns.dto';

export interface SafeguardingConcernRow {
  id: string;
  service_user_id: string;
  raised_on: string;
  category: SafeguardingCategory;
  details: string | null;
  referred_on: string | null;
  outcome: SafeguardingOutcome;
  closed_on: string | null;
}

@Injectable()
export class SafeguardingConcernQueries {
  constructor(private readonly dataSource: DataSource) {}

  /** Most recently raised first: the concerns that most need the admin's attention. */
  async list(q: ListSafeguardingConcernsQuery): Promise<Page<SafeguardingConcernView>> {
    const where: string[] = [];
    const params: unknown[] = [];
    if (q.serviceUserId) where.push(`service_user_id = $${params.push(q.serviceUserId)}`);
    if (q.category) where.push(`category = $${params.push(q.category)}`);
    if (q.state === 'open') where.push("outcome = 'open'");
    if (q.state === 'closed') where.push("outcome <> 'open'");
    if (q.referred === 'true') where.push('referred_on IS NOT NULL');
    if (q.referred === 'false') where.push('referred_on IS NULL');
    if (q.raisedFrom) where.push(`raised_on >= $${params.push(q.raisedFrom)}`);
    if (q.raisedTo) where.push(`raised_on <= $${params.push(q.raisedTo)}`);
    const clause = where.length ? `WHERE ${where.join(' AND ')}` : '';
    const [{ total }]: { total: number }[] = await this.dataSource.query(
      `SELECT count(*)::int AS total FROM safeguarding_concern ${clause}`,
      params,
    );
    const rows: SafeguardingConcernRow[] = await this.dataSource.query(
      `SELECT * FROM safeguarding_concern ${clause} ORDER BY raised_on DESC, id LIMIT $${params.length + 1} OFFSET $${params.length + 2}`,
      [...params, q.limit, q.offset],
    );
    return pageOf(rows.map(toConcernView), total, q);
  }

  async get(id: string, manager: EntityManager = this.dataSource.manager): Promise<SafeguardingConcernView> {
    const [row]: SafeguardingConcernRow[] = await manager.query('SELECT * FROM safeguarding_concern WHERE id = $1', [id]);
    if (!row) throw CareErrors.safeguardingConcernNotFound(id);
    return toConcernView(row);
  }

  /** Every concern about the person, oldest first: for their data export. */
  async allOf(manager: EntityManager, serviceUserId: string): Promise<SafeguardingConcernView[]> {
    const rows: SafeguardingConcernRow[] = await manager.query(
      'SELECT * FROM safeguarding_concern WHERE service_user_id = $1 ORDER BY raised_on, id',
      [serviceUserId],
    );
    return rows.map(toConcernView);
  }

  /** How many of the person's concerns are still open: erasure waits for them to close. */
  async openCountOf(manager: EntityManager, serviceUserId: string): Promise<number> {
    const [{ n }]: { n: number }[] = await manager.query(
      "SELECT count(*)::int AS n FROM safeguarding_concern WHERE service_user_id = $1 AND outcome = 'open'",
      [serviceUserId],
    );
    return n;
  }
}

function toConcernView(r: SafeguardingConcernRow): SafeguardingConcernView {
  return {
    id: r.id,
    serviceUserId: r.service_user_id,
    raisedOn: r.raised_on,
    category: r.category,
    details: r.details,
    referredToCouncil: r.referred_on !== null,
    referredOn: r.referred_on,
    outcome: r.outcome,
    closedOn: r.closed_on,
  };
}
