import { Injectable, Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';

import { PURCHASING_ALLOCATION_MADE_V1 } from '@app/contracts';
import { OutboxRelay } from '@app/federation';

import { PurchasingErrors } from './purchasing.errors';
import { headerOf, nextRoundState, RoundStore } from './round.store';

/**
 * Staff place the order. The allocation is computed one last time and becomes final: commitments
 * arriving from now on are refused, whenever they were made. Each invited co-op is sent its share
 * (no lines if it committed nothing), in the same transaction.
 */
@Injectable()
export class OrderRound {
  private readonly logger = new Logger(OrderRound.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly store: RoundStore,
    private readonly relay: OutboxRelay,
  ) {}

  async execute(id: string): Promise<void> {
    await this.dataSource.transaction(async (m) => {
      const round = await this.store.lock(m, id);
      const next = nextRoundState(round, 'order');
      const { items, allocation } = await this.store.allocate(m, id);
      if (allocation.orderTotalPence === 0) throw PurchasingErrors.nothingToOrder();
      const orderedAt = new Date();
      await m.query('UPDATE purchasing_round SET state = $2, ordered_at = $3 WHERE id = $1', [id, next, orderedAt]);
      const tierOf = new Map(allocation.items.map((o) => [o.itemId, o.tier]));
      await this.store.notifyInvited(m, id, PURCHASING_ALLOCATION_MADE_V1, (coopId) => ({
        ...headerOf(round),
        orderedAt: orderedAt.toISOString(),
        lines: allocation.lines
          .filter((l) => l.coopId === coopId)
          .map((l) => {
            const item = items.find((i) => i.itemId === l.itemId)!;
            const tier = tierOf.get(l.itemId)!;
            return {
              itemId: l.itemId,
              name: item.name,
              supplier: item.supplier,
              unit: item.unit,
              quantity: l.quantity,
              unitPricePence: tier.unitPricePence,
              tierMinQuantity: tier.minQuantity,
              allocatedPence: l.allocatedPence,
              soloPence: l.soloPence,
              savingPence: l.savingPence,
              local: l.local,
            };
          }),
      }));
      this.logger.log({
        msg: 'purchasing round ordered',
        roundId: id,
        orderTotalPence: allocation.orderTotalPence,
        savingPence: allocation.savingPence,
      });
    });
    this.relay.nudge();
  }
}
