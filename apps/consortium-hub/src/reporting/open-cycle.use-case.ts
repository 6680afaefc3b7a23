import { randomUUID } from 'node:crypto';

import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

import { CURRENT_RETURN_DEFINITION, parsePeriod, PERIOD_TYPE_RULES, plainPeriod, REPORTING_RETURN_REQUESTED_V1 } from '@app/contracts';
import { OutboxRelay, OutboxService } from '@app/federation';
import { Clock, londonDay, Principal } from '@app/platform';

import { OpenCycleDto } from './reporting.dto';
import { ReportingErrors } from './reporting.errors';
import { DEFAULT_LOCK_AFTER_DAYS, lockTime } from './review.rules';

/**
 * Consortium staff open a return cycle. The request goes to every registered co-op through the
 * durable path, in the same transaction as the cycle: a node that is offline now gets it when it
 * comes back.
 */
@Injectable()
export class OpenCycle {
  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: OutboxService,
    private readonly relay: OutboxRelay,
    private readonly clock: Clock,
  ) {}

  async execute(dto: OpenCycleDto, by: Principal): Promise<{ id: string; period: string; asked: string[]; locksAt: string }> {
    const period = parsePeriod(dto.period)!;
    const def = CURRENT_RETURN_DEFINITION;
    if (!def.periodTypes.includes(period.type))
      throw ReportingErrors.periodTypeNotAllowed(
        period.label,
        `${def.id} v${def.version}`,
        def.periodTypes.map((t) => PERIOD_TYPE_RULES[t]).join('; '),
      );
    const lockAfterDays = dto.lockAfterDays ?? DEFAULT_LOCK_AFTER_DAYS;
    const locksAt = lockTime(new Date(dto.dueAt), lockAfterDays).toISOString();
    if (period.start > londonDay(this.clock.now())) throw ReportingErrors.periodNotStarted(period.label);
    if (londonDay(new Date(dto.dueAt)) <= period.end) throw ReportingErrors.dueBeforePeriodEnd();
    const result = await this.dataSource.transaction(async (m) => {
      const id = randomUUID();
      const inserted = await m.query(
        `INSERT INTO return_cycle (id, definition_id, definition_version, period_label, period_start, period_end, period_type, due_at, lock_after_days, opened_by)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) ON CONFLICT ON CONSTRAINT uq_return_cycle_period DO NOTHING RETURNING id`,
        [id, def.id, def.version, period.label, period.start, period.end, period.type, dto.dueAt, lockAfterDays, by.subject],
      );
      if (inserted.length === 0) throw ReportingErrors.cycleExists(period.label);
      const coops: { id: string }[] = await m.query(
        `SELECT id FROM coop WHERE public_key IS NOT NULL AND status IN ('registered', 'trading') ORDER BY id`,
      );
      for (const coop of coops) {
        await this.outbox.enqueue(
          m,
          REPORTING_RETURN_REQUESTED_V1,
          {
            cycleId: id,
            definitionId: def.id,
            definitionVersion: def.version,
            period: plainPeriod(period),
            dueAt: new Date(dto.dueAt).toISOString(),
          },
          { coopId: coop.id },
        );
      }
      return { id, period: period.label, asked: coops.map((c) => c.id), locksAt };
    });
    this.relay.nudge();
    return result;
  }
}
