import { Injectable, OnModuleInit } from '@nestjs/common';
import { EntityManager } from 'typeorm';

import { Envelope, REPORTING_RETURN_REQUESTED_V1, ReturnRequestedV1 } from '@app/contracts';
import { InboxHandlers } from '@app/federation';

/** The hub opened a return cycle: keep the request, so the admin can preview and submit for it. */
@Injectable()
export class RecordReturnRequest implements OnModuleInit {
  constructor(private readonly handlers: InboxHandlers) {}

  onModuleInit(): void {
    this.handlers.register(REPORTING_RETURN_REQUESTED_V1, (e, m) => this.execute(e, m));
  }

  async execute(envelope: Envelope<ReturnRequestedV1>, m: EntityManager): Promise<void> {
    const r = envelope.payload;
    await m.query(
      `INSERT INTO return_request (cycle_id, definition_id, definition_version, period_label, period_start, period_end, due_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7)
       ON CONFLICT (cycle_id) DO UPDATE SET due_at = EXCLUDED.due_at`,
      [r.cycleId, r.definitionId, r.definitionVersion, r.period.label, r.period.start, r.period.end, r.dueAt],
    );
  }
}
