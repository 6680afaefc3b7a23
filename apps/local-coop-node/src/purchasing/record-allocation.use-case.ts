import { Injectable, OnModuleInit } from '@nestjs/common';
import { EntityManager } from 'typeorm';

import { Envelope, PURCHASING_ALLOCATION_MADE_V1, PurchasingAllocationMadeV1 } from '@app/contracts';
import { InboxHandlers } from '@app/federation';

import { RoundRecords } from './round-records.store';

/**
 * The round was ordered and this is the co-op's final share: what it will pay for each item, what
 * buying alone would have cost, and whether the supplier is local (the local-supplier-spend figure).
 */
@Injectable()
export class RecordAllocation implements OnModuleInit {
  constructor(
    private readonly handlers: InboxHandlers,
    private readonly records: RoundRecords,
  ) {}

  onModuleInit(): void {
    this.handlers.register(PURCHASING_ALLOCATION_MADE_V1, (e, m) => this.execute(e, m));
  }

  async execute(envelope: Envelope<PurchasingAllocationMadeV1>, m: EntityManager): Promise<void> {
    const r = envelope.payload;
    await this.records.advance(m, r, 'ordered', r.orderedAt);
    // The hub sends the allocation once it is final; a repeat replaces it with the same lines.
    await m.query('DELETE FROM purchasing_allocation WHERE round_id = $1', [r.roundId]);
    for (const l of r.lines) {
      await m.query(
        `INSERT INTO purchasing_allocation (round_id, item_id, name, supplier, unit, quantity, unit_price_pence, tier_min_quantity, allocated_pence, solo_pence, saving_pence, local)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)`,
        [
          r.roundId,
          l.itemId,
          l.name,
          l.supplier,
          l.unit,
          l.quantity,
          l.unitPricePence,
          l.tierMinQuantity,
          l.allocatedPence,
          l.soloPence,
          l.savingPence,
          l.local,
        ],
      );
    }
  }
}
