import { Injectable, OnModuleInit } from '@nestjs/common';
import { EntityManager } from 'typeorm';

import { BROKERAGE_PACKAGE_GONE_V1, BrokeragePackageGoneV1, Envelope } from '@app/contracts';
import { InboxHandlers } from '@app/federation';

/**
 * The hub says a request is gone for this co-op. Kept once per request, in a table of its own so it
 * holds even if it overtakes the request itself (a republished message can). A later notice that the
 * co-op's answer was late marks it so; nothing else changes.
 */
@Injectable()
export class RecordPackageGone implements OnModuleInit {
  constructor(private readonly handlers: InboxHandlers) {}

  onModuleInit(): void {
    this.handlers.register(BROKERAGE_PACKAGE_GONE_V1, (e, m) => this.execute(e, m));
  }

  async execute(envelope: Envelope<BrokeragePackageGoneV1>, m: EntityManager): Promise<void> {
    const g = envelope.payload;
    await m.query(
      `INSERT INTO brokerage_gone (request_id, reason, gone_at, answer_was_late) VALUES ($1, $2, $3, $4)
       ON CONFLICT (request_id) DO UPDATE SET answer_was_late = brokerage_gone.answer_was_late OR EXCLUDED.answer_was_late`,
      [g.requestId, g.reason, g.goneAt, g.answerWasLate],
    );
  }
}
