import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, Length } from 'class-validator';
import { DataSource } from 'typeorm';

import { Page, pageOf, PageQuery } from '../http/pagination';
import { IsTimestampWithZone } from '../validation/validators';

export class AuditQuery extends PageQuery {
  @ApiPropertyOptional({ description: 'Actor, e.g. coop-admin:alice or member:<id>' })
  @IsOptional()
  @IsString()
  @Length(1, 200)
  actor?: string;

  @ApiPropertyOptional({ description: 'Part of the action, e.g. /members' })
  @IsOptional()
  @IsString()
  @Length(1, 200)
  action?: string;

  @ApiPropertyOptional({ enum: ['succeeded', 'refused', 'failed'] })
  @IsOptional()
  @IsIn(['succeeded', 'refused', 'failed'])
  outcome?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsTimestampWithZone()
  from?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsTimestampWithZone()
  to?: string;
}

export interface AuditEventView {
  id: string;
  at: string;
  actor: string;
  actorRole: string;
  action: string;
  target: string | null;
  outcome: string;
  status: number | null;
  correlationId: string | null;
}

/** The audit trail, newest first. Roles are set by the app (AuditModule.forRoot). */
@ApiTags('audit')
@ApiBearerAuth()
@Controller('audit')
export class AuditController {
  constructor(private readonly dataSource: DataSource) {}

  @Get()
  async list(@Query() q: AuditQuery): Promise<Page<AuditEventView>> {
    const where: string[] = [];
    const params: unknown[] = [];
    if (q.actor) where.push(`actor = $${params.push(q.actor)}`);
    if (q.action) where.push(`position($${params.push(q.action)} in action) > 0`);
    if (q.outcome) where.push(`outcome = $${params.push(q.outcome)}`);
    if (q.from) where.push(`at >= $${params.push(q.from)}`);
    if (q.to) where.push(`at < $${params.push(q.to)}`);
    const clause = where.length ? `WHERE ${where.join(' AND ')}` : '';
    const [{ total }] = await this.dataSource.query(`SELECT count(*)::int AS total FROM audit_event ${clause}`, params);
    const rows = await this.dataSource.query(
      `SELECT * FROM audit_event ${clause} ORDER BY id DESC LIMIT $${params.length + 1} OFFSET $${params.length + 2}`,
      [...params, q.limit, q.offset],
    );
    return pageOf(
      rows.map((r: Record<string, any>) => ({
        id: String(r.id),
        at: new Date(r.at).toISOString(),
        actor: r.actor,
        actorRole: r.actor_role,
        action: r.action,
        target: r.target,
        outcome: r.outcome,
        status: r.status,
        correlationId: r.correlation_id,
      })),
      total,
      q,
    );
  }
}
