import { Injectable, OnModuleInit } from '@nestjs/common';
import { EntityManager } from 'typeorm';

import { Envelope, PURCHASING_ROUND_OPENED_V1, PurchasingRoundOpenedV1 } from '@app/contracts';
import { InboxHandlers } from '@app/federation';

import { RoundRecords } from './round-records.store';

/** The hub invited this co-op to a purchasing round: keep it, its items and their prices, so the admin can commit. */
@Injectable()
export class RecordRoundOpened implements OnModuleInit {
  constructor(
    private readonly handlers: InboxHandlers,
    private readonly records: RoundRecords,
  ) {}

  onModuleInit(): void {
    this.handlers.register(PURCHASING_ROUND_OPENED_V1, (e, m) => this.execute(e, m));
  }

  async execute(envelope: Envelope<PurchasingRoundOpenedV1>, m: EntityManager): Promise<void> {
    const r = envelope.payload;
    await this.records.advance(m, r, 'open', r.openedAt);
    for (const [position, i] of r.items.entries()) {
      await m.query(
        `INSERT INTO purchasing_round_item (round_id, item_id, position, name, supplier, unit, solo_unit_price_pence, order_charge_pence, price_breaks, local_to)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
         ON CONFLICT (round_id, item_id) DO UPDATE SET position = EXCLUDED.position, name = EXCLUDED.name, supplier = EXCLUDED.supplier, unit = EXCLUDED.unit,
           solo_unit_price_pence = EXCLUDED.solo_unit_price_pence, order_charge_pence = EXCLUDED.order_charge_pence, price_breaks = EXCLUDED.price_breaks, local_to = EXCLUDED.local_to`,
        [
          r.roundId,
          i.itemId,
          position,
          i.name,
          i.supplier,
          i.unit,
          i.soloUnitPricePence,
          i.orderChargePence,
          JSON.stringify(i.priceBreaks),
          i.localTo,
        ],
      );
    }
  }
}
