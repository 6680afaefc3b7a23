import { Injectable, OnModuleInit } from '@nestjs/common';
import { EntityManager } from 'typeorm';

import { Envelope, PURCHASING_ROUND_STATE_CHANGED_V1, PurchasingRoundStateChangedV1 } from '@app/contracts';
import { InboxHandlers } from '@app/federation';

import { RoundRecords } from './round-records.store';

/** The hub closed a round (no more commitments), or it was delivered or cancelled. */
@Injectable()
export class RecordRoundState implements OnModuleInit {
  constructor(
    private readonly handlers: InboxHandlers,
    private readonly records: RoundRecords,
  ) {}

  onModuleInit(): void {
    this.handlers.register(PURCHASING_ROUND_STATE_CHANGED_V1, (e, m) => this.execute(e, m));
  }

  async execute(envelope: Envelope<PurchasingRoundStateChangedV1>, m: EntityManager): Promise<void> {
    const r = envelope.payload;
    await this.records.advance(m, r, r.state, r.at, r.reason);
  }
}
