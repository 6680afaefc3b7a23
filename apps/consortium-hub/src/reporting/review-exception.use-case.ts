import { randomUUID } from 'node:crypto';

import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

import { Principal } from '@app/platform';

import { ReportingErrors } from './reporting.errors';
import { lockTime } from './review.rules';

export interface ExceptionGranted {
  exceptionId: string;
  cycleId: string;
  coopId: string;
  until: string;
  reason: string;
  grantedBy: string;
  grantedAt: string;
  locksAt: string;
}

/**
 * Consortium staff let one co-op submit after the cycle has locked, until a given time (a co-op whose
 * node was down at the deadline, or that found a mistake late). Every exception is kept; the latest
 * end counts. The co-op is not messaged: it simply submits, and the hub takes the return.
 */
@Injectable()
export class GrantException {
  constructor(private readonly dataSource: DataSource) {}

  async execute(
    target: { cycleId: string; coopId: string },
    body: { until: string; reason: string },
    by: Principal,
    now = new Date(),
  ): Promise<ExceptionGranted> {
    const until = new Date(body.until);
    if (until.getTime() <= now.getTime()) throw ReportingErrors.exceptionNotFuture(body.until);
    const [cycle] = await this.dataSource.query('SELECT due_at, lock_after_days FROM return_cycle WHERE id = $1', [target.cycleId]);
    if (!cycle) throw ReportingErrors.cycleNotFound(target.cycleId);
    const [coop] = await this.dataSource.query('SELECT 1 FROM coop WHERE id = $1', [target.coopId]);
    if (!coop) throw ReportingErrors.coopNotFound(target.coopId);
    const locksAt = lockTime(new Date(cycle.due_at), cycle.lock_after_days);
    if (until.getTime() <= locksAt.getTime()) throw ReportingErrors.exceptionBeforeLock(body.until, locksAt);
    const exceptionId = randomUUID();
    const [row] = await this.dataSource.query(
      `INSERT INTO return_exception (id, cycle_id, coop_id, until, reason, granted_by) VALUES ($1, $2, $3, $4, $5, $6) RETURNING granted_at`,
      [exceptionId, target.cycleId, target.coopId, until, body.reason, by.subject],
    );
    return {
      exceptionId,
      cycleId: target.cycleId,
      coopId: target.coopId,
      until: until.toISOString(),
      reason: body.reason,
      grantedBy: by.subject,
      grantedAt: new Date(row.granted_at).toISOString(),
      locksAt: locksAt.toISOString(),
    };
  }
}
