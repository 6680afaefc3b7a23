import { Injectable, OnModuleInit } from '@nestjs/common';
import { EntityManager } from 'typeorm';

import { Envelope, TenderContractAwardedV1, TENDERING_CONTRACT_AWARDED_V1 } from '@app/contracts';
import { InboxHandlers } from '@app/federation';

/** The consortium won a lot and this co-op holds the contract: kept once, however often it is delivered. */
@Injectable()
export class RecordTenderContract implements OnModuleInit {
  constructor(private readonly handlers: InboxHandlers) {}

  onModuleInit(): void {
    this.handlers.register(TENDERING_CONTRACT_AWARDED_V1, (e, m) => this.execute(e, m));
  }

  async execute(envelope: Envelope<TenderContractAwardedV1>, m: EntityManager): Promise<void> {
    const c = envelope.payload;
    await m.query(
      `INSERT INTO tender_contract (id, tender_id, lot_id, tender_title, buyer, locality, service_type, hours_per_week, price_pence_per_hour, starts_on, ends_on)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) ON CONFLICT (id) DO NOTHING`,
      [
        c.contractId,
        c.tenderId,
        c.lotId,
        c.tenderTitle,
        c.buyer,
        c.locality,
        c.serviceType,
        c.hoursPerWeek,
        c.pricePencePerHour,
        c.startsOn,
        c.endsOn,
      ],
    );
  }
}
