import { Injectable, OnModuleInit } from '@nestjs/common';
import { EntityManager } from 'typeorm';

import { Envelope, TENDERING_LOT_WITHDRAWN_V1, TenderLotWithdrawnV1 } from '@app/contracts';
import { InboxHandlers } from '@app/federation';

/**
 * The hub withdrew a lot's invitation (the lot changed or was split). A withdrawal counts for its
 * version and any earlier one, so it holds even when it overtakes the invitation it follows.
 */
@Injectable()
export class RecordTenderLotWithdrawal implements OnModuleInit {
  constructor(private readonly handlers: InboxHandlers) {}

  onModuleInit(): void {
    this.handlers.register(TENDERING_LOT_WITHDRAWN_V1, (e, m) => this.execute(e, m));
  }

  async execute(envelope: Envelope<TenderLotWithdrawnV1>, m: EntityManager): Promise<void> {
    const w = envelope.payload;
    await m.query(
      'INSERT INTO tender_lot_withdrawal (lot_id, lot_version, tender_id, reason) VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING',
      [w.lotId, w.lotVersion, w.tenderId, w.reason],
    );
  }
}
