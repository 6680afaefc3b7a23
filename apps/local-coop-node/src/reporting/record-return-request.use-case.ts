import { Injectable, OnModuleInit } from '@nestjs/common';
import { EntityManager } from 'typeorm';

import { Envelope, findReturnDefinition, parsePeriod, REPORTING_RETURN_REQUESTED_V1, ReturnRequestedV1 } from '@app/contracts';
import { InboxHandlers } from '@app/federation';

import { ReportingErrors } from './reporting.errors';

/** The hub opened a return cycle: keep the request, so the admin can preview and submit for it. */
@Injectable()
export class RecordReturnRequest implements OnModuleInit {
  constructor(private readonly handlers: InboxHandlers) {}

  onModuleInit(): void {
    this.handlers.register(REPORTING_RETURN_REQUESTED_V1, (e, m) => this.execute(e, m));
  }

  async execute(envelope: Envelope<ReturnRequestedV1>, m: EntityManager): Promise<void> {
    const r = envelope.payload;
    // The message's own checks made sure the label names a period and the dates are its dates; a
    // definition this node knows must also allow that kind of period, or the request is refused
    // (a rejected receipt) instead of kept for a return that could never pass.
    const definition = findReturnDefinition(r.definitionId, r.definitionVersion);
    const period = parsePeriod(r.period.label)!;
    if (definition && !definition.periodTypes.includes(period.type))
      throw ReportingErrors.periodTypeNotAllowed(period.label, definition.id, definition.version);
    await m.query(
      `INSERT INTO return_request (cycle_id, definition_id, definition_version, period_label, period_start, period_end, due_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7)
       ON CONFLICT (cycle_id) DO UPDATE SET due_at = EXCLUDED.due_at`,
      [r.cycleId, r.definitionId, r.definitionVersion, r.period.label, r.period.start, r.period.end, r.dueAt],
    );
  }
}
