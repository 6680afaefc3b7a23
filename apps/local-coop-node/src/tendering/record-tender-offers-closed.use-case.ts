import { Injectable, OnModuleInit } from '@nestjs/common';
import { EntityManager } from 'typeorm';

import { Envelope, TENDERING_OFFERS_CLOSED_V1, TenderOffersClosedV1 } from '@app/contracts';
import { InboxHandlers } from '@app/federation';

/** Offers closed on the hub: kept apart from the invitation, so it counts even if it overtakes the invitation it follows. */
@Injectable()
export class RecordTenderOffersClosed implements OnModuleInit {
  constructor(private readonly handlers: InboxHandlers) {}

  onModuleInit(): void {
    this.handlers.register(TENDERING_OFFERS_CLOSED_V1, (e, m) => this.execute(e, m));
  }

  /** Offers closed on the hub (the earliest close it reported counts): the node takes no more offers on the tender. */
  async execute(envelope: Envelope<TenderOffersClosedV1>, m: EntityManager): Promise<void> {
    const c = envelope.payload;
    await m.query(
      `INSERT INTO tender_offers_closed (tender_id, closed_at) VALUES ($1, $2)
       ON CONFLICT (tender_id) DO UPDATE SET closed_at = LEAST(tender_offers_closed.closed_at, EXCLUDED.closed_at)`,
      [c.tenderId, c.closedAt],
    );
  }
}
