import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

import { Page, pageOf } from '../http/pagination';
import { AuditEventView, AuditQuery } from './audit.dto';

interface AuditEventRow {
  id: string;
  at: Date;
  actor: string;
  actor_role: string;
  action: string;
  target: string | null;
  outcome: string;
  status: number | null;
  correlation_id: string | null;
}

/** The audit trail as its readers filter it, newest first. */
@Injectable()
export class AuditQueries {
  constructor(private readonly dataSource: DataSource) {}

  async list(q: AuditQuery): Promise<Page<AuditEventView>> {
    const where: string[] = [];
    const params: unknown[] = [];
    if (q.actor) where.push(`actor = $${params.push(q.actor)}`);
    if (q.action) where.push(`position($${params.push(q.action)} in action) > 0`);
    if (q.outcome) where.push(`outcome = $${params.push(q.outcome)}`);
    if (q.from) where.push(`at >= $${params.push(q.from)}`);
    if (q.to) where.push(`at < $${params.push(q.to)}`);
    const clause = where.length ? `WHERE ${where.join(' AND ')}` : '';
    const [{ total }]: { total: number }[] = await this.dataSource.query(
      `SELECT count(*)::int AS total FROM audit_event ${clause}`,
      params,
    );
    const rows: AuditEventRow[] = await this.dataSource.query(
      `SELECT * FROM audit_event ${clause} ORDER BY id DESC LIMIT $${params.length + 1} OFFSET $${params.length + 2}`,
      [...params, q.limit, q.offset],
    );
    return pageOf(rows.map(toAuditEventView), total, q);
  }
}

function toAuditEventView(r: AuditEventRow): AuditEventView {
  return {
    id: String(r.id),
    at: new Date(r.at).toISOString(),
    actor: r.actor,
    actorRole: r.actor_role,
    action: r.action,
    target: r.target,
    outcome: r.outcome,
    status: r.status,
    correlationId: r.correlation_id,
  };
}
