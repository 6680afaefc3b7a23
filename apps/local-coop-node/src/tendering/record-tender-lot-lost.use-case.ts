import { Injectable, OnModuleInit } from '@nestjs/common';
import { EntityManager } from 'typeorm';

import { Envelope, TENDERING_LOT_LOST_V1, TenderLotLostV1 } from '@app/contracts';
import { InboxHandlers } from '@app/federation';

/** A lot this co-op offered on went elsewhere: kept apart from the invitation, so it counts even if it overtakes it. */
@Injectable()
export class RecordTenderLotLost implements OnModuleInit {
  constructor(private readonly handlers: InboxHandlers) {}

  onModuleInit(): void {
    this.handlers.register(TENDERING_LOT_LOST_V1, (e, m) => this.execute(e, m));
  }

  /** This co-op's offer on a lot came to nothing: the hours it offered there are free again. */
  async execute(envelope: Envelope<TenderLotLostV1>, m: EntityManager): Promise<void> {
    const l = envelope.payload;
    await m.query('INSERT INTO tender_lot_lost (lot_id, tender_id, outcome) VALUES ($1, $2, $3) ON CONFLICT (lot_id) DO NOTHING', [
      l.lotId,
      l.tenderId,
      l.outcome,
    ]);
  }
}
